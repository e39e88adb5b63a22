#pragma once
// The pedestrians' street network: each link's sidewalk runs along its right
// side; at a node, the sidewalks that meet without a road between them join at
// a corner; a crossing joins the two corners on either side of a road; a
// gate's footpath starts between two corners. Pupils walk it in one dimension
// (as SUMO's striping model does along its lanes), at their own speed, waiting
// only at crossings. Shortest paths to each gate are found once, by Dijkstra.
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/geometry/polygon.hpp"

namespace campusflow {

struct StreetSpec;

// One piece of a walk: a stretch of sidewalk, a corner, a crossing or a
// gate's footpath, drawn as a straight line from a to b.
struct WalkPiece {
  Vec2 a = Vec2::Zero(), b = Vec2::Zero();
  double length = 0.0;        // [m]
  std::int32_t crossing = -1; // the crossing walked, or -1
  bool reversed = false;      // crossings: walked from the counter-clockwise end (see CrossingLeg::from, to)
};

// A walkable strip of the network as a viewer draws it: every edge of the
// graph once, the way it was laid out.
enum class WalkPathKind : std::uint8_t { kSidewalk, kCorner, kFootpath, kCrossing };
struct WalkPath {
  Vec2 a = Vec2::Zero(), b = Vec2::Zero();  // centre line [m]
  double width = 0.0;                       // [m]
  WalkPathKind kind = WalkPathKind::kSidewalk;
  std::int32_t index = -1;  // the link (sidewalks), gate (footpaths) or crossing (crossings); -1 corners
};

// Corners and footpaths have no width in the scenario: they are drawn as wide
// as the widest sidewalk at their node, this wide where there is none [m].
inline constexpr double kUnmarkedPathWidth = 2.0;

// How far from its node the middle of a crossing `width` wide lies on the
// road by which link `in_link` enters the node (-1: no link enters there):
// inside the junction along its border, where that link ends (SUMO's
// netconvert lays crossings out so), or touching the node when the link
// reaches it (no room in between). Pupils walk it there; vehicles leaving
// the node meet it there too (entering, they have no rows in the junction).
double crossing_middle(const StreetSpec& street, std::int32_t in_link, double width);

class Sidewalks {
 public:
  Sidewalks() = default;
  explicit Sidewalks(const StreetSpec& street);

  // The shortest walk from `position` metres along `link`'s sidewalk to
  // `gate`; empty when the gate cannot be reached that way.
  std::vector<WalkPiece> walk_to_gate(std::uint32_t link, double position, std::uint32_t gate) const;
  // Its length [m], +infinity when unreachable.
  double distance_to_gate(std::uint32_t link, double position, std::uint32_t gate) const;
  // Where a point on a link's sidewalk is.
  Vec2 point(std::uint32_t link, double position) const;
  bool has_sidewalk(std::uint32_t link) const { return links_[link].width > 0.0; }
  // Every strip once, in the order laid out; zero-length joins left out.
  const std::vector<WalkPath>& paths() const { return paths_; }

 private:
  struct Edge {
    std::uint32_t to = 0;
    WalkPiece piece;
  };
  struct LinkWalk {
    double width = 0.0, length = 0.0;
    Vec2 start = Vec2::Zero(), dir = Vec2::UnitX(), offset = Vec2::Zero();
    std::uint32_t from_corner = 0, to_corner = 0;  // the corners its sidewalk joins
  };
  std::vector<LinkWalk> links_;
  std::vector<Vec2> corner_points_;
  std::vector<std::vector<Edge>> edges_;           // by corner (gate mouths are corners too)
  std::vector<std::vector<double>> gate_distance_; // [gate][corner] [m]
  std::vector<std::vector<std::int32_t>> gate_next_;  // [gate][corner] the edge index towards the gate, -1 at it
  std::vector<std::uint32_t> gate_end_;            // [gate] the corner at the gate itself
  std::vector<WalkPath> paths_;

  // Joins a and b both ways, and keeps the strip for drawing.
  void add_edge(std::uint32_t a, std::uint32_t b, WalkPiece piece, WalkPathKind kind, double width,
                std::int32_t index = -1);
  void solve_gate(std::uint32_t gate);
};

inline constexpr double kUnreachable = std::numeric_limits<double>::infinity();

}  // namespace campusflow
