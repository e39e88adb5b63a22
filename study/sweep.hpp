#pragma once
// `campusflow sweep`: every run of a study, spread over threads (and, under
// mpirun, processes), gathered into one table. The coordinator keeps the
// ledger: which runs are done (their row files, so a sweep started again
// skips them), which are handed out, and the tables, rewritten whole as runs
// finish. Runs are numbered in the plan's order and the tables are built in
// that order, so they are the same bit for bit whatever ran where and when.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "study/study_runner.hpp"
#include "study/study_table.hpp"

namespace campusflow::study {

struct SweepProgress {
  std::size_t total = 0;    // runs in the plan
  std::size_t done = 0;     // finished, from before included
  std::size_t resumed = 0;  // of them found finished at the start
  std::size_t running = 0;
  double elapsed = 0.0;     // [s] since the start
  // [s] at the rate of this sweep's runs so far; negative before the first.
  double left = -1.0;
};

struct SweepOutcome {
  std::size_t total = 0, resumed = 0, ran = 0, incomplete = 0, failed = 0;
  bool interrupted = false;  // runs are left (a stop request)
};

using ProgressSink = std::function<void(const SweepProgress&)>;

// The coordinator's book of a sweep in `dir`.
class SweepLedger {
 public:
  // Reads the row files already there (a sweep started again) and writes the tables.
  SweepLedger(const StudyRunner& runner, std::filesystem::path dir);

  // The next run to hand out, in plan order; nullopt when none is left.
  std::optional<std::size_t> next();
  // A run finished: its row file, then (at most once a second, and at the end) the tables.
  void finished(std::size_t run, const RunRow& row);
  // Writes the tables now.
  void flush();
  SweepProgress progress(std::size_t running) const;
  SweepOutcome outcome(bool interrupted) const;

 private:
  const StudyRunner& runner_;
  std::filesystem::path dir_;
  StudyTables tables_;
  std::size_t next_ = 0, resumed_ = 0, ran_ = 0;
  std::chrono::steady_clock::time_point start_, last_write_;
  bool dirty_ = false;
};

// Runs the plan on `jobs` threads of this process. `stop` ends it early:
// the runs in flight are abandoned, everything finished is kept.
SweepOutcome sweep_threads(const StudyRunner& runner, const std::filesystem::path& dir, int jobs,
                           const std::atomic<bool>* stop, const ProgressSink& progress);

// Under mpirun: rank 0 coordinates and runs `jobs` threads of its own; every
// other rank asks it for runs, one at a time, and sends back each row. Only
// rank 0 writes. Returns the outcome on rank 0 (others: their share).
SweepOutcome sweep_mpi(const StudyRunner& runner, const std::filesystem::path& dir, int jobs,
                       const std::atomic<bool>* stop, const ProgressSink& progress);
// Whether this build can run under MPI, and this process's rank and size there (1 without).
bool mpi_available();

}  // namespace campusflow::study
