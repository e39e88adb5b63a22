#pragma once
// A street-only scenario for the engine tests: the gate corridor with a
// lay-by, 10 minutes of drop-offs and walk-ins, compiled in code.
#include "sim/scenario/compiled_scenario.hpp"
#include "unit/traffic/gate_street.hpp"
#include "unit/traffic/street_run.hpp"

namespace campusflow::test {

inline CompiledScenario gate_scenario() {
  StreetSpec spec = gate_street(lay_by());
  spec.flows.push_back(drop_offs(300.0, 0.0, 600.0, Distribution::uniform(30.0, 60.0)));
  spec.walk_in_flows.push_back({300.0, 0.0, 600.0, 3, 0.0, 120.0});
  CompiledScenario sc;
  sc.name = "gate (unit)";
  sc.file = "gate.json";
  sc.settings.dt = seconds_to_us(0.05);
  sc.settings.time_limit = seconds_to_us(3600.0);
  sc.settings.frame_interval = seconds_to_us(0.1);
  sc.street = compile_or_fail(spec, 3);
  return sc;
}

}  // namespace campusflow::test
