// IMO MSC.1/Circ.1533 and ISO 20414 cases on whole set-ups (VALIDATION.md):
// an exit that becomes unavailable, counter-flow through a corridor, and the
// flow down a stair against its width.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

// ---- Dynamic exit availability ---------------------------------------------
// A 20 x 5 m room with a 1 m exit in the middle of each end wall; one person
// at 1 m/s starts 5 m from exit 1 (15 m from exit 2). Exit 1 is blocked at
// t = 1 s, when the person is still about 4 m short of it.
Outcome dynamic_exit() {
  // Before 1 s the person heads for exit 1 (the nearer); after the block it
  // turns and leaves through exit 2, never crossing exit 1, well within the
  // time limit (about 1 + 4 + 15 = 20 s).
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "imo-dynamic-exit", "settings": {"time_limit": 120},
    "levels": [{"name": "room", "outline": [[0, 0], [20, 0], [20, 5], [0, 5]],
                "exits": [{"name": "exit 1", "segment": [[0, 3], [0, 2]]},
                          {"name": "exit 2", "segment": [[20, 2], [20, 3]]}]}],
    "events": [{"time": 1, "action": "block", "target": "exit 1"}],
    "groups": [{"name": "walker", "level": "room", "positions": [[5, 2.5]],
                "desired_speed": {"distribution": "constant", "value": 1.0}}]})",
                       "imo-dynamic-exit");
  const std::uint32_t exit1 = sc->exits.at(0).place;
  Simulation sim(*sc, RunOptions{1, 2});
  double x_at_block = -1.0;
  bool headed_for_1 = false, crossed_1 = false;
  run_to_end(sim, [&](const Simulation& s) {
    for (const PassageRecord& p : s.output().passages) crossed_1 = crossed_1 || p.place == exit1;
    if (s.active().empty()) return;
    if (us_to_seconds(s.now()) < 1.0) {
      headed_for_1 = headed_for_1 || s.agents().target[0] == exit1;
      x_at_block = s.agents().position[0].x();
    }
  });
  const std::int32_t e = sim.agents().exit[0];
  const std::string used = e < 0 ? "none" : sc->exits[static_cast<std::size_t>(e)].name;
  const bool pass = headed_for_1 && !crossed_1 && used == "exit 2" && x_at_block < 5.0;
  return {pass, format("headed for exit 1 before the block: %s; at x = %.2f m when it closed; left by %s at %.2f s",
                       headed_for_1 ? "yes" : "no", x_at_block, used.c_str(), sim.agents().exit_time[0])};
}

// ---- Counter-flow ----------------------------------------------------------
// Two 10 x 10 m rooms joined by a corridor 10 m long and 2 m wide (x 10..20,
// y 4..6). 100 adults in the west room follow a posted route to the exit on
// the east room's far wall; `against` adults in the east room go the other
// way, to the exit on the west room's far wall.
std::string counter_flow_scenario(const std::string& model, int against) {
  const double dt = model.find("social_force") != std::string::npos ? 0.01 : 0.05;
  std::string groups = R"({"name": "crossing", "level": "rooms", "count": 100, "route": ["east"],
                "spawn": [[0.5, 0.5], [9.5, 0.5], [9.5, 9.5], [0.5, 9.5]]})";
  if (against > 0)
    groups += format(R"(, {"name": "against", "level": "rooms", "count": %d, "route": ["west"],
                "spawn": [[20.5, 0.5], [29.5, 0.5], [29.5, 9.5], [20.5, 9.5]]})",
                     against);
  // Built by concatenation: format() holds 512 characters at most.
  return R"({"format": "campusflow-scenario/1", "name": "counter-flow", "settings": {"dt": )" + format("%.6g", dt) +
         R"(, "time_limit": 300},
    "model": )" + model + R"(,
    "levels": [{"name": "rooms",
                "outline": [[0, 0], [10, 0], [10, 4], [20, 4], [20, 0], [30, 0], [30, 10], [20, 10], [20, 6],
                            [10, 6], [10, 10], [0, 10]],
                "exits": [{"name": "west", "segment": [[0, 10], [0, 0]]},
                          {"name": "east", "segment": [[30, 0], [30, 10]]}]}],
    "groups": [)" + groups + "]}";
}

