// RiMEA guideline 4.1.1, annex 1, tests 1, 5, 6 and 7, and the IMO
// MSC.1/Circ.1533 corridor test (VALIDATION.md).
#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

// A 41 m corridor, 2 m wide; the agent starts at x = 1, so the exit line at
// x = 41 is exactly 40 m ahead.
std::string corridor(double speed) {
  return R"({"format": "campusflow-scenario/1", "name": "corridor", "settings": {"dt": 0.05, "time_limit": 120},
    "levels": [{"name": "corridor", "outline": [[0, 0], [41, 0], [41, 2], [0, 2]],
                "exits": [{"name": "end", "segment": [[41, 0], [41, 2]]}]}],
    "groups": [{"name": "walker", "level": "corridor", "positions": [[1, 1]],
                "desired_speed": {"distribution": "constant", "value": )" +
         format("%.6g", speed) + "}}]}";
}

struct CorridorWalk {
  double time;         // [s] exit time
  double speed_error;  // [m/s] largest deviation from the set speed while walking
};

CorridorWalk walk_corridor(double speed) {
  const auto sc = load(corridor(speed), "corridor");
  Simulation sim(*sc, RunOptions{1, 1});
  double error = 0.0;
  run_to_end(sim, [&](const Simulation& s) {
    if (!s.active().empty() && s.now() > 0) error = std::max(error, std::abs(s.agents().velocity[0].norm() - speed));
  });
  return {sim.agents().exit_time[0], error};
}

Outcome rimea_1() {
  // 40 m / 1.33 m/s = 30.075 s; RiMEA accepts 26-34 s, and with no
  // pre-movement the time is L/v within one tick (0.05 s).
  const CorridorWalk w = walk_corridor(1.33);
  const bool pass = w.time >= 26.0 && w.time <= 34.0 && std::abs(w.time - 40.0 / 1.33) <= 0.05 && w.speed_error < 0.01;
  return {pass, format("40 m in %.3f s (L/v = %.3f s), speed held within %.4f m/s", w.time, 40.0 / 1.33,
                       w.speed_error)};
}

Outcome imo_corridor() {
  // 40 m at 1.0 m/s: 40 s; speed held at 1.0 +/- 0.05 m/s.
  const CorridorWalk w = walk_corridor(1.0);
  return {std::abs(w.time - 40.0) <= 0.05 && w.speed_error <= 0.05,
          format("40 m in %.3f s, speed held within %.4f m/s", w.time, w.speed_error)};
}

Outcome rimea_5() {
  // Room 8 x 5 m, 1 m exit centred on a 5 m wall, 10 people with
  // pre-movement uniform on 10-100 s: each starts at its own time +/- 0.2 s.
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "rimea-5", "settings": {"time_limit": 300},
    "levels": [{"name": "room", "outline": [[0, 0], [8, 0], [8, 5], [0, 5]],
                "exits": [{"name": "exit", "center": [8, 2.5], "width": 1.0}]}],
    "groups": [{"name": "ten", "level": "room", "count": 10, "spawn": [[0.5, 0.5], [6, 0.5], [6, 4.5], [0.5, 4.5]],
                "pre_movement": {"distribution": "uniform", "min": 10, "max": 100}}]})",
                       "rimea-5");
  Simulation sim(*sc, RunOptions{5, 1});
  std::vector<double> started(10, -1.0);
  run_to_end(sim, [&](const Simulation& s) {
    for (std::uint32_t id : s.active())
      if (started[id] < 0 && s.agents().velocity[id].norm() > 1e-9) started[id] = us_to_seconds(s.now());
  });
  double worst = 0.0;
  bool in_range = true;
  for (std::uint32_t id = 0; id < 10; ++id) {
    const double release = us_to_seconds(sim.agents().release[id]);
    in_range = in_range && release >= 10.0 && release <= 100.0 && started[id] >= release - 1e-9;
    worst = std::max(worst, std::abs(started[id] - release));
  }
  return {in_range && worst < 0.2 && sim.counts().exited == 10,
          format("largest start delay %.3f s after the own pre-movement time; %zu of 10 left", worst,
                 sim.counts().exited)};
}

