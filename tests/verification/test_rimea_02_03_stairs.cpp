// RiMEA guideline 4.1.1, annex 1, tests 2 and 3, and the IMO MSC.1/Circ.1533
// stair test (VALIDATION.md): one person walks a 2 m wide stair, 10 m along
// the slope, up and down; the time on the stair is length / set speed.
#include <catch2/catch.hpp>
#include <string>

#include "sim/engine/simulation.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

namespace {

// A 5 m landing at z = 0 (x 0..5), the flight from its east edge to the west
// edge of a 5 m landing at z = 5 m (x 20..25), an exit at the far end of the
// upper landing (or, walking down, of the lower one). The agent starts 4 m
// before the flight. `factor` overrides the stair speed factors so that the
// set speed is the desired speed.
std::string stair_scenario(bool up, double speed, const std::string& factors) {
  const std::string exit = up ? R"("exits": [{"name": "out", "segment": [[25, 0], [25, 2]]}])"
                              : R"("exits": [{"name": "out", "segment": [[0, 2], [0, 0]]}])";
  const std::string start = up ? "[1, 1]" : "[24, 1]";
  const std::string group_level = up ? "low" : "high";
  return R"({
  "format": "campusflow-scenario/1", "name": "rimea-2-3",
  "settings": {"dt": 0.05, "time_limit": 120},
  "levels": [
    {"name": "low", "elevation": 0, "outline": [[0, 0], [5, 0], [5, 2], [0, 2]])" +
         std::string(up ? "" : ", " + exit) + R"(},
    {"name": "high", "elevation": 5, "outline": [[20, 0], [25, 0], [25, 2], [20, 2]])" +
         std::string(up ? ", " + exit : "") + R"(}],
  "stairs": [{"name": "flight", "length": 10,)" + factors + R"(
              "from": {"level": "low", "segment": [[5, 0], [5, 2]]},
              "to": {"level": "high", "segment": [[20, 2], [20, 0]]}}],
  "groups": [{"name": "walker", "level": ")" + group_level + R"(", "positions": [)" + start + R"(],
              "desired_speed": {"distribution": "constant", "value": )" + std::to_string(speed) + R"(}}]
})";
}

struct StairWalk {
  double on_stair = 0.0;  // [s] from stepping onto the flight to stepping off
  double max_z = 0.0;
  double exit_time = 0.0;
};

StairWalk walk(const std::string& json) {
  const auto sc = test::load_text(json);
  Simulation sim(*sc, RunOptions{1, 1});
  const std::uint32_t stair_level = sc->stairs.at(0).level;
  double entered = -1.0, left = -1.0;
  StairWalk w;
  while (sim.step()) {
    if (sim.active().empty()) continue;
    const bool on = sim.agents().level[0] == stair_level;
    const double t = us_to_seconds(sim.now());
    if (on && entered < 0.0) entered = t;
    if (!on && entered >= 0.0 && left < 0.0) left = t;
    w.max_z = std::max(w.max_z, sc->levels[sim.agents().level[0]].world(sim.agents().position[0]).z());
  }
  w.on_stair = left - entered;
  w.exit_time = sim.agents().exit_time[0];
  return w;
}

}  // namespace

TEST_CASE("RiMEA 2: walking up a 10 m stair at 1 m/s takes 10 s", "[verification][rimea]") {
  const StairWalk w = walk(stair_scenario(true, 1.0, R"( "up_factor": 1.0, "down_factor": 1.0,)"));
  // Expected: 10 m / 1.0 m/s = 10 s +/- 5 % (RiMEA), here within two ticks.
  CHECK(w.on_stair == Approx(10.0).margin(0.1));
  // The whole walk: 4 m + 10 m + 5 m at 1 m/s.
  CHECK(w.exit_time == Approx(19.0).margin(0.1));
  CHECK(w.max_z == Approx(5.0).margin(0.1));
}

TEST_CASE("RiMEA 3: walking down the same stair at 1 m/s takes 10 s", "[verification][rimea]") {
  const StairWalk w = walk(stair_scenario(false, 1.0, R"( "up_factor": 1.0, "down_factor": 1.0,)"));
  // Expected: 10 m / 1.0 m/s = 10 s +/- 5 %; 4 m + 10 m + 5 m in all.
  CHECK(w.on_stair == Approx(10.0).margin(0.1));
  CHECK(w.exit_time == Approx(19.0).margin(0.1));
}

TEST_CASE("IMO stairs: an adult walks stairs at the profile's fraction of its level speed", "[verification][imo]") {
  // Adults on stairs (Fruin, as tabled in RiMEA): 0.76 m/s down and 0.55 m/s
  // up against 1.34 m/s on the level, i.e. factors 0.57 and 0.41. At 1.34 m/s
  // the 10 m flight takes 10 / 0.76 = 13.1 s down and 10 / 0.55 = 18.2 s up.
  const StairWalk up = walk(stair_scenario(true, 1.34, ""));
  const StairWalk down = walk(stair_scenario(false, 1.34, ""));
  CHECK(up.on_stair == Approx(10.0 / (1.34 * 0.41)).epsilon(0.05));
  CHECK(down.on_stair == Approx(10.0 / (1.34 * 0.57)).epsilon(0.05));
  CHECK(down.on_stair < up.on_stair);
}
