#pragma once
// Reading a scenario: file -> text -> ScenarioSpec -> CompiledScenario, with
// every error of every stage collected as "file: path: value rule" lines,
// then the warnings about the plan.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

struct LoadResult {
  std::unique_ptr<const CompiledScenario> scenario;  // null when errors is not empty
  std::vector<std::string> errors;
  // Plans that run but will surprise (plan_warnings.hpp), "file: path: warning: value rule";
  // only when there are no errors.
  std::vector<std::string> warnings;
};

// `label` names the file in messages (default: the path as given).
LoadResult load_scenario_file(const std::filesystem::path& path, std::string label = {});
// `base_dir` resolves files the scenario names (a street's demand file).
LoadResult load_scenario_text(std::string_view text, std::string label, const std::filesystem::path& base_dir = {});

}  // namespace campusflow
