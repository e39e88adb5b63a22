#include <catch2/catch.hpp>
#include <cmath>

#include "sim/geometry/walkable_level.hpp"

using namespace campusflow;

namespace {

// Two 4 x 4 m rooms side by side (x 0..4 and 4.2..8.2) joined by a 1 m door
// in the 0.2 m wall between them; an exit on the east wall of the east room.
WalkableLevel two_rooms() {
  Polygon p{{{0, 0}, {8.2, 0}, {8.2, 4}, {0, 4}},
            {{{4, 0}, {4, 1.5}, {4.2, 1.5}, {4.2, 0}}, {{4, 2.5}, {4, 4}, {4.2, 4}, {4.2, 2.5}}}};
  const OpeningSpec openings[] = {OpeningSpec::line(OpeningKind::kExit, 0, {{8.2, 1.5}, {8.2, 2.5}}),
                                  OpeningSpec::line(OpeningKind::kDoor, 1, {{4.1, 1.5}, {4.1, 2.5}})};
  return build_walkable_level("rooms", 0.0, std::move(p), openings, 2, DistanceFieldOptions{}, 1.0);
}

}  // namespace

TEST_CASE("a step across a segment reports where along the step it crosses", "[geometry][openings]") {
  const Segment s{{10, 0}, {10, 2}};
  // From x = 9.9 to 10.3 the line x = 10 is a quarter of the way.
  CHECK(crossing_fraction({9.9, 1.0}, {10.3, 1.0}, s) == Approx(0.25));
  CHECK(crossing_fraction({9.0, 1.0}, {9.5, 1.0}, s) < 0.0);   // short of it
  CHECK(crossing_fraction({9.9, 2.5}, {10.3, 2.5}, s) < 0.0);  // past its end
}

TEST_CASE("other doors are shut in an opening's field; a door's own field leads across it", "[geometry][openings]") {
  const WalkableLevel level = two_rooms();
  REQUIRE(level.openings.size() == 2);
  const Opening& exit = *level.opening_for(0);
  const Opening& door = *level.opening_for(1);
  CHECK(exit.boundary());
  CHECK_FALSE(door.boundary());
  // The exit's field does not reach the west room: its only way is the door,
  // and routes through doors come from the portal graph.
  CHECK_FALSE(exit.field.reachable({2, 2}));
  CHECK(exit.field.value({6, 2}) == Approx(2.2).margin(0.2));
  // The door's field reaches both rooms, 2 m from it on either side, and
  // leads towards it.
  CHECK(door.field.value({2.1, 2}) == Approx(2.0).margin(0.2));
  CHECK(door.field.value({6.1, 2}) == Approx(2.0).margin(0.2));
  CHECK(door.field.direction({2.1, 2}).x() > 0.9);
  CHECK(door.field.direction({6.1, 2}).x() < -0.9);
}

TEST_CASE("a stair's frame maps onto the plan between its two ends and rises", "[geometry][openings]") {
  WalkableLevel flight;
  // 10 m along the slope, 2 m wide; from the floor at z = 0 (end x = 0, the
  // floor's outline running from (0, 0) to (0, 2)) to z = 3 (end at x = 8).
  flight.stair = StairPlacement{{{0, 0}, {0, 2}}, {{8, 2}, {8, 0}}, 10.0, 2.0, 0.0, 3.0};
  const Eigen::Vector3d start = flight.world({0.0, 0.5});
  CHECK(start.x() == Approx(0.0));
  CHECK(start.y() == Approx(0.5));
  CHECK(start.z() == Approx(0.0));
  const Eigen::Vector3d middle = flight.world({5.0, 0.5});
  CHECK(middle.x() == Approx(4.0));
  CHECK(middle.y() == Approx(0.5));  // left stays left all the way up
  CHECK(middle.z() == Approx(1.5));
}
