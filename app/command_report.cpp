// campusflow report RESULT.h5 -o DIR: an HTML page with a summary table and
// plots (render/report/report.py, matplotlib), plus the floors' heatmaps.
// campusflow report STUDY.h5 (or the sweep's folder) -o DIR: the study's
// page (render/report/study_report.py): its factors and variants compared.
#include <boost/program_options.hpp>
#include <hdf5.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <system_error>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/replay_options.hpp"
#include "render/heatmap_set.hpp"
#include "render/shell.hpp"
#include "sim/io/global_heap_check.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_reading.hpp"
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

// The study's script: $CAMPUSFLOW_STUDY_REPORT_SCRIPT, or the source tree's.
std::string study_report_script() {
  if (const char* env = std::getenv("CAMPUSFLOW_STUDY_REPORT_SCRIPT")) return env;
  return CAMPUSFLOW_STUDY_REPORT_SCRIPT;
}

constexpr const char* kStudyFormat = "campusflow-study/1";

// Whether `path` is a study table (root attribute format ==
// "campusflow-study/1"). The file is untrusted: it is read as the result
// reader reads one (the signature first, the global heap walked before HDF5
// reads any text, hard links only, every attribute checked). Whatever cannot
// be read here is not a study: load_replay then says, in one line, why the
// file cannot be reported on either.
bool is_study_table(const std::filesystem::path& path) {
  const io::QuietHdf5Errors quiet;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error) || H5Fis_hdf5(path.c_str()) <= 0) return false;
  try {
    if (io::damaged_global_heap(path)) return false;
    const io::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file.valid()) return false;
    // The file's id stands for its root group.
    return io::has_attribute(file.get(), "format") && io::read_string_attribute(file.get(), "format") == kStudyFormat;
  } catch (const std::exception&) {
    return false;
  }
}

// Runs `script` on `input` into the output folder `out` (published only when
// the script succeeds). Exit codes as report_command's.
int run_script(const std::string& script, const std::string& input, const std::string& out,
               io::OutputFolder& folder, const char* what, const std::string& extra = {}) {
  const std::string cmd = "/usr/bin/python3 " + render::shell_quoted(script) + " " + render::shell_quoted(input) +
                          " " + render::shell_quoted(folder.partial_path().string()) + extra;
  const int status = std::system(cmd.c_str());
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // The study's script checks the file itself: its one line says why.
    if (code == kBadInput && std::string_view(what) == "study") return kBadInput;
    std::cerr << "campusflow report: the plotting script " << script << " failed"
              << (code == kBadInput ? std::string(" on the ") + what + " (its message is above)"
                                    : std::string(" (its message is above; it runs under /usr/bin/python3 with "
                                                  "Debian's python3-h5py, python3-numpy and python3-matplotlib)"))
              << "; nothing was written to " << out << "\n";
    return code == kBadInput ? kBadInput : kRunFailed;
  }
  folder.publish();
  return kOk;
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts(
      "campusflow report RESULT.h5 -o DIR\ncampusflow report STUDY.h5 (or the sweep's folder) -o DIR");
  opts.add_options()("help,h", "show this help")                                       //
      ("out,o", po::value<std::string>(), "folder for index.html and its pictures")  //
      ("tradeoff", po::value<std::string>(),
       "METRIC,METRIC: the two metrics of a study's trade-off figure (the study's first two by default)");
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
  // A study's folder stands for its study.h5.
  std::filesystem::path input = path;
  std::error_code error;
  if (std::filesystem::is_directory(input, error)) {
    input /= "study.h5";
    if (!std::filesystem::exists(input, error)) {
      std::cerr << "campusflow report: " << path << " is a folder without study.h5 (not a sweep's folder)\n";
      return kBadInput;
    }
  }
  // Before load_replay, which refuses what is not a run's result. HDF5's
  // exit-time cleanup is declined before its first call (as load_replay does).
  (void)H5dont_atexit();
  if (is_study_table(input)) {
    try {
      io::OutputFolder folder(out);
      const std::string extra =
          vm.count("tradeoff") ? " --tradeoff " + render::shell_quoted(vm["tradeoff"].as<std::string>()) : "";
      return run_script(study_report_script(), input.string(), out, folder, "study", extra);
    } catch (const std::exception& e) {
      std::cerr << "campusflow report: " << e.what() << "\n";
      return kRunFailed;
    }
  }
  const std::optional<render::Replay> replay = load_replay("report", input.string());
  if (!replay) return kBadInput;
  if (vm.count("tradeoff")) {
    std::cerr << "campusflow report: --tradeoff is for a study (" << path << " is a run's result)\n";
    return kBadInput;
  }
  try {
    // The page and its pictures appear in DIR together, or not at all.
    io::OutputFolder folder(out);
    render::write_heatmaps(*replay, folder, "heatmaps");
    return run_script(report_script(), input.string(), out, folder, "result");
  } catch (const std::exception& e) {
    std::cerr << "campusflow report: " << e.what() << "\n";
    return kRunFailed;
  }
}

}  // namespace campusflow::cli
