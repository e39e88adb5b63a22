// Simulates the Jülich corridor experiments (data/experiments/README.md) and
// the IMO door-flow set-up with the default pedestrian model, measures them
// as the experiments are measured (analysis/validation_setups.hpp) and prints
// the tables of docs/validation.md: simulated beside measured, and whether
// each run is within the criterion of VALIDATION.md (flow +/- 15 %, speed
// +/- 0.15 m/s), judged on the mean over seeds. The validation and
// verification tests (tests/validation/test_juelich_simulated.cpp,
// tests/verification/test_door_flow.cpp) assert the same; this report also
// shows each seed and the crowd with the adult profile's speeds.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "analysis/validation_setups.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

namespace {

int print_table(const std::string& model, JuelichPopulation population, int seeds) {
  std::printf("\ndesired speeds: %s\n", population == JuelichPopulation::kParticipants
                                           ? "the participants' (measured in uo-050, 1.43 +/- 0.21 m/s)"
                                           : "the adult profile's (Weidmann, 1.34 +/- 0.26 m/s)");
  std::printf("%-16s %15s %14s %14s %5s  %s\n", "run", "density sim/exp", "speed sim/exp", "flow sim/exp", "pass",
              "flow/speed per seed (* outside)");
  int passed = 0;
  for (const JuelichRun& r : juelich_runs()) {
    CorridorMeasure mean{0, 0, 0};
    std::string per_seed;
    for (int s = 1; s <= seeds; ++s) {
      const CorridorMeasure m = simulate_juelich(r, model, population, static_cast<std::uint64_t>(s), 2);
      mean.density += m.density / seeds;
      mean.speed += m.speed / seeds;
      mean.flow += m.flow / seeds;
      char buf[32];
      std::snprintf(buf, sizeof buf, " %.2f/%.2f%s", m.flow, m.speed, within_criterion(r, m) ? "" : "*");
      per_seed += buf;
    }
    const bool ok = within_criterion(r, mean);
    passed += ok;
    std::printf("%-16s %6.2f / %5.2f %6.2f / %5.2f %6.2f / %5.2f %5s %s\n", r.name, mean.density, r.density,
                mean.speed, r.speed, mean.flow, r.flow, ok ? "yes" : "no", per_seed.c_str());
  }
  std::printf("%d of 4 runs within flow +/- 15 %% and speed +/- 0.15 m/s (mean over %d seeds)\n", passed, seeds);
  return passed;
}

}  // namespace

// usage: campusflow_validate_juelich ['{"type": "collision_free_speed", ...}' [SEEDS]]
// (a model block as in a scenario file; default: the model's defaults; each
// set-up is run with seeds 1..SEEDS, default kValidationSeeds).
int main(int argc, char** argv) {
  const std::string model = argc > 1 ? argv[1] : R"({"type": "collision_free_speed"})";
  const int seeds = argc > 2 ? std::max(1, std::atoi(argv[2])) : kValidationSeeds;
  std::printf("model: %s\n", model.c_str());
  print_table(model, JuelichPopulation::kParticipants, seeds);
  print_table(model, JuelichPopulation::kAdultProfile, seeds);
  double mean = 0.0;
  std::string per_seed;
  for (int s = 1; s <= seeds; ++s) {
    const double j = simulate_door_flow(model, static_cast<std::uint64_t>(s), 2);
    mean += j / seeds;
    char buf[16];
    std::snprintf(buf, sizeof buf, " %.2f", j);
    per_seed += buf;
  }
  std::printf("\ndoor flow, 100 adults, 1 m door gap in a wall: %.2f P/s (band 1.3-2.0: %s); per seed:%s\n", mean,
              mean >= 1.3 && mean <= 2.0 ? "yes" : "no", per_seed.c_str());
  return 0;
}
