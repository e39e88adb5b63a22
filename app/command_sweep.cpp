// campusflow sweep STUDY: every run of a study (variants x factor levels x
// seeds) on every core, and under mpirun across machines; a table of runs
// and their spread per case (docs/studies.md).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/progress_bar.hpp"
#include "app/stop_signal.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "study/sweep.hpp"

namespace campusflow::cli {

namespace {

// This process's rank and the world's size under mpirun (Open MPI's
// variables), before MPI is started: 0 and 1 outside it.
int env_int(const char* name, int otherwise) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : otherwise;
}

std::string duration_text(double s) {
  char buf[32];
  if (s < 90) std::snprintf(buf, sizeof buf, "%.0f s", s);
  else if (s < 5400) std::snprintf(buf, sizeof buf, "%.0f min", s / 60);
  else std::snprintf(buf, sizeof buf, "%.1f h", s / 3600);
  return buf;
}

std::string progress_text(const study::SweepProgress& p) {
  const std::size_t ran = p.done - p.resumed;
  const double per_minute = p.elapsed > 0 ? static_cast<double>(ran) / p.elapsed * 60.0 : 0.0;
  std::string text = std::to_string(p.done) + "/" + std::to_string(p.total) + " runs";
  if (p.resumed > 0) text += " (" + std::to_string(p.resumed) + " from before)";
  text += ", " + std::to_string(p.running) + " running";
  char rate[64];
  std::snprintf(rate, sizeof rate, ", %.1f runs/min", per_minute);
  text += rate;
  if (p.left >= 0 && p.done < p.total) text += ", about " + duration_text(p.left) + " left";
  return text;
}

// Another sweep writing the same folder would interleave its tables with
// this one's: the folder's lock file is held for the sweep's life.
int lock_folder(const std::filesystem::path& dir, std::string& error) {
  const std::filesystem::path lock = dir / ".sweep.lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot create " + lock.string() + " (a link, or not writable)";
    return -1;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    error = "another sweep is writing " + dir.string() + "; wait for it, or give another -o";
    return -1;
  }
  return fd;
}

