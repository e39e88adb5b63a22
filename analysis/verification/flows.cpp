// IMO MSC.1/Circ.1533 exit flow (VALIDATION.md): 100 persons leave a room of
// 8 x 5 m through a 1 m door centred on a 5 m wall. The door is a gap in a
// 0.2 m wall with walking space beyond it, and the flow is counted on a line
// across the gap (analysis/validation_setups.hpp), never as removals.
#include "analysis/validation_setups.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

namespace {

Outcome exit_flow(const std::string& model, const char* name) {
  // Without a limiter the model's own flow must lie in the laboratory band
  // 1.3-2.0 P/(m s). Single runs scatter by about +/- 5 %: the band applies
  // to the mean of kValidationSeeds seeds.
  const double j = analysis::simulate_door_flow_mean(model, analysis::kValidationSeeds, 2);
  return {j >= 1.3 && j <= 2.0, format("%s: %.2f P/s through the 1 m door (mean of %d seeds)", name, j,
                                       analysis::kValidationSeeds)};
}

Outcome limited_flow() {
  // With the code limiter of 1.33 P/(m s) on the door, the mean flow is at
  // most 1.33 P/s.
  const double j = analysis::simulate_door_flow_mean(R"({"type": "collision_free_speed"})",
                                                     analysis::kValidationSeeds, 2, 1.33);
  return {j <= 1.33 + 1e-9 && j > 1.2, format("%.3f P/s through the 1 m door with the 1.33 P/(m s) limiter", j)};
}

}  // namespace

void add_flow_cases(std::vector<Case>& out) {
  out.push_back({"imo-exit-flow", "imo", "100 persons, room 8 x 5 m, 1 m door gap, collision-free speed model",
                 "1.3-2.0 P/s without a limiter",
                 [] { return exit_flow(R"({"type": "collision_free_speed"})", "collision-free speed model"); }});
  out.push_back({"imo-exit-flow-sfm", "imo", "the same with the social force model", "1.3-2.0 P/s without a limiter",
                 [] { return exit_flow(R"({"type": "social_force"})", "social force model"); }});
  out.push_back({"imo-exit-flow-limited", "imo", "the same with the door's flow limiter at 1.33 P/(m s)",
                 "mean flow <= 1.33 P/s", limited_flow});
}

}  // namespace campusflow::verification
