#pragma once
// The `street` section of a scenario: gate traffic (docs/scenario-format.md).
// Internal to sim/scenario.
#include <filesystem>
#include <optional>
#include <string>

#include "sim/scenario/json_reader.hpp"
#include "sim/traffic/street_spec.hpp"

namespace campusflow::scenario_parse {

// `base_dir` resolves a demand file named relative to the scenario file.
std::optional<StreetSpec> parse_street(Reader& r, const json::value& v, const std::string& path,
                                       const std::filesystem::path& base_dir);

}  // namespace campusflow::scenario_parse
