// Staged release (DESIGN.md, behaviour): a class released "when_clear" starts
// once the named stair has been used and is empty again; a class released
// "at" a time starts its pre-movement then.
#include <catch2/catch.hpp>

#include "sim/engine/simulation.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

namespace {

// Upstairs a class of 20 goes down a 6 m stair; downstairs a class of 20 waits
// for the stair to clear (or for t = 40 s), then leaves by the ground exit.
std::string staged(const std::string& release) {
  return R"({"format": "campusflow-scenario/1", "name": "staged", "settings": {"time_limit": 300},
    "levels": [
      {"name": "upper", "elevation": 3, "outline": [[0, 0], [10, 0], [10, 6], [0, 6]]},
      {"name": "ground", "elevation": 0, "outline": [[20, 0], [40, 0], [40, 6], [20, 6]],
       "exits": [{"name": "out", "segment": [[40, 2], [40, 4]]}]}],
    "stairs": [{"name": "stair", "length": 6, "from": {"level": "upper", "segment": [[10, 2.4], [10, 3.6]]},
                "to": {"level": "ground", "segment": [[20, 3.6], [20, 2.4]]}}],
    "groups": [
      {"name": "upstairs", "level": "upper", "count": 20, "spawn": [[0.5, 0.5], [6, 0.5], [6, 5.5], [0.5, 5.5]]},
      {"name": "downstairs", "level": "ground", "count": 20, "spawn": [[30, 0.5], [38, 0.5], [38, 5.5], [30, 5.5]],
       "release": )" + release + "}]}";
}

}  // namespace

TEST_CASE("a class released when the stair clears starts after the last one has left it", "[verification][release]") {
  const auto sc = test::load_text(staged(R"({"when_clear": "stair"})"));
  Simulation sim(*sc, RunOptions{1, 2});
  const std::uint32_t stair_level = sc->stairs[0].level;
  double last_on_stair = -1.0;  // [s] the last tick anyone was on the flight
  while (sim.step()) {
    for (std::uint32_t i : sim.active())
      if (sim.agents().level[i] == stair_level) last_on_stair = us_to_seconds(sim.now());
  }
  REQUIRE(sim.counts().exited == 40);
  // The 20 upstairs used the stair; every one downstairs was released after
  // the last of them stepped off it (pre-movement is 0 here).
  REQUIRE(last_on_stair > 0.0);
  for (std::uint32_t i = 20; i < 40; ++i) CHECK(us_to_seconds(sim.agents().release[i]) > last_on_stair);
}

TEST_CASE("a class released at a set time starts then", "[verification][release]") {
  const auto sc = test::load_text(staged(R"({"at": 40})"));
  Simulation sim(*sc, RunOptions{1, 2});
  while (sim.step()) {
  }
  REQUIRE(sim.counts().exited == 40);
  // Released at 40 s with no pre-movement of their own.
  for (std::uint32_t i = 20; i < 40; ++i) CHECK(us_to_seconds(sim.agents().release[i]) == Approx(40.0));
}
