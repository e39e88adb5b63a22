// campusflow: the command line. `campusflow COMMAND [options]`.
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "sim/io/hdf5_library.hpp"

namespace {

constexpr const char* kUsage = R"(usage: campusflow COMMAND [options]

Simulates school evacuation drills and school-gate traffic.

commands:
  run SCENARIO [-o OUT] [--seed N] [--threads N] [--quiet] [--variant V] [--set P=VALUE]
                    run a scenario and write an HDF5 result (default out/<name>.h5)
  check SCENARIO    validate a scenario (and its variants) and print every error
  sweep STUDY [-o DIR] [--jobs N]
                    run a study (variants x factors x seeds) on every core, or
                    under mpirun; tables runs.csv, aggregate.csv, study.h5
  verify [--tag T] [--case ID] [--list] [--markdown FILE]
                    run the verification and validation catalogue (RiMEA, IMO,
                    ISO 20414, Jülich experiments) and print a pass/fail table
  view RESULT [--level L] [--colour C] [--speed X]
                    replay a result in a window (keys: H)
  render RESULT (--png OUT --at T | --frames DIR | --video OUT.mp4) [--size WxH]
                    [--fps F] [--from T0] [--to T1] [--speed X] [--level L] [--colour C]
                    draw replay frames off screen (under xvfb-run -a without a display)
  render RESULT --heatmaps DIR
                    per-floor heatmaps as PNG (no display needed)
  report RESULT -o DIR
                    an HTML report with a summary table and plots; on a study
                    (a sweep's folder or its study.h5): plots against the factors,
                    variants side by side and a summary with 95 % intervals
  export RESULT --csv DIR
                    the result as CSV files (summary, classes, agents, trajectory,
                    a street's vehicles and frames) for spreadsheets
  compare A B [--csv FILE]
                    the differences of two results: summary, classes, places

options:
  -h, --help        show this help (also after a command: campusflow run --help)
  --version         print the version

exit codes: 0 ok, 1 failure while running, 2 bad input, 3 ran to the end incomplete
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace campusflow::cli;
  campusflow::io::skip_hdf5_exit_cleanup();
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kBadInput;
  }
  const std::string& command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return kOk;
  }
  if (command == "--version" || command == "version") {
    std::cout << "campusflow " << CAMPUSFLOW_VERSION << "\n";
    return kOk;
  }
  if (command == "run") return run_command(rest);
  if (command == "check") return check_command(rest);
  if (command == "verify") return verify_command(rest);
  if (command == "view") return view_command(rest);
  if (command == "render") return render_command(rest);
  if (command == "report") return report_command(rest);
  if (command == "sweep") return sweep_command(rest);
  if (command == "export") return export_command(rest);
  if (command == "compare") return compare_command(rest);
  std::cerr << "campusflow: unknown command '" << command << "'\n\n" << kUsage;
  return kBadInput;
}
