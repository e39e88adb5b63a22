#pragma once
// Scenario files (JSON, see docs/scenario-format.md) to ScenarioSpec, with
// every problem that can be found without distance fields reported at once.
#include <filesystem>
#include <optional>
#include <string_view>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/scenario_spec.hpp"
#include "sim/scenario/data_files.hpp"
#include "sim/scenario/scenario_patch.hpp"

namespace campusflow {

// Parses JSON text (comments and trailing commas allowed) into a ScenarioSpec.
// Every problem goes into diags, all of them, never stopping at the first;
// returns nullopt if any error was found. Never throws, on any input.
// spec.file is diags.file(), spec.text the text as given.
// A demand file in the street section is read as `data` allows. `variant`
// (scenario_patch.hpp) is applied to the document before it is checked; an
// error under a value it set says which setting put it there.
std::optional<ScenarioSpec> parse_scenario(std::string_view text, Diagnostics& diags, const DataFiles& data = {},
                                           const ScenarioVariant& variant = {});

}  // namespace campusflow
