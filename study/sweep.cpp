#include "study/sweep.hpp"

#include "study/dispatch.hpp"

namespace campusflow::study {

namespace {
// Tables are rewritten at most this often while runs finish (each rewrite
// is three files, each synced to disk); the row files are the record.
constexpr std::chrono::seconds kTableInterval{1};
}  // namespace

SweepLedger::SweepLedger(const StudyRunner& runner, std::filesystem::path dir)
    : runner_(runner), dir_(std::move(dir)), start_(std::chrono::steady_clock::now()) {
  tables_.spec = &runner.spec();
  tables_.plan = &runner.plan();
  tables_.metrics = runner.metrics();
  tables_.units = runner.units();
  tables_.scenario_text = runner.scenario_text();
  tables_.rows.resize(runner.plan().runs.size());
  std::filesystem::create_directories(dir_ / "runs");
  for (std::size_t r = 0; r < tables_.rows.size(); ++r) {
    tables_.rows[r] = read_row(dir_, r, runner.fingerprint(r), tables_.metrics);
    resumed_ += tables_.rows[r].has_value();
  }
  flush();
}

std::optional<std::size_t> SweepLedger::next() {
  while (next_ < tables_.rows.size() && tables_.rows[next_]) ++next_;
  if (next_ == tables_.rows.size()) return std::nullopt;
  return next_++;
}

void SweepLedger::finished(std::size_t run, const RunRow& row) {
  write_row(dir_, run, row, runner_.fingerprint(run), tables_.metrics);
  tables_.rows[run] = row;
  ++ran_;
  dirty_ = true;
  if (std::chrono::steady_clock::now() - last_write_ >= kTableInterval) flush();
}

void SweepLedger::flush() {
  write_study_tables(dir_, tables_);
  last_write_ = std::chrono::steady_clock::now();
  dirty_ = false;
}

SweepProgress SweepLedger::progress(std::size_t running) const {
  SweepProgress p;
  p.total = tables_.rows.size();
  for (const auto& row : tables_.rows) p.done += row.has_value();
  p.resumed = resumed_;
  p.running = running;
  p.elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (ran_ > 0) p.left = p.elapsed / static_cast<double>(ran_) * static_cast<double>(p.total - p.done);
  return p;
}

SweepOutcome SweepLedger::outcome(bool interrupted) const {
  SweepOutcome o;
  o.total = tables_.rows.size();
  o.resumed = resumed_;
  o.ran = ran_;
  for (const auto& row : tables_.rows) {
    if (!row) continue;
    o.incomplete += row->status != RunStatus::kComplete;
    o.failed += row->status == RunStatus::kFailed;
  }
  o.interrupted = interrupted;
  return o;
}

SweepOutcome sweep_threads(const StudyRunner& runner, const std::filesystem::path& dir, int jobs,
                           const std::atomic<bool>* stop, const ProgressSink& progress) {
  SweepLedger ledger(runner, dir);
  Dispatch dispatch(ledger, stop);
  {
    WorkerThreads workers(runner, dir, jobs, dispatch);
    try {
      while (!workers.all_finished()) {
        dispatch.poll();
        dispatch.drain(std::chrono::milliseconds(200));
        if (progress) progress(ledger.progress(dispatch.running()));
      }
    } catch (...) {
      dispatch.halt();  // the runs in flight end at their next step
      workers.join();
      throw;
    }
    workers.join();
  }
  dispatch.drain(std::chrono::milliseconds(0));
  ledger.flush();
  if (progress) progress(ledger.progress(0));
  const SweepProgress p = ledger.progress(0);
  return ledger.outcome(p.done < p.total);
}

}  // namespace campusflow::study