struct CounterFlowRun {
  double crossing = -1.0;  // [s] when the last of the 100 left the corridor eastwards; < 0: not all did
  double mean_in_corridor = 0.0;  // [s] mean time from entering the corridor to leaving it eastwards
  std::size_t left = 0, total = 0;
};

CounterFlowRun counter_flow_run(const std::string& model, int against) {
  const auto sc = load(counter_flow_scenario(model, against), "counter-flow");
  Simulation sim(*sc, RunOptions{1, 2});
  std::vector<double> entered(100, -1.0), through(100, -1.0);
  run_to_end(sim, [&](const Simulation& s) {
    const double t = us_to_seconds(s.now());
    for (std::uint32_t id : s.active()) {
      if (id >= 100) continue;  // the crossing group is agents 0..99
      const double x = s.agents().position[id].x();
      if (entered[id] < 0.0 && x >= 10.0) entered[id] = t;
      if (through[id] < 0.0 && x >= 20.0) through[id] = t;
    }
  });
  CounterFlowRun r;
  r.left = sim.counts().exited;
  r.total = sc->agent_count;
  bool all = true;
  for (std::size_t i = 0; i < 100; ++i) {
    all = all && through[i] >= 0.0 && entered[i] >= 0.0;
    r.crossing = std::max(r.crossing, through[i]);
    r.mean_in_corridor += (through[i] - entered[i]) / 100.0;
  }
  if (!all) r.crossing = -1.0;
  return r;
}

Outcome counter_flow(const std::string& model, const char* name) {
  // The time until all 100 have come through the corridor rises strictly
  // with 0, 10, 50 and 100 people walking against them, and in every run
  // everyone (both groups) reaches an exit before the 300 s limit.
  constexpr int kAgainst[] = {0, 10, 50, 100};
  std::vector<CounterFlowRun> runs;
  for (int n : kAgainst) runs.push_back(counter_flow_run(model, n));
  bool pass = true;
  std::string text = std::string(name) + ": all 100 through the corridor after";
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const CounterFlowRun& r = runs[k];
    pass = pass && r.left == r.total && r.crossing > 0.0 && (k == 0 || r.crossing > runs[k - 1].crossing);
    text += r.crossing > 0.0 ? format(" %.1f s", r.crossing) : std::string(" (not all)");
    text += format(" (against %d: %.1f s mean in the corridor, %zu of %zu out)%s", kAgainst[k], r.mean_in_corridor,
                   r.left, r.total, k + 1 < runs.size() ? "," : "");
  }
  return {pass, text};
}

// ---- Stair flow against width ----------------------------------------------
// A 10 x 10 m room 3 m up with 100 adults; a stair of the given width from
// the middle of its east wall, 5 m in plan (5.83 m along the slope), down to
// a landing as wide as the stair with the exit on its far side.
std::string stair_width_scenario(double w) {
  // Built by concatenation: format() holds 512 characters at most.
  const std::string y0 = format("%.6g", 5.0 - 0.5 * w), y1 = format("%.6g", 5.0 + 0.5 * w);
  return R"({"format": "campusflow-scenario/1", "name": "stair-width", "settings": {"dt": 0.05, "time_limit": 400},
    "levels": [{"name": "room", "elevation": 3, "outline": [[0, 0], [10, 0], [10, 10], [0, 10]]},
               {"name": "landing", "elevation": 0,
                "outline": [[15, )" + y0 + "], [18, " + y0 + "], [18, " + y1 + "], [15, " + y1 + R"(]],
                "exits": [{"name": "out", "segment": [[18, )" + y0 + "], [18, " + y1 + R"(]]}]}],
    "stairs": [{"name": "stair", "length": )" + format("%.6g", std::hypot(5.0, 3.0)) + R"(,
                "from": {"level": "room", "segment": [[10, )" + y0 + "], [10, " + y1 + R"(]]},
                "to": {"level": "landing", "segment": [[15, )" + y1 + "], [15, " + y0 + R"(]]}}],
    "groups": [{"name": "people", "level": "room", "count": 100,
                "spawn": [[0.5, 0.5], [9.5, 0.5], [9.5, 9.5], [0.5, 9.5]]}]})";
}

