#include "sim/scenario/load_scenario.hpp"

#include "sim/core/input_file.hpp"
#include "sim/scenario/compile_scenario.hpp"
#include "sim/scenario/parse_scenario.hpp"
#include "sim/scenario/plan_warnings.hpp"

namespace campusflow {

LoadResult load_scenario_text(std::string_view text, std::string label, const DataFiles& data,
                              const ScenarioVariant& variant) {
  Diagnostics diags(std::move(label));
  LoadResult result;
  if (auto spec = parse_scenario(text, diags, data, variant)) {
    const std::size_t from = diags.size();
    result.scenario = compile_scenario(*spec, diags);
    name_settings_in_errors(diags, from, spec->applied);  // the compiler's errors too
  }
  result.errors = diags.messages();
  if (!result.errors.empty()) {
    result.scenario.reset();
    return result;
  }
  for (const Diagnostic& w : plan_warnings(*result.scenario)) {
    std::string line = diags.file() + ": ";
    if (!w.path.empty()) line += w.path + ": ";
    line += "warning: ";
    if (!w.value.empty()) line += w.value + " ";
    result.warnings.push_back(line + w.rule);
  }
  return result;
}

LoadResult load_scenario_file(const std::filesystem::path& path, std::string label, bool data_outside,
                              const ScenarioVariant& variant) {
  if (label.empty()) label = path.string();
  const InputText in = read_input_file(path, kMaxScenarioBytes);
  if (!in.ok) return {nullptr, {label + ": " + in.error}, {}};
  return load_scenario_text(in.text, std::move(label), DataFiles(path.parent_path(), data_outside), variant);
}

}  // namespace campusflow
