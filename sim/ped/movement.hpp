#pragma once
// What every pedestrian model shares after it has chosen a velocity: the step
// is kept clear of walls.
#include <cstdint>

#include "sim/geometry/walkable_level.hpp"

namespace campusflow {

// Pushes p out of any wall it is closer to than `clearance` [m]; `from` (the
// position before the step) decides the side when p lies on a wall.
Vec2 keep_clear_of_walls(Vec2 p, const Vec2& from, double clearance, const SegmentGrid& walls);

}  // namespace campusflow
