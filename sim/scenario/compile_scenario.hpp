#pragma once
// Turns a parsed ScenarioSpec into a CompiledScenario: builds walls and
// distance fields, finds the free places in spawn areas, and checks what
// needs them (every agent can reach an exit; every group fits its area).
#include <memory>

#include "sim/scenario/compiled_scenario.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/scenario/scenario_spec.hpp"

namespace campusflow {

// nullptr when `diags` received errors.
std::unique_ptr<const CompiledScenario> compile_scenario(const ScenarioSpec& spec, Diagnostics& diags);

}  // namespace campusflow