struct StairRun {
  double flow = 0.0;    // [P/s] off the foot of the stair, between the 10th and the 90th person
  double centred = 0.0; // share of the people who step onto the flight within 0.1 m of its centre line
};

// The flow is counted between the 10th and the 90th person, so that neither
// the first arrivals nor the last stragglers count.
StairRun stair_run(double width, std::uint64_t seed) {
  const auto sc = load(stair_width_scenario(width), "stair-width");
  const CompiledStair& stair = sc->stairs.at(0);
  Simulation sim(*sc, RunOptions{seed, 2});
  std::vector<double> times;
  std::size_t centred = 0;
  run_to_end(sim, [&](const Simulation& s) {
    for (const PassageRecord& p : s.output().passages) {
      if (p.place == stair.to_place) times.push_back(p.time);
      if (p.place == stair.from_place && std::abs(s.agents().position[p.agent].y() - 0.5 * stair.width) <= 0.1)
        ++centred;
    }
  });
  if (times.size() < 91) return {};
  std::sort(times.begin(), times.end());
  return {80.0 / (times[89] - times[9]), static_cast<double>(centred) / static_cast<double>(times.size())};
}

Outcome stair_width() {
  // The flow down the stair rises strictly with the width, 1.0 to 1.8 m in
  // steps of 0.2 m; each figure is the mean of kSeeds seeds. (For scale, not
  // judged: SFPE's stair capacity of about 1.0 P/s per metre of effective
  // width, the width less 0.15 m a side, gives 0.7, 0.9, 1.1, 1.3, 1.5 P/s.)
  constexpr double kWidths[] = {1.0, 1.2, 1.4, 1.6, 1.8};
  constexpr int kSeeds = 4;
  bool pass = true;
  double last = 0.0;
  std::string text = "flow off the stair (share stepping on within 0.1 m of the centre line):";
  for (double w : kWidths) {
    StairRun mean;
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      const StairRun r = stair_run(w, seed);
      mean.flow += r.flow / kSeeds;
      mean.centred += r.centred / kSeeds;
    }
    pass = pass && mean.flow > last;
    last = mean.flow;
    text += format(" %.1f m: %.2f P/s (%.0f %%)%s", w, mean.flow, 100.0 * mean.centred, w < 1.7 ? "," : "");
  }
  return {pass, text};
}

}  // namespace

void add_building_flow_cases(std::vector<Case>& out) {
  out.push_back({"imo-dynamic-exit", "imo", "room 20 x 5 m, one person, the nearer exit blocked at t = 1 s",
                 "the person uses exit 2", dynamic_exit});
  out.push_back({"iso-counter-flow", "iso",
                 "100 people through a 10 x 2 m corridor between two 10 x 10 m rooms against 0, 10, 50, 100, "
                 "collision-free speed model",
                 "crossing time rises with counter-flow; everyone out within 300 s",
                 [] { return counter_flow(R"({"type": "collision_free_speed"})", "collision-free speed model"); }});
  out.push_back({"iso-counter-flow-sfm", "iso", "the same with the social force model",
                 "crossing time rises with counter-flow; everyone out within 300 s",
                 [] { return counter_flow(R"({"type": "social_force"})", "social force model"); }});
  out.push_back({"imo-stair-width", "imo", "100 people down a stair 1.0-1.8 m wide, 5.83 m along the slope",
                 "flow rises with width", stair_width});
}

}  // namespace campusflow::verification
