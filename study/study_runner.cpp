#include "study/study_runner.hpp"

#include <cmath>
#include <cstdio>
#include <exception>
#include <set>

#include "sim/core/input_file.hpp"
#include "sim/core/state_hash.hpp"
#include "sim/engine/run.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "study/metrics.hpp"

namespace campusflow::study {

StudyRunner::StudyRunner(StudySpec spec, bool data_outside)
    : spec_(std::move(spec)), data_outside_(data_outside), plan_(plan_study(spec_)) {}

std::vector<std::string> StudyRunner::prepare() {
  const std::string scenario = spec_.scenario.string();
  // The base first: when it is broken, every case is, and once is enough.
  const LoadResult base = load_scenario_file(spec_.scenario, scenario, data_outside_);
  if (!base.errors.empty()) return base.errors;
  warnings_ = base.warnings;
  scenario_text_ = base.scenario->text;
  metrics_ = spec_.metrics.empty() ? default_metrics(*base.scenario) : spec_.metrics;
  for (const std::string& m : metrics_) units_.push_back(metric_unit(m));

  std::vector<std::string> errors;
  std::set<std::string> metric_errors;  // one message per metric, not one per case
  // Each metric must name what the scenario holds, in the base and in every case.
  auto check_metrics = [&](const CompiledScenario& sc, const std::string& where) {
    for (std::size_t m = 0; m < metrics_.size(); ++m) {
      const std::string rule = metric_scenario_rule(metrics_[m], sc);
      if (rule.empty() || !metric_errors.insert(metrics_[m]).second) continue;
      const std::string at = spec_.metrics.empty() ? "metrics" : "metrics[" + std::to_string(m) + "]";
      errors.push_back(spec_.file + ": " + at + ": \"" + metrics_[m] + "\" " + rule + where);
    }
  };
  check_metrics(*base.scenario, "");
  cases_.clear();
  for (const StudyCase& c : plan_.cases) {
    LoadResult loaded = load_scenario_file(spec_.scenario, scenario + " (" + spec_.file + ": " + c.label + ")",
                                           data_outside_, c.scenario);
    errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    if (loaded.scenario) check_metrics(*loaded.scenario, " (" + c.label + ")");
    cases_.push_back(std::move(loaded.scenario));
  }
  return errors;
}

std::uint64_t StudyRunner::fingerprint(std::size_t run) const {
  const PlannedRun& p = plan_.runs[run];
  StateHash h;
  const std::string version = CAMPUSFLOW_VERSION;
  h.add_bytes(version.data(), version.size());
  h.add(cases_[p.case_index]->hash);
  h.add(p.seed);
  for (const std::string& m : metrics_) h.add_bytes(m.data(), m.size() + 1);  // with its terminator: names stay apart
  h.add(static_cast<std::uint64_t>(spec_.trajectories));
  return h.value();
}

std::optional<RunRow> StudyRunner::execute(std::size_t run, const std::filesystem::path& dir,
                                           const std::atomic<bool>* stop) const {
  const PlannedRun& p = plan_.runs[run];
  const CompiledScenario& sc = *cases_[p.case_index];
  RunOptions options;
  options.seed = p.seed;
  options.threads = 1;
  RunControl control;
  control.stop = stop;
  std::optional<std::filesystem::path> output;
  if (spec_.trajectories) output = std::filesystem::path(row_path(dir, run)).replace_extension(".h5");
  RunRow row;
  row.values.assign(metrics_.size(), std::nan(""));
  RunReport report;
  try {
    report = run_scenario(sc, options, output, control);
  } catch (const std::exception& e) {
    row.status = RunStatus::kFailed;
    row.note = e.what();
    return row;
  }
  if (report.interrupted) return std::nullopt;
  if (report.fault) {
    row.status = RunStatus::kFailed;
    row.note = "a non-finite position at t = " + std::to_string(report.fault->time) + " s (" + report.fault->term + ")";
    return row;
  }
  row.status = report.complete ? RunStatus::kComplete : RunStatus::kIncomplete;
  for (std::size_t m = 0; m < metrics_.size(); ++m) row.values[m] = metric_value(metrics_[m], sc, report);
  return row;
}

}  // namespace campusflow::study