Outcome rimea_6() {
  // Left turn in a 2 m corridor (legs of 12 m), 20 people spread over the
  // first 6 m: no centre ever outside the walkable area, bodies off the walls,
  // everyone out (26 m at about 1.3 m/s), for three seeds.
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "rimea-6", "settings": {"time_limit": 120},
    "levels": [{"name": "corner", "outline": [[0, 0], [12, 0], [12, 12], [10, 12], [10, 2], [0, 2]],
                "exits": [{"name": "end", "segment": [[10, 12], [12, 12]]}]}],
    "groups": [{"name": "people", "level": "corner", "count": 20, "spawn": [[0, 0], [6, 0], [6, 2], [0, 2]]}]})",
                       "rimea-6");
  const WalkableLevel& level = sc->levels[0];
  std::size_t outside = 0, left = 0;
  double closest = 1e9, slowest = 0.0;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Simulation sim(*sc, RunOptions{seed, 2});
    run_to_end(sim, [&](const Simulation& s) {
      for (std::uint32_t id : s.active()) {
        const Vec2& p = s.agents().position[id];
        if (!contains(level.walkable, p)) ++outside;
        for (const Segment& w : level.walls) closest = std::min(closest, distance(w, p));
      }
    });
    left += sim.counts().exited;
    slowest = std::max(slowest, sim.evacuation_time() < 0 ? 1e9 : sim.evacuation_time());
  }
  return {outside == 0 && closest > 0.1 && left == 60 && slowest < 60.0,
          format("%zu positions outside the walls, closest centre %.3f m from a wall, %zu of 60 left, last at %.1f s",
                 outside, closest, left, slowest)};
}

Outcome rimea_7() {
  // 50 adults with speeds from the adult profile (normal 1.34 +/- 0.26 m/s)
  // walk a 100 x 20 m hall apart: each reaches its desired speed, and the mean
  // lies in the input mean's 95 % interval, 1.34 +/- 1.96 * 0.26 / sqrt(50).
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "rimea-7", "settings": {"time_limit": 200},
    "levels": [{"name": "hall", "outline": [[0, 0], [100, 0], [100, 20], [0, 20]],
                "exits": [{"name": "end", "segment": [[100, 0], [100, 20]]}]}],
    "groups": [{"name": "adults", "level": "hall", "profile": "adult", "count": 50,
                "spawn": [[1, 1], [10, 1], [10, 19], [1, 19]]}]})",
                       "rimea-7");
  Simulation sim(*sc, RunOptions{3, 2});
  std::vector<double> top(50, 0.0);
  run_to_end(sim, [&](const Simulation& s) {
    for (std::uint32_t id : s.active()) top[id] = std::max(top[id], s.agents().velocity[id].norm());
  });
  double mean = 0.0, worst = 0.0;
  for (std::uint32_t id = 0; id < 50; ++id) {
    worst = std::max(worst, std::abs(top[id] - sim.agents().desired_speed[id]));
    mean += top[id] / 50.0;
  }
  const double half_width = 1.96 * 0.26 / std::sqrt(50.0);
  return {worst <= 0.01 && std::abs(mean - 1.34) < half_width,
          format("mean free speed %.3f m/s (interval 1.34 +/- %.3f), largest deviation from the own desired speed %.4f m/s",
                 mean, half_width, worst)};
}

}  // namespace

void add_rimea_movement_cases(std::vector<Case>& out) {
  out.push_back({"rimea-1", "rimea", "corridor 40 x 2 m, one person at 1.33 m/s",
                 "40 m in 26-34 s, and L/v within one tick", rimea_1});
  out.push_back({"rimea-5", "rimea", "room 8 x 5 m, 10 people, pre-movement uniform 10-100 s",
                 "each starts at its own pre-movement time +/- 0.2 s", rimea_5});
  out.push_back({"rimea-6", "rimea", "left turn in a 2 m corridor, 20 people, 3 seeds",
                 "no position inside a wall, all leave", rimea_6});
  out.push_back({"rimea-7", "rimea", "50 adults with speeds of the adult profile",
                 "free speeds equal the input; mean inside its 95 % interval", rimea_7});
  out.push_back({"imo-corridor", "imo", "corridor 40 m, one person at 1.0 m/s",
                 "40 s; speed held at 1.0 +/- 0.05 m/s", imo_corridor});
}

}  // namespace campusflow::verification
