#include "sim/scenario/load_scenario.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/scenario/compile_scenario.hpp"
#include "sim/scenario/parse_scenario.hpp"
#include "sim/scenario/plan_warnings.hpp"

namespace campusflow {

LoadResult load_scenario_text(std::string_view text, std::string label, const std::filesystem::path& base_dir) {
  Diagnostics diags(std::move(label));
  LoadResult result;
  if (auto spec = parse_scenario(text, diags, base_dir)) result.scenario = compile_scenario(*spec, diags);
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

LoadResult load_scenario_file(const std::filesystem::path& path, std::string label) {
  if (label.empty()) label = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return {nullptr, {label + ": is a directory, not a scenario file"}, {}};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {nullptr, {label + ": cannot be read (" + std::strerror(errno) + ")"}, {}};
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_text(text.str(), std::move(label), path.parent_path());
}

}  // namespace campusflow
