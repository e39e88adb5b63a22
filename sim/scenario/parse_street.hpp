#pragma once
// The `street` section of a scenario: gate traffic (docs/scenario-format.md).
// Internal to sim/scenario.
#include <filesystem>
#include <optional>
#include <string>

#include "sim/scenario/data_files.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/traffic/street_spec.hpp"

namespace campusflow::scenario_parse {

// A demand file is read as `data` allows (sim/scenario/data_files.hpp).
std::optional<StreetSpec> parse_street(Reader& r, const json::value& v, const std::string& path,
                                       const DataFiles& data);

}  // namespace campusflow::scenario_parse
