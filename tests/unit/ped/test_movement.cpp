#include <catch2/catch.hpp>

#include "ped_test_support.hpp"
#include "sim/ped/movement.hpp"

using namespace campusflow;
using ped::testing::corridor;

TEST_CASE("a step into a wall ends at the agent's radius from it", "[ped][movement]") {
  const WalkableLevel level = corridor();
  // 0.2 m agent stepping from y = 0.5 to y = -0.1 (through the south wall).
  const Vec2 p = keep_clear_of_walls({5, -0.1}, {5, 0.5}, 0.2, level.wall_grid);
  CHECK(p.x() == Approx(5.0));
  CHECK(p.y() == Approx(0.2));
  // Into the corner: pushed off both walls.
  const Vec2 c = keep_clear_of_walls({0.05, 0.05}, {0.5, 0.5}, 0.2, level.wall_grid);
  CHECK(c.x() >= 0.2 - 1e-9);
  CHECK(c.y() >= 0.2 - 1e-9);
}
