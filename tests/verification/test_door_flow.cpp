// IMO MSC.1/Circ.1533 exit flow without a flow limiter (VALIDATION.md): 100
// adults leave a room of 8 x 5 m through a 1 m door centred on a 5 m wall.
// The door is a gap in a 0.2 m wall with walking space beyond it, and the flow
// is counted on a line across the gap (analysis/validation_setups.hpp). The
// model's own flow must lie in the laboratory band of 1.3-2.0 P/(m s).
#include <catch2/catch.hpp>

#include "analysis/validation_setups.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

TEST_CASE("IMO exit flow: 100 persons through a 1 m door gap at 1.3-2.0 P/s", "[verification][imo]") {
  const std::string model = R"({"type": "collision_free_speed"})";
  // Single runs scatter by about +/- 5 %; the band applies to the mean.
  const double j = simulate_door_flow_mean(model, kValidationSeeds, 2);
  INFO("door flow " << j << " P/s, mean of " << kValidationSeeds << " seeds");
  CHECK(j >= 1.3);
  CHECK(j <= 2.0);
}
