#pragma once
// What the verification cases share: loading a set-up written inline and
// running it to the end. Internal to analysis/verification.
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace campusflow::verification {

// A case's own scenario text must load; if it does not, that is a bug in the
// case, reported with every scenario error.
inline std::unique_ptr<const CompiledScenario> load(const std::string& json, const std::string& name) {
  LoadResult r = load_scenario_text(json, name);
  if (!r.errors.empty()) {
    std::string all;
    for (const std::string& e : r.errors) all += e + "\n";
    throw std::runtime_error("verification set-up " + name + " does not load:\n" + all);
  }
  return std::move(r.scenario);
}

// Runs to the end; `each_step` sees the simulation after every step, the
// one that finishes the run included (its output holds the last exits).
template <class F>
void run_to_end(Simulation& sim, F&& each_step) {
  for (bool more = true; more;) {
    more = sim.step();
    each_step(sim);
  }
}

}  // namespace campusflow::verification
