// Every verification case of the catalogue (VALIDATION.md) as a test; the
// set-ups, criteria and their numbers are in analysis/verification/.
#include "verification/catalogue_check.hpp"

using campusflow::test::check_case;

TEST_CASE("RiMEA 1: one agent covers 40 m at 1.33 m/s in L/v", "[verification][rimea]") { check_case("rimea-1"); }
TEST_CASE("RiMEA 2: walking up a 10 m stair at 1 m/s takes 10 s", "[verification][rimea]") { check_case("rimea-2"); }
TEST_CASE("RiMEA 3: walking down the same stair takes 10 s", "[verification][rimea]") { check_case("rimea-3"); }
TEST_CASE("RiMEA 5: each agent starts at its own pre-movement time", "[verification][rimea]") {
  check_case("rimea-5");
}
TEST_CASE("RiMEA 6: 20 agents round a corner without entering a wall", "[verification][rimea]") {
  check_case("rimea-6");
}
TEST_CASE("RiMEA 7: free walking speeds follow the input distribution", "[verification][rimea]") {
  check_case("rimea-7");
}
TEST_CASE("IMO corridor: 40 m at 1.0 m/s take 40 s", "[verification][imo]") { check_case("imo-corridor"); }
TEST_CASE("IMO stairs: adults walk stairs at Fruin's speeds", "[verification][imo]") { check_case("imo-stairs"); }
TEST_CASE("IMO exit flow: 1.3-2.0 P/s through a 1 m door gap", "[verification][imo]") {
  check_case("imo-exit-flow");
}
TEST_CASE("IMO exit flow with the door's limiter: at most 1.33 P/s", "[verification][imo]") {
  check_case("imo-exit-flow-limited");
}
TEST_CASE("RiMEA 11: more take the near exit, some the far one", "[verification][rimea]") { check_case("rimea-11"); }
TEST_CASE("RiMEA 14: the quickest way uses both stairs once the short one jams", "[verification][rimea]") {
  check_case("rimea-14");
}
TEST_CASE("IMO groups: a group led by its teacher arrives together", "[verification][imo]") { check_case("imo-groups"); }
// Known to fail: with bodies small enough for counter-flow the model overshoots
// the door flow (docs/validation.md).
TEST_CASE("IMO exit flow with the social force model: 1.3-2.0 P/s", "[verification][imo][sfm][!mayfail]") {
  check_case("imo-exit-flow-sfm");
}
TEST_CASE("IMO pre-movement: assigned times follow their distribution (Kolmogorov-Smirnov)", "[verification][imo]") {
  check_case("imo-pre-movement");
}
TEST_CASE("IMO social influence: a leader bound to exit 2 draws people to it", "[verification][imo]") {
  check_case("imo-social-influence");
}
