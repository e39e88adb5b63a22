#pragma once
// Distribution objects ({"distribution": "normal", "mean": 1.3, "sd": 0.2}) for
// desired speeds and pre-movement times. Internal to sim/scenario.
#include <optional>
#include <string>

#include "sim/core/distribution.hpp"
#include "sim/scenario/json_reader.hpp"

namespace campusflow::scenario_parse {

// What a distribution describes fixes which values it may produce.
enum class Quantity {
  kDesiredSpeed,  // [m/s], every value in [0.05, 3.0]
  kPreMovement,   // [s], every value >= 0; truncated to [0, 3600] unless bounds are given
};

std::optional<Distribution> parse_distribution(Reader& reader, const json::value& v,
                                               const std::string& path, Quantity quantity);

}  // namespace campusflow::scenario_parse
