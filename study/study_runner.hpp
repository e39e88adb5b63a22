#pragma once
// Everything a process needs to carry out any run of a study: the plan, each
// case's scenario loaded and compiled once, the metrics. Every process of a
// sweep (the threads of one, the ranks under mpirun) builds the same runner
// from the same files, so a run gives the same row wherever it runs.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/compiled_scenario.hpp"
#include "study/run_row.hpp"
#include "study/study_plan.hpp"

namespace campusflow::study {

class StudyRunner {
 public:
  StudyRunner(StudySpec spec, bool data_outside);

  // Loads every case and checks the metrics against each; every error (none: ready).
  std::vector<std::string> prepare();
  // The base scenario's warnings about the plan (after prepare()).
  const std::vector<std::string>& warnings() const { return warnings_; }

  const StudySpec& spec() const { return spec_; }
  const StudyPlan& plan() const { return plan_; }
  const std::vector<std::string>& metrics() const { return metrics_; }
  const std::vector<std::string>& units() const { return units_; }
  const std::string& scenario_text() const { return scenario_text_; }
  // What a row of `run` must carry to count as done: the program's version,
  // the scenario as run (text and settings), the seed, the metrics asked for.
  std::uint64_t fingerprint(std::size_t run) const;

  // Carries out `run` on one thread (a sweep's parallelism is across runs);
  // with trajectories its result goes to runs/run-NNNNNN.h5 in `dir`.
  // nullopt when `stop` was set during it: nothing of the run is kept.
  std::optional<RunRow> execute(std::size_t run, const std::filesystem::path& dir, const std::atomic<bool>* stop) const;

 private:
  StudySpec spec_;
  bool data_outside_;
  StudyPlan plan_;
  std::vector<std::unique_ptr<const CompiledScenario>> cases_;
  std::vector<std::string> metrics_, units_, warnings_;
  std::string scenario_text_;
};

}  // namespace campusflow::study
