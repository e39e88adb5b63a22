// The crowd cases of the verification catalogue (VALIDATION.md): RiMEA 4, 9,
// 12, 15 and 16 and the IMO tests of congestion and of a movement disability.
// Set-ups, criteria and their numbers are in analysis/verification/rimea_crowds*.cpp.
#include "verification/catalogue_check.hpp"

using campusflow::test::check_case;

TEST_CASE("RiMEA 4: speed falls with density in a 2 m corridor", "[verification][rimea]") { check_case("rimea-4"); }
// With the west doors locked, agents pushed into a door recess at the start
// once stood there for good (docs/validation.md, deadlocks); this case
// found it.
TEST_CASE("RiMEA 9: two doors of four take 1.6-2.4 times as long, nobody freezes", "[verification][rimea]") {
  check_case("rimea-9");
}
TEST_CASE("RiMEA 12a: time to empty a room rises with the goal's distance, then levels", "[verification][rimea]") {
  check_case("rimea-12a");
}
TEST_CASE("RiMEA 12b: a long bottleneck empties the room later than a short one", "[verification][rimea]") {
  check_case("rimea-12b");
}
TEST_CASE("RiMEA 12d: flow through a bottleneck rises with its width", "[verification][rimea]") {
  check_case("rimea-12d");
}
TEST_CASE("RiMEA 15: T(44 m) <= T(corner) <= T(75.4 m)", "[verification][rimea]") { check_case("rimea-15"); }
TEST_CASE("RiMEA 16: single-file speed falls with density", "[verification][rimea]") { check_case("rimea-16"); }
TEST_CASE("IMO congestion: denser before the room exit and at the stair foot than in the corridor",
          "[verification][imo]") {
  check_case("imo-congestion");
}
TEST_CASE("IMO movement disability: a slow person ahead slows the 24 behind", "[verification][imo]") {
  check_case("imo-disability");
}
