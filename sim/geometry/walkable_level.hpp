#pragma once
// One level ready for simulation: the walkable polygon, its walls (the
// boundary with the exit gaps cut out) indexed for range queries, and the
// distance field towards the level's exits.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/geometry/distance_field.hpp"
#include "sim/geometry/polygon.hpp"
#include "sim/geometry/segment_grid.hpp"

namespace campusflow {

struct ExitGap {
  std::uint32_t exit;  // scenario-wide exit index
  Segment segment;     // the opening, on the outer boundary
  Vec2 outward;        // unit normal pointing out of the walkable area
};

struct WalkableLevel {
  std::string name;
  double elevation = 0.0;  // [m]
  Polygon walkable;
  std::vector<Segment> walls;
  SegmentGrid wall_grid;
  DistanceField field;
  std::vector<ExitGap> exits;
};

struct ExitOpening {
  std::uint32_t exit;
  Segment segment;
};

// Builds the walls and the distance field. Exits must lie on edges of the
// outer ring (the scenario parser guarantees it). `wall_range` is how far an
// agent looks for walls [m].
WalkableLevel build_walkable_level(std::string name, double elevation, Polygon walkable,
                                   std::span<const ExitOpening> exits, const DistanceFieldOptions& field,
                                   double wall_range);

// The boundary of `polygon` with every opening removed from the outer ring.
std::vector<Segment> walls_with_openings(const Polygon& polygon, std::span<const Segment> openings);

}  // namespace campusflow
