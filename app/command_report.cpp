// campusflow report RESULT.h5 -o DIR: an HTML page with a summary table and
// plots (render/report/report.py, matplotlib), plus the floors' heatmaps.
#include <boost/program_options.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/replay_options.hpp"
#include "render/heatmap_set.hpp"
#include "render/shell.hpp"
#include "sim/io/output_folder.hpp"
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
  if (const std::string why = output_folder_refusal(out); !why.empty()) {
    std::cerr << "campusflow report: -o: " << why << "\n";
    return kBadInput;
  }
  const std::optional<render::Replay> replay = load_replay("report", path);
  if (!replay) return kBadInput;
  try {
    // The page and its pictures appear in DIR together, or not at all.
    io::OutputFolder folder(out);
    render::write_heatmaps(*replay, folder, "heatmaps");
    const std::string cmd = "/usr/bin/python3 " + render::shell_quoted(report_script()) + " " +
                            render::shell_quoted(path) + " " + render::shell_quoted(folder.partial_path().string());
    const int status = std::system(cmd.c_str());
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      const int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      std::cerr << "campusflow report: the plotting script " << report_script() << " failed"
                << (code == kBadInput ? " on the result (its message is above)"
                                      : " (its message is above; it runs under /usr/bin/python3 with Debian's "
                                        "python3-h5py, python3-numpy and python3-matplotlib)")
                << "; nothing was written to " << out << "\n";
      return code == kBadInput ? kBadInput : kRunFailed;
    }
    folder.publish();
  } catch (const std::exception& e) {
    std::cerr << "campusflow report: " << e.what() << "\n";
    return kRunFailed;
  }
  return kOk;
}

}  // namespace campusflow::cli
