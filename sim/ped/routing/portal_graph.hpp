#pragma once
// The portal graph of a building: places (exits, doors, stair ends) joined by
// the floor between them, with the walking cost of each link. Routes across
// levels are shortest paths in it (Dijkstra, via Boost.Graph); within a level
// an agent follows the distance field of its next place.
#include <cstdint>
#include <span>
#include <vector>

namespace campusflow {

struct GraphEdge {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double cost = 0.0;  // [m]
};

class PortalGraph {
 public:
  PortalGraph() = default;
  PortalGraph(std::size_t places, std::vector<GraphEdge> edges) : places_(places), edges_(std::move(edges)) {}

  // The cost [m] from every place to the nearest of `targets`, through places
  // that are not blocked (blocked: (places) or empty). +infinity where none
  // can be reached; a blocked target is no target.
  std::vector<double> costs_to(std::span<const std::uint32_t> targets, std::span<const char> blocked) const;

  std::size_t places() const { return places_; }

 private:
  std::size_t places_ = 0;
  std::vector<GraphEdge> edges_;
};

}  // namespace campusflow
