// The sweep under mpirun (Boost.MPI over Open MPI). Rank 0 keeps the ledger
// and runs threads of its own; every other rank asks for a run, carries it
// out and sends its row back with the next request: dynamic load balancing,
// so a slow case holds up one rank, not a precomputed share. Only rank 0's
// main thread calls MPI (MPI_THREAD_FUNNELED).
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <iostream>
#include <string>

#include "study/dispatch.hpp"

namespace campusflow::study {

namespace {

namespace mpi = boost::mpi;

enum Tag : int { kAsk = 1, kWork = 2 };
constexpr long long kNoMore = -1;

// A worker's message: "" (its first request), "RUN\n" + the row file's text
// (a run done), or "-RUN" (a run stopped before its end).
std::string report_of(std::size_t run, const std::optional<RunRow>& row, const StudyRunner& runner) {
  if (!row) return "-" + std::to_string(run);
  return std::to_string(run) + "\n" + row_text(*row, runner.fingerprint(run), runner.metrics());
}

SweepOutcome work(const mpi::communicator& world, const StudyRunner& runner, const std::filesystem::path& dir,
                  const std::atomic<bool>* stop) {
  SweepOutcome mine;
  std::string report;
  while (true) {
    world.send(0, kAsk, report);
    long long run = kNoMore;
    world.recv(0, kWork, run);
    if (run < 0) break;
    const auto row = runner.execute(static_cast<std::size_t>(run), dir, stop);
    mine.ran += row.has_value();
    report = report_of(static_cast<std::size_t>(run), row, runner);
  }
  return mine;
}

// A worker's report read back: the run and its row (nullopt: stopped). The
// row is checked against the coordinator's own fingerprint, so a rank that
// ran another build or other files cannot slip a row into the table.
void receive(Dispatch& dispatch, const StudyRunner& runner, const std::string& report) {
  if (report.empty()) return;
  const bool stopped = report.front() == '-';
  const std::size_t newline = report.find('\n');
  const std::size_t run = std::stoul(report.substr(stopped ? 1 : 0, newline));
  if (stopped) return dispatch.give(run, std::nullopt);
  auto row = parse_row(report.substr(newline + 1), runner.fingerprint(run), runner.metrics());
  if (!row) {
    row = RunRow{RunStatus::kFailed, std::vector<double>(runner.metrics().size(), std::nan("")),
                 "the rank that ran it sent a row of another build or other files"};
  }
  dispatch.give(run, std::move(row));
}

SweepOutcome coordinate(const mpi::communicator& world, const StudyRunner& runner, const std::filesystem::path& dir,
                        int jobs, const std::atomic<bool>* stop, const ProgressSink& progress) {
  SweepLedger ledger(runner, dir);
  Dispatch dispatch(ledger, stop);
  int ranks_working = world.size() - 1;
  {
    WorkerThreads workers(runner, dir, jobs, dispatch);
    try {
      while (!workers.all_finished() || ranks_working > 0) {
        dispatch.poll();
        while (const auto asked = world.iprobe(mpi::any_source, kAsk)) {
          std::string report;
          world.recv(asked->source(), kAsk, report);
          receive(dispatch, runner, report);
          const auto run = dispatch.take();
          const long long handed = run ? static_cast<long long>(*run) : kNoMore;
          world.send(asked->source(), kWork, handed);
          ranks_working -= !run;
        }
        dispatch.drain(std::chrono::milliseconds(20));
        if (progress) progress(ledger.progress(dispatch.running()));
      }
    } catch (const std::exception& e) {
      // The ledger cannot record (a full disk): the other ranks wait for
      // answers that will not come, so the whole job ends here. What was
      // recorded stays; the same command resumes from it.
      dispatch.halt();
      workers.join();
      std::cerr << "campusflow sweep: " << e.what() << "\n";
      world.abort(1);
    }
  }
  dispatch.drain(std::chrono::milliseconds(0));
  ledger.flush();
  const SweepProgress p = ledger.progress(0);
  if (progress) progress(p);
  return ledger.outcome(p.done < p.total);
}

}  // namespace

bool mpi_available() { return true; }

SweepOutcome sweep_mpi(const StudyRunner& runner, const std::filesystem::path& dir, int jobs,
                       const std::atomic<bool>* stop, const ProgressSink& progress) {
  const mpi::environment environment(mpi::threading::funneled);
  const mpi::communicator world;
  if (world.rank() != 0) return work(world, runner, dir, stop);
  return coordinate(world, runner, dir, jobs, stop, progress);
}

}  // namespace campusflow::study
