#pragma once
// The figures a study collects from each run, by name (docs/studies.md,
// "Metrics"): the run's summary as `campusflow run` prints it, per class,
// flight and exit, and the street's. A figure a run does not reach (the
// evacuation time of a run that ended with someone inside) is NaN, and the
// aggregate counts it among the runs incomplete rather than averaging it.
#include <string>
#include <vector>

#include "sim/engine/run.hpp"

namespace campusflow::study {

// Empty when `name` is a metric's name; otherwise the rule for a message,
// with the names to choose from.
std::string metric_name_rule(const std::string& name);
// Empty when the scenario has what `name` names (a class, a flight, an exit,
// a street); otherwise the rule.
std::string metric_scenario_rule(const std::string& name, const CompiledScenario& sc);
// What a study collects when its file names no metrics: the figures that apply.
std::vector<std::string> default_metrics(const CompiledScenario& sc);
std::string metric_unit(const std::string& name);  // "s", "m", "P/m2", "" (a count or 0/1)
double metric_value(const std::string& name, const CompiledScenario& sc, const RunReport& r);

}  // namespace campusflow::study
