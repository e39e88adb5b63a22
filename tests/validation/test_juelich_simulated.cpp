// The Jülich corridor runs simulated with the default model parameters and
// measured like the experiments (analysis/validation_setups.hpp): flow within
// +/- 15 % and mean speed within +/- 0.15 m/s of the published values
// (VALIDATION.md), on the mean of kValidationSeeds seeds. The crowd walks at
// the participants' free speeds measured in the free-flow run (the same for
// all four runs); bench/validate_juelich.cpp prints the full table.
#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/validation_setups.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

TEST_CASE("Jülich corridor runs simulated with default parameters match the experiments",
          "[validation][juelich]") {
  const std::string model = R"({"type": "collision_free_speed"})";
  for (const JuelichRun& r : juelich_runs()) {
    const CorridorMeasure m =
        simulate_juelich_mean(r, model, JuelichPopulation::kParticipants, kValidationSeeds, 2);
    INFO(r.name << ": flow " << m.flow << " P/s (measured " << r.flow << "), speed " << m.speed
                << " m/s (measured " << r.speed << "), density " << m.density << " P/m^2 (measured "
                << r.density << ")");
    CHECK(std::abs(m.flow - r.flow) <= 0.15 * r.flow);
    CHECK(std::abs(m.speed - r.speed) <= 0.15);
    CHECK(within_criterion(r, m));
  }
}
