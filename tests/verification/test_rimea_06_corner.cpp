// RiMEA guideline 4.1.1, annex 1, test 6 (VALIDATION.md): 20 people round a
// left corner in a 2 m wide corridor; no one may ever be inside a wall.
#include <catch2/catch.hpp>

#include "sim/engine/simulation.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

TEST_CASE("RiMEA 6: 20 agents round a left corner without entering a wall", "[verification][rimea]") {
  // Legs of 12 m, 2 m wide: east from x = 0 to 12, then north to y = 12.
  // The 20 agents start spread over the first 6 m.
  const auto sc = test::load_text(R"({
    "format": "campusflow-scenario/1",
    "name": "rimea-6",
    "settings": {"time_limit": 120},
    "levels": [{"name": "corner", "outline": [[0, 0], [12, 0], [12, 12], [10, 12], [10, 2], [0, 2]],
                "exits": [{"name": "end", "segment": [[10, 12], [12, 12]]}]}],
    "groups": [{"name": "people", "level": "corner", "count": 20,
                "spawn": [[0, 0], [6, 0], [6, 2], [0, 2]]}]
  })");
  const Polygon& walkable = sc->levels[0].walkable;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    Simulation sim(*sc, RunOptions{seed, 2});
    std::size_t outside = 0;
    double closest_to_wall = 1e9;
    while (sim.step()) {
      for (std::uint32_t id : sim.active()) {
        const Vec2& p = sim.agents().position[id];
        if (!contains(walkable, p)) ++outside;
        for (const Segment& w : sc->levels[0].walls) closest_to_wall = std::min(closest_to_wall, distance(w, p));
      }
    }
    // No centre outside the walkable area, ever; bodies keep off the walls
    // (the exit gap is not a wall).
    CHECK(outside == 0);
    CHECK(closest_to_wall > 0.1);
    // All 20 leave, well inside the time limit (26 m at about 1.3 m/s).
    CHECK(sim.counts().exited == 20);
    CHECK(sim.evacuation_time() > 0.0);
    CHECK(sim.evacuation_time() < 60.0);
  }
}
