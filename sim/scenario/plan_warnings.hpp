#pragma once
// Plans that compile but will give surprising answers: warnings, not errors
// (the scenario runs). Each is a Diagnostic with the same JSON path as an
// error would have; load_scenario formats them "file: path: warning: value
// rule". The kinds and their words are listed in docs/scenario-format.md,
// section "Warnings".
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

// Less than a body's width [m]: an exit this close to a stair end shares its crowd.
inline constexpr double kBodyWidth = 0.5;

// In scenario order: posted routes, assembly areas, exits, then the street.
std::vector<Diagnostic> plan_warnings(const CompiledScenario& sc);

}  // namespace campusflow
