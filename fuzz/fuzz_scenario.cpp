// libFuzzer harness: the scenario parser and compiler on any bytes
// (docs/hardening.md, "Fuzzing"). parse_scenario promises never to throw, and
// to return a scenario exactly when it reported no error; compile_scenario,
// given a parsed scenario, never to throw either. The sanitizers watch for
// the rest. The scenario's folder is an empty
// one, so a demand file it names is looked for there and not found.
//
// Compiling means distance fields over every level: a valid school of a few
// thousand square metres takes a second in a release build and ten times that
// instrumented, which would drown the search in a few slow inputs. Plans
// larger than kMaxCells field cells are parsed only; the shipped scenarios
// and the tests compile the large ones.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/compile_scenario.hpp"
#include "sim/scenario/parse_scenario.hpp"

namespace {

constexpr double kMaxCells = 40000.0;

// Field cells of all levels' bounding boxes.
double field_cells(const campusflow::ScenarioSpec& spec) {
  double cells = 0.0;
  const double h = spec.settings.field_cell;
  for (const campusflow::LevelSpec& level : spec.levels) {
    if (level.outline.empty()) continue;
    double x0 = level.outline.front().x(), x1 = x0, y0 = level.outline.front().y(), y1 = y0;
    for (const auto& p : level.outline) {
      x0 = std::min(x0, p.x());
      x1 = std::max(x1, p.x());
      y0 = std::min(y0, p.y());
      y1 = std::max(y1, p.y());
    }
    cells += (x1 - x0 + 2.0) * (y1 - y0 + 2.0) / (h * h);
  }
  return cells;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  campusflow::Diagnostics diags("fuzz.json");
  const auto spec = campusflow::parse_scenario(text, diags, {"fuzz-data-folder"});
  // A parsed scenario has no errors; one that failed has at least one.
  if (spec.has_value() == !diags.empty()) __builtin_trap();
  if (!spec || field_cells(*spec) > kMaxCells) return 0;
  campusflow::compile_scenario(*spec, diags);
  return 0;
}