// The spread of each metric per case, the first few metrics: what a user
// reads first. The whole is in aggregate.csv.
void print_cases(const study::StudyRunner& runner, const std::filesystem::path& dir) {
  study::StudyTables t;
  t.spec = &runner.spec();
  t.plan = &runner.plan();
  t.metrics = runner.metrics();
  t.units = runner.units();
  t.rows.resize(runner.plan().runs.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) t.rows[r] = study::read_row(dir, r, runner.fingerprint(r), t.metrics);
  const auto summary = study::summarise(t);
  int width = 0;  // the metrics' names in one column
  for (const std::string& m : t.metrics) width = std::max(width, static_cast<int>(m.size()));
  for (std::size_t c = 0; c < summary.size(); ++c) {
    std::printf("  %s: %zu runs", runner.plan().cases[c].label.c_str(), summary[c].runs);
    if (summary[c].incomplete > 0) std::printf(", %zu incomplete", summary[c].incomplete);
    std::printf("\n");
    for (std::size_t m = 0; m < t.metrics.size(); ++m) {
      const study::Spread& s = summary[c].metrics[m];
      if (t.metrics[m] == "complete" || s.values == 0) continue;
      const std::string unit = t.units[m].empty() ? "" : " " + t.units[m];
      std::printf("    %-*s  mean %.4g%s", width, t.metrics[m].c_str(), s.mean, unit.c_str());
      if (std::isfinite(s.ci_low)) std::printf(" (95 %% CI %.4g to %.4g)", s.ci_low, s.ci_high);
      std::printf(", 5-95 %% %.4g to %.4g\n", s.p5, s.p95);
    }
  }
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow sweep STUDY [options]");
  opts.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(), "the study's folder (default out/<study name>/); a sweep started "
                                            "again there skips the runs it finished")(
      "jobs,j", po::value<int>(), "runs at once in this process (default: all cores; 1 per rank under mpirun)")(
      "quiet,q", "no progress bar")(
      "data-outside", "let the scenario read data files outside its folder (absolute names, ..)");
  po::variables_map vm;
  if (const int rc = parse_command_line("sweep", args, opts, vm, "STUDY"); rc >= 0) return rc;
  const int ranks = env_int("OMPI_COMM_WORLD_SIZE", 1);
  const int rank = env_int("OMPI_COMM_WORLD_RANK", 0);
  if (ranks > 1 && !study::mpi_available()) {
    std::cerr << "campusflow sweep: started by mpirun on " << ranks
              << " processes, but this campusflow was built without MPI (cmake -DCAMPUSFLOW_MPI=ON)\n";
    return kBadInput;
  }
  const bool speaks = rank == 0;  // under mpirun only rank 0 prints
  std::vector<std::string> errors;
  auto spec = study::read_study_file(vm["study"].as<std::string>(), errors);
  if (!spec) {
    if (speaks) for (const std::string& e : errors) std::cerr << e << "\n";
    return kBadInput;
  }
  const int jobs = vm.count("jobs") ? vm["jobs"].as<int>()
                                    : ranks > 1 ? 1 : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (jobs < 0 || jobs > 1024 || (jobs == 0 && ranks == 1)) {
    if (speaks) std::cerr << "campusflow sweep: --jobs " << jobs << " must be between 1 and 1024 (0: rank 0 only coordinates)\n";
    return kBadInput;
  }
  const std::filesystem::path dir = vm.count("output") ? std::filesystem::path(vm["output"].as<std::string>())
                                                       : std::filesystem::path("out") / file_name_from(spec->name);
  if (const std::string why = output_folder_refusal(dir); !why.empty()) {
    if (speaks) std::cerr << "campusflow sweep: -o: " << why << "\n";
    return kBadInput;
  }
  install_stop_handlers();
  study::StudyRunner runner(std::move(*spec), vm.count("data-outside") > 0);
  errors = runner.prepare();
  if (!errors.empty()) {
    if (speaks) {
      for (const std::string& e : errors) std::cerr << e << "\n";
      std::cerr << errors.size() << (errors.size() == 1 ? " error\n" : " errors\n");
    }
    return kBadInput;
  }
  if (speaks) print_warnings(runner.warnings());

  int lock = -1;
  ProgressBar bar(std::cerr, isatty(STDERR_FILENO) != 0);
  study::ProgressSink progress;
  bool last_drawn = false;
  if (speaks && !vm.count("quiet"))
    progress = [&](const study::SweepProgress& p) {
      // The last line is always drawn, once.
      const bool last = p.running == 0;
      if (last && last_drawn) return;
      last_drawn = last;
      bar.show(p.total ? static_cast<double>(p.done) / static_cast<double>(p.total) : 1.0, p.elapsed, progress_text(p),
               last);
    };
  study::SweepOutcome outcome;
  try {
    if (speaks) {
      std::filesystem::create_directories(dir);
      std::string why;
      if ((lock = lock_folder(dir, why)) < 0) {
        std::cerr << "campusflow sweep: " << why << "\n";
        return kRunFailed;
      }
      std::printf("sweep \"%s\": %zu cases x %zu seeds = %zu runs, %d job(s)%s, into %s\n", runner.spec().name.c_str(),
                  runner.plan().cases.size(), runner.spec().seeds.size(), runner.plan().runs.size(), jobs,
                  ranks > 1 ? (" on rank 0 and " + std::to_string(ranks - 1) + " more rank(s)").c_str() : "",
                  dir.string().c_str());
      std::fflush(stdout);
    }
    outcome = ranks > 1 ? study::sweep_mpi(runner, dir, jobs, &stop_requested(), progress)
                        : study::sweep_threads(runner, dir, jobs, &stop_requested(), progress);
  } catch (const std::exception& e) {
    bar.finish();
    if (speaks) std::cerr << "campusflow sweep: " << e.what() << "\n";
    if (lock >= 0) ::close(lock);
    return kRunFailed;
  }
  bar.finish();
  if (!speaks) return kOk;
  if (lock >= 0) ::close(lock);
  std::printf("%s: %zu of %zu runs done (%zu from before, %zu now), %zu incomplete, %zu failed\n",
              outcome.interrupted ? "INTERRUPTED" : "DONE", outcome.resumed + outcome.ran, outcome.total,
              outcome.resumed, outcome.ran, outcome.incomplete, outcome.failed);
  print_cases(runner, dir);
  std::printf("  tables           %s, %s, %s\n", (dir / "runs.csv").c_str(), (dir / "aggregate.csv").c_str(),
              (dir / "study.h5").c_str());
  if (outcome.interrupted) {
    std::cerr << "campusflow sweep: interrupted; the runs finished are kept: run the same command again to go on\n";
    return kRunFailed;
  }
  if (outcome.failed > 0) return kRunFailed;
  return outcome.incomplete > 0 ? kIncomplete : kOk;
}

}  // namespace campusflow::cli
