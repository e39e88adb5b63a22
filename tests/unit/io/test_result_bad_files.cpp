// Files that are not complete campusflow results are refused with a
// ResultFormatError that names the file and says what is wrong; none crashes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "io_test_support.hpp"
#include "sim/io/hdf5_objects.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

namespace {

// Opening `path` must throw ResultFormatError naming the file and containing `fragment`.
void require_refused(const fs::path& path, const std::string& fragment) {
  INFO(path.string());
  try {
    const ResultReader r(path);
    FAIL("opened " << path.string());
  } catch (const ResultFormatError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains(fragment) && Catch::Contains(path.string()));
  }
}

fs::path truncated_copy(const fs::path& whole, const std::string& name, std::uintmax_t size) {
  const fs::path copy = scratch(name);
  fs::copy_file(whole, copy, fs::copy_options::overwrite_existing);
  fs::resize_file(copy, size);
  return copy;
}

// An HDF5 file made with the C API: a group /data, or a /campusflow group
// with the given format attribute and status "complete".
fs::path foreign_hdf5(const std::string& name, const std::string& campusflow_format) {
  const fs::path path = scratch(name);
  const QuietHdf5Errors quiet;
  const Handle f(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  REQUIRE(f.valid());
  if (campusflow_format.empty()) {
    create_group(f.get(), "data");
  } else {
    const Handle g = create_group(f.get(), "campusflow");
    write_attribute(g.get(), "format", campusflow_format);
    write_attribute(g.get(), "status", std::string("complete"));
  }
  return path;
}

}  // namespace

TEST_CASE("files that are not HDF5 are refused", "[io]") {
  const fs::path text = scratch("text.h5");
  std::ofstream(text) << "id frame x y z\n1 0 0.5 1.0 0.0\n";
  require_refused(text, "is not an HDF5 file");

  const fs::path empty = scratch("empty.h5");
  std::ofstream{empty};
  require_refused(empty, "is not an HDF5 file");

  require_refused(scratch("missing.h5"), "does not exist");
  require_refused(fs::path(CAMPUSFLOW_BINARY_DIR), "is not a regular file");
}

TEST_CASE("truncated results are refused, never read", "[io]") {
  const fs::path whole = scratch("whole.h5");
  {
    // Enough rows that the data lies well past the first kilobyte.
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(whole, 10.0, sample_info(), levels);
    for (std::int64_t f = 0; f < 200; ++f) {
      std::vector<TrajectoryRow> rows;
      for (std::int64_t a = 0; a < 100; ++a) rows.push_back(sample_row(a, f));
      w.append_frame(rows);
    }
    w.finish(sample_summary(), 1.0);
  }
  const auto size = fs::file_size(whole);
  REQUIRE(size > 4000);
  require_refused(truncated_copy(whole, "truncated-1000.h5", 1000), "is damaged or truncated");
  require_refused(truncated_copy(whole, "truncated-half.h5", size / 2), "is damaged or truncated");
  require_refused(truncated_copy(whole, "truncated-1.h5", size - 1), "is damaged or truncated");
}

TEST_CASE("HDF5 files of other programs are refused", "[io]") {
  require_refused(foreign_hdf5("foreign.h5", ""), "has no /campusflow group: not a campusflow result");
  require_refused(foreign_hdf5("future.h5", "campusflow-result/2"), "has format \"campusflow-result/2\"");
  // The archive's own experiment file: right trajectory layout, no /campusflow.
  require_refused(fs::path(CAMPUSFLOW_SOURCE_DIR) / "data/experiments/format-example-ped-data-archive.h5",
                  "not a campusflow result");
}

TEST_CASE("a result whose tables differ from the format fails when read, with the place named", "[io]") {
  // /campusflow claims the format, but /trajectory lacks z and the summary
  // is missing: every accessor throws ResultFormatError, none crashes.
  const fs::path path = foreign_hdf5("odd-layout.h5", "campusflow-result/1");
  {
    const QuietHdf5Errors quiet;
    const Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
    REQUIRE(f.valid());
    const Handle type(H5Tcreate(H5T_COMPOUND, 16), H5Tclose);
    H5Tinsert(type.get(), "id", 0, H5T_NATIVE_INT64);
    H5Tinsert(type.get(), "x", 8, H5T_NATIVE_DOUBLE);
    const double rows[4] = {0.0, 1.5, 0.0, 2.5};  // bytes of two rows; only their layout matters
    write_rows(f.get(), "trajectory", type.get(), type.get(), 2, rows);
    const Handle set(H5Dopen2(f.get(), "trajectory", H5P_DEFAULT), H5Dclose);
    const hsize_t three[1] = {3};  // fps as an array: not a single value
    const Handle space(H5Screate_simple(1, three, nullptr), H5Sclose);
    const Handle attr(H5Acreate2(set.get(), "fps", H5T_NATIVE_DOUBLE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                      H5Aclose);
  }
  const ResultReader r(path);
  CHECK_THROWS_WITH(r.trajectory(), Catch::Contains("odd-layout.h5:/trajectory") &&
                                        Catch::Contains("fields differ"));
  CHECK_THROWS_WITH(r.fps(), Catch::Contains("/trajectory@fps is not a single value"));
  CHECK_THROWS_WITH(r.wkt_geometry(), Catch::Contains("@wkt_geometry is missing"));
  CHECK_THROWS_AS(r.summary(), ResultFormatError);
  CHECK_THROWS_AS(r.agents(), ResultFormatError);
  CHECK_THROWS_AS(r.levels(), ResultFormatError);
  CHECK_THROWS_WITH(r.run_info(), Catch::Contains("/campusflow@scenario_name is missing"));
}

TEST_CASE("HDF5's own error printing is off during our calls and restored after them", "[io]") {
  // Users see only our messages, and other HDF5 users in the process keep
  // their setting: HDF5's default printer is back after a refused file.
  H5E_auto2_t before = nullptr;
  void* before_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &before, &before_data);
  REQUIRE(before != nullptr);
  const fs::path text = scratch("quiet.h5");
  std::ofstream(text) << "text\n";
  CHECK_THROWS_AS(ResultReader(text), ResultFormatError);
  CHECK_THROWS_AS(ResultReader(fs::path(CAMPUSFLOW_SOURCE_DIR) / "data/experiments/format-example-ped-data-archive.h5"),
                  ResultFormatError);
  H5E_auto2_t after = nullptr;
  void* after_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &after, &after_data);
  CHECK(after == before);
  CHECK(after_data == before_data);
}
