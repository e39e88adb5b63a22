// IMO MSC.1/Circ.1533 / ISO 20414 group test (VALIDATION.md): a group of 5
// people at 1.25 m/s and 10 at 0.5 m/s walk as one group; the group arrives
// together (spread of arrival times <= 10 s). In campusflow a group that keeps
// together is a class led by a teacher: the teacher waits while the last
// member is more than the group's spread behind.
#include <algorithm>
#include <string>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

struct Arrivals {
  double first = 1e9, last = 0.0;  // [s]
  std::size_t safe = 0;
};

Arrivals walk_as_group(bool led) {
  // A 40 m corridor, 4 m wide; the 15 start at its west end. The fast five
  // and the slow ten are one group: with a teacher (led) it keeps within
  // 4 m; without, everyone walks at their own speed.
  std::string positions;
  for (int k = 0; k < 15; ++k)
    positions += (k ? ", " : "") + format("[%.2f, %.2f]", 1.0 + 0.6 * (k % 5), 0.8 + 0.6 * (k / 5));
  const std::string teacher = led ? R"(, "teacher": {"position": [4.5, 3.2]}, "spread": 4)" : "";
  const auto sc = load(R"({"format": "campusflow-scenario/1", "name": "imo-group", "settings": {"time_limit": 300},
    "levels": [{"name": "corridor", "outline": [[0, 0], [40, 0], [40, 4], [0, 4]],
                "exits": [{"name": "end", "segment": [[40, 0], [40, 4]]}]}],
    "groups": [{"name": "group", "level": "corridor", "positions": [)" + positions + "]" + teacher + R"(,
                "desired_speed": {"distribution": "uniform", "min": 0.5, "max": 1.25}}]})",
                       "imo-group");
  Simulation sim(*sc, RunOptions{1, 2});
  Arrivals a;
  run_to_end(sim, [&](const Simulation& s) {
    for (const ExitRecord& e : s.output().exits) {
      a.first = std::min(a.first, e.time);
      a.last = std::max(a.last, e.time);
      ++a.safe;
    }
  });
  return a;
}

Outcome groups() {
  // Led, the group's arrivals spread over at most 10 s; left to their own
  // speeds (0.5-1.25 m/s over 38 m: 30-76 s) they would spread much more.
  const Arrivals led = walk_as_group(true);
  const Arrivals alone = walk_as_group(false);
  const bool pass = led.safe == 16 && led.last - led.first <= 10.0;
  return {pass, format("led by a teacher: %zu arrive within %.1f s; walking alone: within %.1f s", led.safe,
                       led.last - led.first, alone.last - alone.first)};
}

}  // namespace

void add_imo_group_cases(std::vector<Case>& out) {
  out.push_back({"imo-groups", "imo", "a group of 15 with speeds uniform on 0.5-1.25 m/s (the guideline: 5 at 1.25, 10 at 0.5), 40 m corridor",
                 "the group arrives together (spread <= 10 s)", groups});
}

}  // namespace campusflow::verification
