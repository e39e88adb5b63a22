// RiMEA guideline 4.1.1, annex 1, tests 5 and 7 (VALIDATION.md).
#include <catch2/catch.hpp>
#include <cmath>

#include "sim/engine/simulation.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

TEST_CASE("RiMEA 5: each agent starts moving at its own pre-movement time", "[verification][rimea]") {
  // Room 8 x 5 m, 1 m exit centred on a 5 m wall, 10 people with
  // pre-movement uniform on 10-100 s. Criterion: each starts at its own time
  // +/- 0.2 s (here: at the first tick at or after it, so within dt = 0.05 s).
  const auto sc = test::load_text(R"({
    "format": "campusflow-scenario/1", "name": "rimea-5",
    "settings": {"time_limit": 300},
    "levels": [{"name": "room", "outline": [[0, 0], [8, 0], [8, 5], [0, 5]],
                "exits": [{"name": "exit", "center": [8, 2.5], "width": 1.0}]}],
    "groups": [{"name": "ten", "level": "room", "count": 10, "spawn": [[0.5, 0.5], [6, 0.5], [6, 4.5], [0.5, 4.5]],
                "pre_movement": {"distribution": "uniform", "min": 10, "max": 100}}]
  })");
  Simulation sim(*sc, RunOptions{5, 1});
  std::vector<double> started(10, -1.0);
  while (sim.step()) {
    for (std::uint32_t id : sim.active())
      if (started[id] < 0 && sim.agents().velocity[id].norm() > 1e-9)
        started[id] = us_to_seconds(sim.now());  // the tick at `now` moved it from `now` on
  }
  for (std::uint32_t id = 0; id < 10; ++id) {
    INFO("agent " << id);
    const double release = us_to_seconds(sim.agents().release[id]);
    CHECK(release >= 10.0);
    CHECK(release <= 100.0);
    const double start = started[id];
    CHECK(start >= release - 1e-9);
    CHECK(start - release < 0.2);
  }
  CHECK(sim.counts().exited == 10);
}

TEST_CASE("RiMEA 7: simulated free walking speeds follow the input distribution", "[verification][rimea]") {
  // 50 adults, desired speeds from the adult profile (Weidmann: normal
  // 1.34 +/- 0.26 m/s, truncated to [0.7, 2.0]). They walk a 100 x 20 m hall
  // apart from each other; each one's steady speed must equal its desired
  // speed, and the mean of the 50 must lie in the 95 % interval of the
  // input mean: 1.34 +/- 1.96 * 0.26 / sqrt(50) = 1.34 +/- 0.072 m/s.
  const auto sc = test::load_text(R"({
    "format": "campusflow-scenario/1", "name": "rimea-7",
    "settings": {"time_limit": 200},
    "levels": [{"name": "hall", "outline": [[0, 0], [100, 0], [100, 20], [0, 20]],
                "exits": [{"name": "end", "segment": [[100, 0], [100, 20]]}]}],
    "groups": [{"name": "adults", "level": "hall", "profile": "adult", "count": 50,
                "spawn": [[1, 1], [10, 1], [10, 19], [1, 19]]}]
  })");
  Simulation sim(*sc, RunOptions{3, 2});
  std::vector<double> top(50, 0.0);
  while (sim.step()) {
    for (std::uint32_t id : sim.active()) top[id] = std::max(top[id], sim.agents().velocity[id].norm());
  }
  double mean = 0.0;
  for (std::uint32_t id = 0; id < 50; ++id) {
    INFO("agent " << id);
    CHECK(top[id] == Approx(sim.agents().desired_speed[id]).margin(0.01));
    mean += top[id] / 50.0;
  }
  CHECK(std::abs(mean - 1.34) < 1.96 * 0.26 / std::sqrt(50.0));
}
