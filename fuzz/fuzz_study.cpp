// libFuzzer harness: what a study reads that a user or a file gives it
// (docs/studies.md): the study file, the row files a sweep resumes from, and
// a scenario with each of its named variants applied. parse_study and
// parse_scenario promise never to throw and to return a result exactly when
// they reported no error; a row read back must write the same row again;
// a study's plan never holds more than kMaxRuns runs.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/parse_scenario.hpp"
#include "study/run_row.hpp"
#include "study/study_plan.hpp"

namespace {

using namespace campusflow;

void check_study(std::string_view text) {
  Diagnostics diags("study.json");
  const auto spec = study::parse_study(text, "/nonexistent", diags);
  if (spec.has_value() != diags.empty()) __builtin_trap();
  if (!spec) return;
  const study::StudyPlan plan = study::plan_study(*spec);
  if (plan.runs.size() > study::kMaxRuns || plan.runs.size() != plan.cases.size() * spec->seeds.size()) __builtin_trap();
}

void check_row(std::string_view text) {
  const std::vector<std::string> metrics = {"a", "b"};
  const auto row = study::parse_row(std::string(text), 0x1234, metrics);
  if (!row) return;
  // What was read writes back to text that reads as the same row.
  const auto again = study::parse_row(study::row_text(*row, 0x1234, metrics), 0x1234, metrics);
  if (!again || again->status != row->status || again->values.size() != row->values.size()) __builtin_trap();
  for (std::size_t k = 0; k < row->values.size(); ++k)
    if (!(again->values[k] == row->values[k] || (std::isnan(again->values[k]) && std::isnan(row->values[k]))))
      __builtin_trap();
}

// The scenario's base, then its first variants, parsed (not compiled: the
// scenario harness compiles).
void check_variants(std::string_view text) {
  Diagnostics diags("scenario.json");
  const auto base = parse_scenario(text, diags);
  if (base.has_value() != diags.empty()) __builtin_trap();
  if (!base) return;
  for (std::size_t k = 0; k < base->variant_names.size() && k < 4; ++k) {
    Diagnostics d("scenario.json");
    const auto v = parse_scenario(text, d, {}, ScenarioVariant{base->variant_names[k], {}});
    if (v.has_value() != d.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_study(text);
  check_row(text);
  check_variants(text);
  return 0;
}
