// The catalogue's cases on whole floors and buildings (VALIDATION.md): RiMEA
// 8, 10 and 13, IMO dynamic exit availability and stair flow against width,
// ISO 20414 counter-flow. Set-ups, criteria and numbers are in
// analysis/verification/rimea_buildings.cpp and building_flows.cpp.
#include "verification/catalogue_check.hpp"

using campusflow::test::check_case;

TEST_CASE("RiMEA 8: evacuation time of a 3-storey building falls as speed rises", "[verification][rimea]") {
  check_case("rimea-8");
}
TEST_CASE("RiMEA 10: everyone follows the posted route, 15 main and 8 secondary", "[verification][rimea]") {
  check_case("rimea-10");
}
TEST_CASE("RiMEA 13: speed-density on a stair inside the bands, down faster than up", "[verification][rimea]") {
  check_case("rimea-13");
}
TEST_CASE("IMO dynamic exit availability: exit 1 blocked at 1 s, the agent uses exit 2", "[verification][imo]") {
  check_case("imo-dynamic-exit");
}
TEST_CASE("ISO 20414 counter-flow (collision-free speed): crossing time rises, no deadlock", "[verification][iso]") {
  check_case("iso-counter-flow");
}
TEST_CASE("ISO 20414 counter-flow (social force): crossing time rises, no deadlock", "[verification][iso]") {
  check_case("iso-counter-flow-sfm");
}
// Fails with the current engine: the flow at 1.4 m falls below that at 1.2 m
// (people step onto the flight in one file down its middle); kept honest and
// allowed to fail until the engine is fixed.
TEST_CASE("IMO stair flow rises with the stair width, 1.0-1.8 m", "[verification][imo]") {
  check_case("imo-stair-width");
}
