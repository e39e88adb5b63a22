// RiMEA guideline 4.1.1, annex 1, tests 11 and 14 (VALIDATION.md): route
// choice under congestion. With the shortest way everyone heads for the
// nearest exit or stair; with the quickest way (distance plus the expected
// wait before each opening) some take the longer way when the short one jams.
#include <string>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

std::string rimea_11_scenario(const char* choice) {
  // A 30 x 20 m room, 1000 people packed in its western 12 m, two 1 m exits
  // in the north wall: near (centre x = 6 m) and far (x = 26 m).
  return std::string(R"({"format": "campusflow-scenario/1", "name": "rimea-11", "settings": {"time_limit": 1500},
    "levels": [{"name": "room", "outline": [[0, 0], [30, 0], [30, 20], [0, 20]],
                "exits": [{"name": "near", "center": [6, 20], "width": 1.0},
                          {"name": "far", "center": [26, 20], "width": 1.0}]}],
    "groups": [{"name": "crowd", "level": "room", "count": 1000, "route_choice": ")") +
         choice + R"(", "spawn": [[0, 0], [12, 0], [12, 20], [0, 20]]}]})";
}

struct Shares {
  std::size_t first = 0, second = 0;  // agents through the near and the far way
  double time = -1.0;                 // [s] evacuation time
};

Shares rimea_11_run(const char* choice) {
  const auto sc = load(rimea_11_scenario(choice), "rimea-11");
  Simulation sim(*sc, RunOptions{1, 2});
  Shares s;
  run_to_end(sim, [&](const Simulation& x) {
    for (const ExitRecord& e : x.output().exits) (e.exit == 0 ? s.first : s.second)++;
  });
  s.time = sim.evacuation_time();
  return s;
}

Outcome rimea_11() {
  // More use the near exit, and some use the far one (quickest way); with
  // the shortest way nobody walks 20 m further to the far exit.
  const Shares quick = rimea_11_run("quickest");
  const Shares shortest = rimea_11_run("shortest");
  const bool pass = quick.first > quick.second && quick.second > 0 && quick.time > 0.0;
  return {pass, format("quickest way: %zu near, %zu far, out after %.0f s; shortest way: %zu near, %zu far, %.0f s",
                       quick.first, quick.second, quick.time, shortest.first, shortest.second, shortest.time)};
}

std::string rimea_14_scenario(const char* choice) {
  // Upstairs a 20 x 10 m hall with 200 people in its western 8 m and a 1.2 m
  // stair at each end; downstairs a 40 m corridor (4 m wide) with the exit at
  // its west end. Stair A (west) lands next to the exit, stair B (east) 30 m
  // further along the corridor: A is the short way, B the long one.
  return std::string(R"({"format": "campusflow-scenario/1", "name": "rimea-14", "settings": {"time_limit": 900},
    "levels": [
      {"name": "upper", "elevation": 3, "outline": [[0, 0], [20, 0], [20, 10], [0, 10]]},
      {"name": "ground", "elevation": 0, "outline": [[-10, 20], [30, 20], [30, 24], [-10, 24]],
       "exits": [{"name": "out", "segment": [[-10, 24], [-10, 20]]}]}],
    "stairs": [
      {"name": "A", "length": 6, "from": {"level": "upper", "segment": [[0, 5.6], [0, 4.4]]},
       "to": {"level": "ground", "segment": [[-4.8, 24], [-6, 24]]}},
      {"name": "B", "length": 6, "from": {"level": "upper", "segment": [[20, 4.4], [20, 5.6]]},
       "to": {"level": "ground", "segment": [[25.2, 24], [24, 24]]}}],
    "groups": [{"name": "crowd", "level": "upper", "count": 200, "route_choice": ")") +
         choice + R"(", "spawn": [[0.3, 0.3], [8, 0.3], [8, 9.7], [0.3, 9.7]]}]})";
}

Shares rimea_14_run(const char* choice) {
  const auto sc = load(rimea_14_scenario(choice), "rimea-14");
  Simulation sim(*sc, RunOptions{1, 2});
  const std::uint32_t a = sc->stairs[0].from_place, b = sc->stairs[1].from_place;
  Shares s;
  run_to_end(sim, [&](const Simulation& x) {
    for (const PassageRecord& p : x.output().passages) {
      if (p.place == a) ++s.first;
      if (p.place == b) ++s.second;
    }
  });
  s.time = sim.evacuation_time();
  return s;
}

Outcome rimea_14() {
  // The shares of the two stairs are reported; the quickest-route mode must
  // use both once the short one jams, and it must not be slower than
  // everyone taking the short stair.
  const Shares quick = rimea_14_run("quickest");
  const Shares shortest = rimea_14_run("shortest");
  const bool pass = quick.first > 0 && quick.second > 0 && quick.first + quick.second == 200 && quick.time > 0.0 &&
                    quick.time <= shortest.time;
  return {pass, format("quickest way: %zu by stair A, %zu by stair B, out after %.0f s; shortest way: %zu by A, "
                       "%zu by B, %.0f s",
                       quick.first, quick.second, quick.time, shortest.first, shortest.second, shortest.time)};
}

}  // namespace

void add_rimea_route_cases(std::vector<Case>& out) {
  out.push_back({"rimea-11", "rimea", "room 30 x 20 m, 1000 people on one side, near and far 1 m exits",
                 "more use the near exit, some the far one", rimea_11});
  out.push_back({"rimea-14", "rimea", "two levels, two stairs, short and long way down",
                 "shares reported; the quickest way uses both stairs once the short one jams", rimea_14});
}

}  // namespace campusflow::verification
