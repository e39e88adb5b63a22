#include <catch2/catch.hpp>
#include <cmath>

#include "sim/geometry/walkable_level.hpp"

using namespace campusflow;

namespace {

Polygon rectangle(double w, double h) { return {{{0, 0}, {w, 0}, {w, h}, {0, h}}, {}}; }

WalkableLevel room_with_exit(Polygon p, Segment exit) {
  const OpeningSpec openings[] = {OpeningSpec::line(OpeningKind::kExit, 0, exit)};
  return build_walkable_level("room", 0.0, std::move(p), openings, 1, DistanceFieldOptions{}, 1.0);
}

}  // namespace

TEST_CASE("fast marching gives the straight-line distance in an open corridor", "[geometry][field]") {
  // 20 x 4 m corridor, exit across the whole east end. Along the centre line
  // (2 m from the walls, beyond the 0.5 m clearance) the travel cost is the
  // distance to x = 20, within first-order accuracy (a cell of 0.125 m).
  const WalkableLevel level = room_with_exit(rectangle(20, 4), {{20, 0}, {20, 4}});
  for (double x : {1.0, 5.0, 10.0, 15.0, 19.0}) {
    INFO("x = " << x);
    CHECK(level.openings[0].field.value({x, 2.0}) == Approx(20.0 - x).margin(0.13));
    const Vec2 d = level.openings[0].field.direction({x, 2.0});
    CHECK(d.x() == Approx(1.0).margin(1e-3));
    CHECK(d.y() == Approx(0.0).margin(0.03));
  }
}

TEST_CASE("the field leads around an obstacle and away from walls", "[geometry][field]") {
  // 10 x 10 m room, exit in the middle of the east wall, a 1 x 6 m block in
  // front of it: walking from the west the way goes round the block.
  Polygon p = rectangle(10, 10);
  p.holes.push_back({{6, 2}, {6, 8}, {7, 8}, {7, 2}});
  const WalkableLevel level = room_with_exit(p, {{10, 4.5}, {10, 5.5}});
  // Straight-line 8 m from (2, 5) is blocked; the detour is at least
  // |(2,5)-(6,2)| + 1 + |(7,2)-(10,5)| = 5 + 1 + 4.24 = 10.24 m.
  CHECK(level.openings[0].field.value({2, 5}) > 10.2);
  CHECK(level.openings[0].field.value({2, 5}) < 12.5);
  // Right in front of the block the way is up or down, not into it.
  const Vec2 d = level.openings[0].field.direction({5.5, 5.0});
  CHECK(std::abs(d.y()) > 0.7);
  CHECK(level.openings[0].field.reachable({2, 5}));
}

TEST_CASE("a place with no way to an exit is unreachable", "[geometry][field]") {
  // The west part is cut off by a wall obstacle that leaves a 2 cm slit,
  // narrower than a grid cell.
  Polygon p = rectangle(10, 4);
  p.holes.push_back({{4.9, 0.01}, {4.9, 3.99}, {5.1, 3.99}, {5.1, 0.01}});
  const WalkableLevel level = room_with_exit(p, {{10, 1}, {10, 3}});
  CHECK_FALSE(level.openings[0].field.reachable({2, 2}));
  CHECK(std::isinf(level.openings[0].field.value({2, 2})));
  CHECK(level.openings[0].field.reachable({8, 2}));
}

TEST_CASE("exits are cut out of the walls", "[geometry][walls]") {
  const WalkableLevel level = room_with_exit(rectangle(4, 2), {{4, 0.5}, {4, 1.5}});
  // 4 edges, the east one split in two around the opening.
  REQUIRE(level.walls.size() == 5);
  double wall_length = 0;
  for (const Segment& s : level.walls) wall_length += s.length();
  CHECK(wall_length == Approx(12.0 - 1.0));
  REQUIRE(level.openings.size() == 1);
  CHECK(level.openings[0].normal.x() == Approx(1.0));
}
