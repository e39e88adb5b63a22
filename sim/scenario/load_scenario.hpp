#pragma once
// Reading a scenario: file -> text -> ScenarioSpec -> CompiledScenario, with
// every error of every stage collected as "file: path: value rule" lines,
// then the warnings about the plan.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/compiled_scenario.hpp"
#include "sim/scenario/data_files.hpp"
#include "sim/scenario/scenario_patch.hpp"

namespace campusflow {

struct LoadResult {
  std::unique_ptr<const CompiledScenario> scenario;  // null when errors is not empty
  std::vector<std::string> errors;
  // Plans that run but will surprise (plan_warnings.hpp), "file: path: warning: value rule";
  // only when there are no errors.
  std::vector<std::string> warnings;
};

// `label` names the file in messages (default: the path as given). Only a
// regular file of at most kMaxScenarioBytes is read. Data files the
// scenario names resolve against its folder and must stay inside it unless
// `data_outside` (sim/scenario/data_files.hpp). `variant` is applied to
// the file's document before it is checked (sim/scenario/scenario_patch.hpp).
LoadResult load_scenario_file(const std::filesystem::path& path, std::string label = {}, bool data_outside = false,
                              const ScenarioVariant& variant = {});
// `data` says where files the scenario names (a street's demand file) are read from.
LoadResult load_scenario_text(std::string_view text, std::string label, const DataFiles& data = {},
                              const ScenarioVariant& variant = {});

// Larger than any school's scenario by far: a 5-storey school is 0.1 MiB. [bytes]
inline constexpr std::size_t kMaxScenarioBytes = 64u << 20;

}  // namespace campusflow
