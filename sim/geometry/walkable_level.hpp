#pragma once
// One level ready for simulation: the walkable polygon, its walls (the
// boundary with the openings cut out) indexed for range queries, and its
// openings (exits, stair ends, doors), each with the distance field that
// leads to it.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sim/geometry/distance_field.hpp"
#include "sim/geometry/polygon.hpp"
#include "sim/geometry/segment_grid.hpp"

namespace campusflow {

enum class OpeningKind : std::uint8_t {
  kExit,      // on the outline: leaving through it is reaching safety
  kStairEnd,  // on the outline: leads onto (or off) a stair
  kDoor,      // inside the level: a line across a gap in the walls
  kAssembly,  // inside the level: an area; stepping into it is reaching safety
};

// What the scenario says about an opening; build_walkable_level adds the rest.
struct OpeningSpec {
  OpeningKind kind = OpeningKind::kExit;
  std::uint32_t place = 0;  // scenario-wide place index (node of the portal graph)
  Segment segment;          // boundary openings: on the outer ring
  Ring area;                // assembly points: the area, counter-clockwise

  static OpeningSpec line(OpeningKind kind, std::uint32_t place, const Segment& segment) {
    return {kind, place, segment, {}};
  }
  static OpeningSpec zone(std::uint32_t place, Ring area) {
    return {OpeningKind::kAssembly, place, {}, std::move(area)};
  }
};

struct Opening {
  OpeningKind kind = OpeningKind::kExit;
  std::uint32_t place = 0;
  Segment segment;
  Ring area;                   // assembly points only
  Vec2 normal = Vec2::Zero();  // boundary: unit normal out of the level; door: a unit normal
  // Travel cost to this opening [m], with the level's other doors shut so that
  // a way leads through no room it does not route through.
  DistanceField field;

  bool boundary() const { return kind == OpeningKind::kExit || kind == OpeningKind::kStairEnd; }
};

// Where a level's own coordinates lie in the building. Floors are drawn in
// building coordinates already. A stair is laid out in a frame of its own,
// x along the slope from 0 to `length` and y across from 0 to `width`, so
// that walking it takes length / speed; for output it maps onto the plan-view
// quadrilateral between its two ends, rising from one end's elevation to the
// other's.
struct StairPlacement {
  Segment start;         // the x = 0 end on its floor, in that floor's outline direction
  Segment end;           // the x = length end on its floor
  double length = 0.0;   // along the slope [m]
  double width = 0.0;    // [m]
  double z_start = 0.0;  // [m]
  double z_end = 0.0;    // [m]
};

struct WalkableLevel {
  std::string name;
  double elevation = 0.0;  // [m]; a stair's lower end
  std::optional<StairPlacement> stair;  // set on a stair's own level
  Polygon walkable;
  std::vector<Segment> walls;
  SegmentGrid wall_grid;
  std::vector<Opening> openings;
  std::vector<std::int32_t> opening_of_place;  // (n_places) index into openings, -1 when not on this level

  // Building coordinates (x, y in plan view, z the height) of a point in the
  // level's own coordinates.
  Eigen::Vector3d world(const Vec2& p) const;

  const Opening* opening_for(std::uint32_t place) const {
    const std::int32_t k = place < opening_of_place.size() ? opening_of_place[place] : -1;
    return k < 0 ? nullptr : &openings[static_cast<std::size_t>(k)];
  }
};

// Builds the walls, the openings and their distance fields. Boundary openings
// must lie on edges of the outer ring (the scenario parser guarantees it).
// `wall_range` is how far an agent looks for walls [m]; `places` the number
// of places in the scenario.
WalkableLevel build_walkable_level(std::string name, double elevation, Polygon walkable,
                                   std::span<const OpeningSpec> openings, std::size_t places,
                                   const DistanceFieldOptions& field, double wall_range);

// The boundary of `polygon` with every opening removed from the outer ring.
std::vector<Segment> walls_with_openings(const Polygon& polygon, std::span<const Segment> openings);

// Where the step from a to b crosses segment s: the fraction along the step
// in (0, 1], or a negative number when it does not.
double crossing_fraction(const Vec2& a, const Vec2& b, const Segment& s);

}  // namespace campusflow
