#pragma once
// How a step relates to the openings of its level: the direction in which to
// head for one, and the first one a step crosses. Used by the engine's plan
// stage for every walking agent.
#include <cstdint>
#include <utility>

#include "sim/geometry/walkable_level.hpp"
#include "sim/ped/agents.hpp"

namespace campusflow {

// The desired direction (unit, or zero) at x towards `target`: the steepest
// descent of its field, except within two cells of a door, where the field's
// directions on its two sides point at each other (each leads across) and
// the way is straight across, and within two cells outside an assembly
// area, where the way is straight in.
Vec2 desired_direction(const Opening& target, const Vec2& x);

// The first opening of `level` that the step from a to b crosses, and where
// along the step, in (0, 1]: boundary openings outwards only (stepping back
// in is no crossing), doors either way, assembly areas when the step enters
// them. {kNoPlace, 2} when it crosses none.
std::pair<std::uint32_t, double> first_crossing(const WalkableLevel& level, const Vec2& a, const Vec2& b);

}  // namespace campusflow
