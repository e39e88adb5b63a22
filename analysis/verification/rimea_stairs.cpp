// RiMEA guideline 4.1.1, annex 1, tests 2 and 3, and the IMO MSC.1/Circ.1533
// stair test (VALIDATION.md): one person walks a 2 m wide stair, 10 m along
// the slope, up and down; the time on the stair is length / set speed.
#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

// A 5 m landing at z = 0 (x 0..5), the flight from its east edge to the west
// edge of a 5 m landing at z = 5 m (x 20..25), an exit at the far end of the
// upper landing (or, walking down, of the lower one). The agent starts 4 m
// before the flight. `factors` may override the stair speed factors.
std::string stair_scenario(bool up, double speed, const std::string& factors) {
  const std::string exit = up ? R"("exits": [{"name": "out", "segment": [[25, 0], [25, 2]]}])"
                              : R"("exits": [{"name": "out", "segment": [[0, 2], [0, 0]]}])";
  return R"({"format": "campusflow-scenario/1", "name": "stair", "settings": {"dt": 0.05, "time_limit": 120},
    "levels": [
      {"name": "low", "elevation": 0, "outline": [[0, 0], [5, 0], [5, 2], [0, 2]])" +
         std::string(up ? "" : ", " + exit) + R"(},
      {"name": "high", "elevation": 5, "outline": [[20, 0], [25, 0], [25, 2], [20, 2]])" +
         std::string(up ? ", " + exit : "") + R"(}],
    "stairs": [{"name": "flight", "length": 10,)" + factors + R"(
                "from": {"level": "low", "segment": [[5, 0], [5, 2]]},
                "to": {"level": "high", "segment": [[20, 2], [20, 0]]}}],
    "groups": [{"name": "walker", "level": ")" + (up ? "low" : "high") + R"(", "positions": [)" +
         (up ? "[1, 1]" : "[24, 1]") + R"(],
                "desired_speed": {"distribution": "constant", "value": )" + format("%.6g", speed) + "}}]}";
}

struct StairWalk {
  double on_stair = 0.0;  // [s] from stepping onto the flight to stepping off
  double exit_time = 0.0; // [s]
  double top = 0.0;       // [m] highest z
};

StairWalk walk(bool up, double speed, const std::string& factors) {
  const auto sc = load(stair_scenario(up, speed, factors), "stair");
  Simulation sim(*sc, RunOptions{1, 1});
  const std::uint32_t stair_level = sc->stairs.at(0).level;
  double entered = -1.0, left = -1.0;
  StairWalk w;
  run_to_end(sim, [&](const Simulation& s) {
    if (s.active().empty()) return;
    const bool on = s.agents().level[0] == stair_level;
    const double t = us_to_seconds(s.now());
    if (on && entered < 0.0) entered = t;
    if (!on && entered >= 0.0 && left < 0.0) left = t;
    w.top = std::max(w.top, sc->levels[s.agents().level[0]].world(s.agents().position[0]).z());
  });
  w.on_stair = left - entered;
  w.exit_time = sim.agents().exit_time[0];
  return w;
}

constexpr const char* kSetSpeed = R"( "up_factor": 1.0, "down_factor": 1.0,)";

Outcome set_speed(bool up) {
  // 10 m / 1.0 m/s = 10 s +/- 5 % on the flight (here within two ticks);
  // 4 m + 10 m + 5 m = 19 s in all.
  const StairWalk w = walk(up, 1.0, kSetSpeed);
  const bool pass = std::abs(w.on_stair - 10.0) <= 0.1 && std::abs(w.exit_time - 19.0) <= 0.1 &&
                    (!up || std::abs(w.top - 5.0) <= 0.1);
  return {pass, format("%.2f s on the 10 m flight, %.2f s for the whole 19 m walk", w.on_stair, w.exit_time)};
}

Outcome profile_speeds() {
  // Adults on stairs (Fruin, as tabled in RiMEA): 0.76 m/s down, 0.55 m/s up
  // against 1.34 m/s on the level (factors 0.57, 0.41): at 1.34 m/s the 10 m
  // flight takes 10 / 0.76 = 13.1 s down and 10 / 0.55 = 18.2 s up, +/- 5 %.
  const StairWalk up = walk(true, 1.34, "");
  const StairWalk down = walk(false, 1.34, "");
  const double t_up = 10.0 / (1.34 * 0.41), t_down = 10.0 / (1.34 * 0.57);
  const bool pass = std::abs(up.on_stair - t_up) <= 0.05 * t_up && std::abs(down.on_stair - t_down) <= 0.05 * t_down;
  return {pass, format("adult at 1.34 m/s: %.2f s up (expected %.2f), %.2f s down (expected %.2f)", up.on_stair, t_up,
                       down.on_stair, t_down)};
}

}  // namespace

void add_rimea_stair_cases(std::vector<Case>& out) {
  out.push_back({"rimea-2", "rimea", "stair 2 m wide, 10 m along the slope, walking up at 1 m/s",
                 "10 s +/- 5 %", [] { return set_speed(true); }});
  out.push_back({"rimea-3", "rimea", "the same stair walking down at 1 m/s", "10 s +/- 5 %",
                 [] { return set_speed(false); }});
  out.push_back({"imo-stairs", "imo", "10 m stair, adult profile, up and down",
                 "Fruin's stair speeds (0.55 up, 0.76 down m/s) within 5 %", profile_speeds});
}

}  // namespace campusflow::verification
