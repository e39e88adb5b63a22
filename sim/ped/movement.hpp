#pragma once
// What every pedestrian model shares after it has chosen a velocity: the step
// is kept clear of walls, and a step through an exit gap is an exit.
#include <cstdint>
#include <optional>

#include "sim/geometry/walkable_level.hpp"

namespace campusflow {

// Pushes p out of any wall it is closer to than `clearance` [m]; `from` (the
// position before the step) decides the side when p lies on a wall.
Vec2 keep_clear_of_walls(Vec2 p, const Vec2& from, double clearance, const SegmentGrid& walls);

struct ExitCrossing {
  std::uint32_t exit;  // scenario-wide exit index
  double fraction;     // where along the step the line was crossed, (0, 1]
};

// The first exit gap the step from `a` to `b` crosses, if any.
std::optional<ExitCrossing> crossed_exit(const Vec2& a, const Vec2& b, const WalkableLevel& level);

}  // namespace campusflow
