// h5py reads campusflow results as it reads the Pedestrian Dynamics Data
// Archive's files: tests/python/read_result.py checks the layout and prints
// a JSON digest, which must carry the values the writer was given.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "io_test_support.hpp"
#include "sim/io/hdf5_objects.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

namespace {

struct Output {
  int status = -1;  // the script's exit status
  std::string text;  // stdout and stderr
};

Output read_result(const fs::path& file, const std::string& options = "") {
  const fs::path script = fs::path(CAMPUSFLOW_SOURCE_DIR) / "tests/python/read_result.py";
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + file.string() + "' " + options + " 2>&1";
  Output out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) out.text += buffer.data();
  const int status = pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

bool python_has_h5py() {
  return std::system("/usr/bin/python3 -c 'import h5py, numpy' > /dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("h5py reads a campusflow result in the archive layout", "[io][python]") {
  if (!python_has_h5py()) {
    WARN("skipped: /usr/bin/python3 has no h5py (Debian: apt install python3-h5py)");
    return;
  }
  const fs::path path = scratch("h5py.h5");
  write_sample_result(path, 10.0);

  const Output out = read_result(path, "--expect-status complete");
  INFO(out.text);
  REQUIRE(out.status == 0);
  // 3 agents x 3 frames (0..2) at 10 fps; the last exit event at 12.5 s.
  CHECK_THAT(out.text, Catch::Contains("\"rows\": 9,"));
  CHECK_THAT(out.text, Catch::Contains("\"agents\": 3,"));
  CHECK_THAT(out.text, Catch::Contains("\"frames\": 3,"));
  CHECK_THAT(out.text, Catch::Contains("\"max_frame\": 2,"));
  CHECK_THAT(out.text, Catch::Contains("\"fps\": 10.0,"));
  CHECK_THAT(out.text, Catch::Contains("\"status\": \"complete\""));
  CHECK_THAT(out.text, Catch::Contains("\"wkt_type\": \"POLYGON\""));
  CHECK_THAT(out.text, Catch::Contains("\"last_exit_time\": 12.5,"));
  CHECK_THAT(out.text, Catch::Contains("\"exit_events\": 2,"));
  CHECK_THAT(out.text, Catch::Contains("\"wall_time\": 0.75"));
  // The summary attributes, the hash as an unsigned 64-bit integer.
  CHECK_THAT(out.text, Catch::Contains("\"evacuation_time\": 12.5,"));
  CHECK_THAT(out.text, Catch::Contains("\"exited\": 2,"));
  CHECK_THAT(out.text, Catch::Contains("\"simulated_time\": 12.55,"));
  CHECK_THAT(out.text, Catch::Contains("\"state_hash\": 18364758544493064720"));
  CHECK_THAT(out.text, Catch::Contains("\"exit_names\": [\"main door\", \"side door\"]"));
  CHECK_THAT(out.text, Catch::Contains("\"exit_counts\": [1, 1]"));
}

TEST_CASE("read_result.py reads interrupted results and the archive's own files", "[io][python]") {
  if (!python_has_h5py()) {
    WARN("skipped: /usr/bin/python3 has no h5py (Debian: apt install python3-h5py)");
    return;
  }
  const fs::path path = scratch("h5py-interrupted.h5");
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 8.0, sample_info(), levels);
    const std::vector<TrajectoryRow> rows = {sample_row(0, 0), sample_row(1, 0)};
    w.append_frame(rows);
  }
  const fs::path partial = path.string() + ".partial";
  Output out = read_result(partial, "--expect-status incomplete");
  INFO(out.text);
  CHECK(out.status == 0);
  CHECK_THAT(out.text, Catch::Contains("\"rows\": 2,") && Catch::Contains("\"summary\": null"));
  CHECK(read_result(partial, "--expect-status complete").status == 1);

  // The experiment file: 30,701 rows of 46 people at 25 fps, no /campusflow.
  out = read_result(fs::path(CAMPUSFLOW_SOURCE_DIR) / "data/experiments/format-example-ped-data-archive.h5");
  INFO(out.text);
  CHECK(out.status == 0);
  CHECK_THAT(out.text, Catch::Contains("\"rows\": 30701,") && Catch::Contains("\"agents\": 46,") &&
                           Catch::Contains("\"fps\": 25.0,") && Catch::Contains("\"status\": null"));
}

TEST_CASE("read_result.py exits 1 with a message when the layout differs", "[io][python]") {
  if (!python_has_h5py()) {
    WARN("skipped: /usr/bin/python3 has no h5py (Debian: apt install python3-h5py)");
    return;
  }
  // /trajectory with columns id, frame, x, y (no z), made with the C API.
  const fs::path path = scratch("h5py-no-z.h5");
  {
    const QuietHdf5Errors quiet;
    const Handle f(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    REQUIRE(f.valid());
    const Handle type(H5Tcreate(H5T_COMPOUND, 32), H5Tclose);
    H5Tinsert(type.get(), "id", 0, H5T_NATIVE_INT64);
    H5Tinsert(type.get(), "frame", 8, H5T_NATIVE_INT64);
    H5Tinsert(type.get(), "x", 16, H5T_NATIVE_DOUBLE);
    H5Tinsert(type.get(), "y", 24, H5T_NATIVE_DOUBLE);
    write_rows(f.get(), "trajectory", type.get(), type.get(), 0, nullptr);
  }
  const Output out = read_result(path);
  INFO(out.text);
  CHECK(out.status == 1);
  CHECK_THAT(out.text, Catch::Contains("h5py-no-z.h5") && Catch::Contains("expected exactly id, frame, x, y, z"));

  const fs::path text = scratch("h5py-text.h5");
  std::ofstream(text) << "not HDF5\n";
  CHECK(read_result(text).status == 1);
}
