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

// Where people step off a flight onto a floor they need room: a step from a
// to b (on a floor) that would enter the strip `depth` deep along a stair end
// of the level, from outside it, stops at the strip's edge, unless that end
// is the agent's `target`. Who is in a strip already (those who just stepped
// off) moves freely. Without this the crowd on a landing, queueing for the
// flight down, fills the foot of the flight from above and holds everyone
// on it for minutes (docs/models/routing.md, "Landings").
Vec2 keep_stair_feet_clear(const WalkableLevel& level, const Vec2& a, const Vec2& b, std::uint32_t target,
                           double depth);

// A stair end that an agent on a floor is not heading for is a wall to it: a
// step that would end within `clearance` (the body's radius) of it, or
// beyond it, ends `clearance` from it on the floor's side. Without this,
// neighbours pressing from the landing held someone who had just stepped off
// against the flight it came from, half its body over the line, where the
// short end of wall between that flight's foot and the next flight's head
// barred its way round for minutes (docs/models/routing.md, "Landings").
Vec2 keep_clear_of_stair_ends(const WalkableLevel& level, const Vec2& b, std::uint32_t target, double clearance);

}  // namespace campusflow
