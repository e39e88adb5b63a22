// campusflow report RESULT.h5 -o DIR: an HTML page with a summary table and
// plots (render/report/report.py, matplotlib), plus the floors' heatmaps.
#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/replay_options.hpp"
#include "render/heatmap_set.hpp"
#include "render/shell.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

namespace {

// The plotting script: $CAMPUSFLOW_REPORT_SCRIPT, or the one in the source
// tree this campusflow was built from.
std::string report_script() {
  if (const char* env = std::getenv("CAMPUSFLOW_REPORT_SCRIPT")) return env;
  return CAMPUSFLOW_REPORT_SCRIPT;
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow report RESULT.h5 -o DIR");
  opts.add_options()("help,h", "show this help")("out,o", po::value<std::string>(), "folder for index.html and its pictures");
  po::variables_map vm;
  if (const int rc = parse_command_line("report", args, opts, vm, "RESULT"); rc >= 0) return rc;
  if (!vm.count("out")) {
    std::cerr << "campusflow report: give the output folder with -o DIR\n";
    return kBadInput;
  }
  const std::string path = vm["result"].as<std::string>(), out = vm["out"].as<std::string>();
  const std::optional<render::Replay> replay = load_replay("report", path);
  if (!replay) return kBadInput;
  try {
    render::write_heatmaps(*replay, std::filesystem::path(out) / "heatmaps");
  } catch (const std::exception& e) {
    std::cerr << "campusflow report: " << e.what() << "\n";
    return kRunFailed;
  }
  const std::string cmd = "/usr/bin/python3 " + render::shell_quoted(report_script()) + " " + render::shell_quoted(path) + " " + render::shell_quoted(out);
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "campusflow report: the plotting script " << report_script()
              << " failed (its message is above; it runs under /usr/bin/python3 with Debian's python3-h5py, "
                 "python3-numpy and python3-matplotlib)\n";
    return kRunFailed;
  }
  return kOk;
}

}  // namespace campusflow::cli
