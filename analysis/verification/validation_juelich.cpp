// The Jülich corridor runs (VALIDATION.md, data/experiments): simulated with
// each model's default parameters and measured like the experiments
// (analysis/validation_setups.hpp). Criterion: flow within +/- 15 % and mean
// speed within +/- 0.15 m/s, on the mean of kValidationSeeds seeds; the crowd
// walks at the participants' free speeds measured in the free-flow run.
#include "analysis/validation_setups.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

Outcome juelich(const analysis::JuelichRun& r, const std::string& model) {
  const analysis::CorridorMeasure m = analysis::simulate_juelich_mean(
      r, model, analysis::JuelichPopulation::kParticipants, analysis::kValidationSeeds, 2);
  return {analysis::within_criterion(r, m),
          format("flow %.2f P/s (measured %.2f), speed %.2f m/s (measured %.2f), density %.2f P/m2 (measured %.2f)",
                 m.flow, r.flow, m.speed, r.speed, m.density, r.density)};
}

}  // namespace

void add_validation_cases(std::vector<Case>& out) {
  const struct {
    const char* suffix;
    const char* model;
    const char* name;
  } models[] = {{"cfsm", R"({"type": "collision_free_speed"})", "collision-free speed model"},
                {"sfm", R"({"type": "social_force"})", "social force model"}};
  for (const auto& m : models) {
    for (const analysis::JuelichRun& r : analysis::juelich_runs()) {
      const std::string model = m.model;
      out.push_back({std::string("juelich-") + r.name + "-" + m.suffix, "validation",
                     std::string("Jülich ") + r.name + ", " + m.name + ", default parameters",
                     "flow +/- 15 %, speed +/- 0.15 m/s", [r, model] { return juelich(r, model); }});
    }
  }
}

}  // namespace campusflow::verification
