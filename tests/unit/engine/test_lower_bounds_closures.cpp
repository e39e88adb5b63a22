// The analytic lower bounds honour places closed for the whole run
// (docs/models/lower-bounds.md): the drill with its east flights blocked at
// the alarm and never unblocked must pass everyone above the ground floor
// through the west stair 2-1 alone.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "sim/engine/lower_bounds.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

namespace {

// The drill with every class released at the alarm (the shipped one lets
// them go in turns, which moves the cut up to the last floor released).
std::string drill_text() { return test::released_at_once(test::read_text("scenarios/drill/drill.json")); }

// The drill with `events` (a JSON array) added at its top level.
std::unique_ptr<const CompiledScenario> drill_with(const std::string& events) {
  std::string text = drill_text();
  if (!events.empty()) text.insert(text.rfind('}'), ", \"events\": " + events + "\n");
  LoadResult loaded = load_scenario_text(text, "drill.json");
  INFO((loaded.errors.empty() ? std::string() : loaded.errors.front()));
  REQUIRE(loaded.errors.empty());
  return std::move(loaded.scenario);
}

struct Bounds {
  LowerBounds bounds;
  double first_upstairs = 1e300;  // earliest start of anyone above the ground floor [s]
};

// The bounds as run_scenario computes them: from the agents as spawned.
Bounds spawned_bounds(const CompiledScenario& sc) {
  Simulation sim(sc, RunOptions{1, 1});
  while (!sim.output().frame) REQUIRE(sim.step());
  Bounds b{lower_bounds(sc, sim.agents())};
  const Agents& a = sim.agents();
  for (std::size_t i = 0; i < a.size(); ++i)
    if (sc.levels[a.level[i]].elevation >= 3.6 && !sc.levels[a.level[i]].stair)
      b.first_upstairs =
          std::min(b.first_upstairs, a.release[i] == kNever ? a.pre_movement[i] : us_to_seconds(a.release[i]));
  return b;
}

constexpr const char* kEastBlocked = R"([{"time": 0, "action": "block", "target": "east stair 2-1"},
  {"time": 0, "action": "block", "target": "east stair 3-2"},
  {"time": 0, "action": "block", "target": "east stair 4-3"}])";

}  // namespace

TEST_CASE("blocking all east flights at the alarm halves the drill's stair cut", "[engine][bounds]") {
  const auto open = drill_with("");
  const auto blocked = drill_with(kEastBlocked);
  const Bounds o = spawned_bounds(*open);
  const Bounds b = spawned_bounds(*blocked);
  INFO("open: " << o.bounds.capacity << " s (" << o.bounds.capacity_cut << "), blocked: " << b.bounds.capacity << " s ("
                << b.bounds.capacity_cut << ")");
  // Open: the two exit paths (2 x 1.4 m at 2.0 P/(m s)) take the 1,080 pupils
  // at least 1080 / 5.6 = 193 s after the first release.
  CHECK(o.bounds.capacity_cut == "levels at or above 0.00 m");
  // Blocked: floors 2 to 4 (810 pupils) leave by west stair 2-1 alone, 1.4 m:
  // 810 / 2.8 = 289 s after the first release up there, half the stair width
  // and twice the time of the open cut at 3.6 m (810 / 5.6 = 145 s).
  CHECK(b.bounds.capacity_cut == "levels at or above 3.60 m");
  CHECK(b.bounds.capacity == Approx(b.first_upstairs + 810.0 / 2.8));
  CHECK(b.bounds.capacity > o.bounds.capacity + 80.0);
  // The walking bound cannot fall: the ways left are a subset of the open ones.
  CHECK(b.bounds.walking >= o.bounds.walking);
}

TEST_CASE("a place reopened later still counts for the bounds", "[engine][bounds]") {
  // Blocked at the alarm but unblocked at 60 s: somebody may use it then, so
  // the bound may not leave it out.
  const auto open = drill_with("");
  const auto later = drill_with(R"([{"time": 0, "action": "block", "target": "east stair 2-1"},
    {"time": 60, "action": "unblock", "target": "east stair 2-1"}])");
  CHECK(closed_for_whole_run(*later) == std::vector<char>(later->places.size(), 0));
  CHECK(spawned_bounds(*later).bounds.capacity == Approx(spawned_bounds(*open).bounds.capacity));
  const auto gone = drill_with(R"([{"time": 0, "action": "block", "target": "east stair 2-1"}])");
  const std::vector<char> closed = closed_for_whole_run(*gone);
  CHECK(std::count(closed.begin(), closed.end(), 1) == 2);  // both ends of the flight
}
