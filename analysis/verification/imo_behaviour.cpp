// IMO MSC.1/Circ.1533 / ISO 20414 behaviour tests (VALIDATION.md):
// pre-movement times follow their assigned distribution, and a leader bound
// to an exit draws people to it.
#include <cmath>
#include <string>
#include <vector>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

// 2000 agents in a 50 x 50 m hall, with the given pre-movement distribution.
std::vector<double> assigned_pre_movement(const std::string& distribution) {
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "pre-movement",
    "levels": [{"name": "hall", "outline": [[0, 0], [50, 0], [50, 50], [0, 50]],
                "exits": [{"name": "door", "center": [50, 25], "width": 2}]}],
    "groups": [{"name": "crowd", "level": "hall", "count": 2000, "spawn": [[1, 1], [49, 1], [49, 49], [1, 49]],
                "pre_movement": )" + distribution + "}]}",
                       "pre-movement");
  Simulation sim(*sc, RunOptions{11, 2});
  sim.step();  // the alarm: everyone spawns with a pre-movement time
  std::vector<double> out;
  for (std::uint32_t i = 0; i < sc->agent_count; ++i) out.push_back(us_to_seconds(sim.agents().release[i]));
  return out;
}

Outcome pre_movement() {
  // Each of uniform, normal, log-normal, Weibull and gamma, as written in a
  // scenario and assigned at spawn to 2000 agents, passes a Kolmogorov-Smirnov
  // test at p > 0.05: D < 1.358 / sqrt(2000) = 0.0304. Times are rounded to
  // the microsecond clock, far below the statistic's resolution.
  const struct {
    const char* json;
    Distribution d;
  } cases[] = {
      {R"({"distribution": "uniform", "min": 10, "max": 100})", Distribution::uniform(10, 100)},
      {R"({"distribution": "normal", "mean": 46, "sd": 12})", {DistributionKind::kNormal, 46, 12, 0, 3600}},
      {R"({"distribution": "lognormal", "mu": 3.4, "sigma": 0.5})", {DistributionKind::kLogNormal, 3.4, 0.5, 0, 3600}},
      {R"({"distribution": "weibull", "shape": 1.8, "scale": 40})", {DistributionKind::kWeibull, 1.8, 40, 0, 3600}},
      {R"({"distribution": "gamma", "shape": 2.5, "scale": 12})", {DistributionKind::kGamma, 2.5, 12, 0, 3600}},
  };
  const double critical = 1.358 / std::sqrt(2000.0);
  bool pass = true;
  std::string measured = "KS statistic D (critical 0.0304):";
  for (const auto& c : cases) {
    const double d = ks_statistic(assigned_pre_movement(c.json), c.d);
    pass = pass && d < critical;
    measured += format(" %s %.4f,", std::string(to_string(c.d.kind)).c_str(), d);
  }
  measured.pop_back();
  return {pass, measured};
}

// Share of 60 people who leave by exit 2 (east) from a 20 x 10 m room with
// exits west and east, spawned nearer the west one; optionally 15 of them
// are a class whose teacher's route is exit 2.
double share_east(bool leader) {
  const std::string crowd = R"({"name": "crowd", "level": "room", "count": 45, "spawn": [[1, 1], [9, 1], [9, 5], [1, 5]]})";
  const std::string led = leader ? R"({"name": "class", "level": "room", "count": 15, "spawn": [[1, 6], [9, 6], [9, 9], [1, 9]],
        "teacher": {"position": [10, 7.5]}, "route": ["east"]})"
                                 : R"({"name": "class", "level": "room", "count": 15, "spawn": [[1, 6], [9, 6], [9, 9], [1, 9]]})";
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "social-influence",
    "levels": [{"name": "room", "outline": [[0, 0], [20, 0], [20, 10], [0, 10]],
                "exits": [{"name": "west", "center": [0, 5], "width": 1}, {"name": "east", "center": [20, 5], "width": 1}]}],
    "groups": [)" + crowd + ", " + led + "]}",
                       "social-influence");
  Simulation sim(*sc, RunOptions{1, 2});
  std::size_t east = 0, all = 0;
  run_to_end(sim, [&](const Simulation& s) {
    for (const ExitRecord& e : s.output().exits) {
      ++all;
      if (e.exit == 1) ++east;
    }
  });
  return all ? static_cast<double>(east) / static_cast<double>(all) : 0.0;
}

Outcome social_influence() {
  // The share using exit 2 rises when a leader is bound to exit 2.
  const double without = share_east(false), with = share_east(true);
  return {with > without, format("share through exit 2: %.0f %% without a leader, %.0f %% with a class led to it",
                                 100.0 * without, 100.0 * with)};
}

}  // namespace

void add_imo_behaviour_cases(std::vector<Case>& out) {
  out.push_back({"imo-pre-movement", "imo", "2000 agents each with uniform, normal, log-normal, Weibull, gamma pre-movement",
                 "assigned times pass Kolmogorov-Smirnov at p > 0.05", pre_movement});
  out.push_back({"imo-social-influence", "imo", "60 people, two exits, with and without a leader bound to exit 2",
                 "the share using exit 2 rises with the leader", social_influence});
}

}  // namespace campusflow::verification
