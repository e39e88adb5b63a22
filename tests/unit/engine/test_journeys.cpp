// Pupils' journeys across the building and the street in one run
// (docs/models/journeys.md), on the shipped dismissal scenario: 720 pupils
// in two buildings, one gate that is the building's exit, 103 pick-up cars
// and a bus drawn for seed 1.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"

using namespace campusflow;

namespace {

std::unique_ptr<const CompiledScenario> dismissal(const std::string& variant = {}) {
  ScenarioVariant v;
  v.variant = variant;
  const std::filesystem::path file = std::filesystem::path(CAMPUSFLOW_SOURCE_DIR) / "scenarios/dismissal/dismissal.json";
  LoadResult r = load_scenario_file(file, {}, false, v);
  for (const std::string& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.scenario);
  return std::move(r.scenario);
}

struct Finish {
  JourneyCounts end;
  std::uint64_t hash;
  std::vector<io::JourneyRow> rows;
  double mean_dwell;
};

// Runs to the end, checking at every step that every pupil is somewhere.
Finish run(const CompiledScenario& sc, int threads) {
  Simulation sim(sc, RunOptions{1, threads});
  REQUIRE(sim.journeys());
  std::size_t steps = 0;
  while (sim.step()) {
    const JourneyCounts c = sim.journeys()->count(sim.agents(), *sim.street(), us_to_seconds(sim.now()));
    // Conservation: in the building, at the gate, walking, in a car or gone,
    // and never out by a gate while its car waits elsewhere.
    REQUIRE(c.sum() == c.pupils);
    REQUIRE(c.unaccounted == 0);
    // The building's own count agrees: those not yet out are inside it.
    std::size_t inside = 0;
    for (std::uint32_t id : sim.active()) inside += id < sc.agent_count - sc.staff.size();
    REQUIRE(c.in_building == inside + (sc.agent_count - sim.counts().spawned));
    ++steps;
  }
  CHECK(steps > 1000);
  double dwell = 0.0;
  std::size_t n = 0;
  for (const Vehicle& v : sim.street()->vehicles())
    if (sim.street()->street().vehicles[v.demand].spec.pick_up && v.stop_end >= 0.0) {
      dwell += v.stop_end - v.stop_start;
      ++n;
    }
  return {sim.journeys()->count(sim.agents(), *sim.street(), us_to_seconds(sim.now())), sim.state_hash() ^ sim.street()->state_hash(),
          sim.journeys()->rows(sim.agents(), *sim.street()), dwell / static_cast<double>(n)};
}

}  // namespace

TEST_CASE("Every pupil of a dismissal is accounted for at every step, and home at the end", "[engine][journeys]") {
  const auto sc = dismissal();
  const Finish f = run(*sc, 1);
  CHECK(f.end.pupils == 720);
  CHECK(f.end.gone == 720);
  // 103 cars with one child and a bus with 30 fetch 133 pupils; the rest walk home.
  CHECK(f.end.by_car == 133);
  CHECK(f.end.on_foot == 587);
  CHECK(f.end.last_home > 0.0);
  REQUIRE(f.rows.size() == 720);
  std::size_t fetched = 0;
  for (const io::JourneyRow& r : f.rows) {
    INFO("pupil " << r.agent);
    // A journey in order: set off, out of the building at the gate, then
    // (fetched) set off to the car, aboard, driven off.
    CHECK(r.released >= 0.0);
    CHECK(r.released <= r.left_building);
    CHECK(r.at_gate == r.left_building);  // the gate is the building's only exit
    if (r.way == 0) {
      CHECK(r.left_area == r.at_gate);
      continue;
    }
    ++fetched;
    CHECK(r.vehicle >= 0);
    CHECK(r.left_gate >= r.at_gate);
    CHECK(r.boarded > r.left_gate);
    CHECK(r.left_area > r.boarded);
  }
  CHECK(fetched == 133);
}

TEST_CASE("A dismissal gives the same result for 1 and 2 threads", "[engine][journeys][determinism]") {
  const auto sc = dismissal("three waves");
  const Finish one = run(*sc, 1), two = run(*sc, 2);
  CHECK(one.hash == two.hash);
  REQUIRE(one.rows.size() == two.rows.size());
  for (std::size_t k = 0; k < one.rows.size(); ++k) {
    CHECK(one.rows[k].boarded == two.rows[k].boarded);
    CHECK(one.rows[k].left_area == two.rows[k].left_area);
  }
}

TEST_CASE("The call line shortens parents' wait in their stall", "[engine][journeys]") {
  // Fetching on foot, a parent walks from the stall to the gate and back with
  // the child: at 1.34 m/s and the child's 1.2 m/s over 70-120 m each way
  // (the lay-by 64-120 m from the gate, the car park 110 m and a guarded
  // zebra), well over two minutes. Called from 100 m out, the pupil walks
  // the way once, while the car covers its last 100 m: the dwell is about
  // one walk, and at least the cars' own 20-40 s.
  const Finish fetch = run(*dismissal(), 1);
  const Finish call = run(*dismissal("call line"), 1);
  CHECK(fetch.mean_dwell > 150.0);
  CHECK(call.mean_dwell < 0.6 * fetch.mean_dwell);
  CHECK(call.mean_dwell > 30.0);
  std::size_t called = 0;
  for (const io::JourneyRow& r : call.rows) called += r.called >= 0.0;
  CHECK(called == 133);
}
