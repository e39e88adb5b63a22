#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <vector>

#include "sim/io/result_reader.hpp"
#include "sim/io/result_writer.hpp"

using namespace campusflow::io;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CAMPUSFLOW_BINARY_DIR) / "test-io";
  fs::create_directories(dir);
  fs::remove(dir / name);
  fs::remove(dir / (name + ".partial"));
  return dir / name;
}

RunInfo info() {
  RunInfo i;
  i.scenario_name = "unit";
  i.scenario_file = "unit.json";
  i.scenario_text = "{}";
  i.scenario_hash = 42;
  i.seed = 7;
  i.threads = 2;
  i.version = "test";
  i.dt = 0.05;
  return i;
}

const LevelGeometry kLevels[] = {{"ground", 0.0, "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))"}};

}  // namespace

TEST_CASE("a result round-trips through the writer and the reader", "[io]") {
  const fs::path path = scratch("roundtrip.h5");
  {
    ResultWriter w(path, 10.0, info(), kLevels);
    for (std::int64_t frame = 0; frame < 3; ++frame) {
      const std::vector<TrajectoryRow> rows = {{0, frame, 0.5 * frame, 1.0, 0.0}, {1, frame, 2.0, 0.1 * frame, 0.0}};
      w.append_frame(rows);
    }
    w.append_exit_event({1, 0, 0.25});
    const std::vector<AgentRow> agents = {{0, 0, 0, 3, 0.2, 1.3, 0.0, 0.0, 1.0}, {1, 0, 0, 3, 0.2, 1.1, 2.0, 2.0, 0.0}};
    const std::vector<std::string> groups = {"class"}, profiles = {"adult"};
    w.write_agents(agents, groups, profiles);
    REQUIRE(fs::exists(w.partial_path()));
    REQUIRE_FALSE(fs::exists(path));
    RunSummary s;
    s.evacuation_time = 12.5;
    s.agents = 2;
    s.exited = 1;
    s.exit_names = {"door"};
    s.exit_counts = {1};
    s.simulated_time = 12.5;
    s.state_hash = 0xFEDCBA9876543210ull;
    w.finish(s, 0.5);
  }
  REQUIRE(fs::exists(path));
  REQUIRE_FALSE(fs::exists(path.string() + ".partial"));

  const ResultReader r(path);
  CHECK(r.fps() == 10.0);
  CHECK(r.wkt_geometry() == kLevels[0].wkt);
  CHECK(r.attribute("status") == "complete");
  const auto rows = r.trajectory();
  REQUIRE(rows.size() == 6);
  CHECK(rows[4].id == 0);
  CHECK(rows[4].frame == 2);
  CHECK(rows[4].x == 1.0);
  const RunSummary s = r.summary();
  CHECK(s.evacuation_time == 12.5);
  CHECK(s.state_hash == 0xFEDCBA9876543210ull);
  CHECK(s.exit_names == std::vector<std::string>{"door"});
  CHECK(s.exit_counts == std::vector<std::int64_t>{1});
  CHECK(s.wall_time == 0.5);
  REQUIRE(r.exit_events().size() == 1);
  CHECK(r.exit_events()[0].time == 0.25);
  REQUIRE(r.agents().size() == 2);
  CHECK(r.agents()[1].pre_movement == 2.0);
  REQUIRE(r.levels().size() == 1);
  CHECK(r.levels()[0].name == "ground");
}

TEST_CASE("a writer destroyed before finish leaves an incomplete .partial only", "[io]") {
  const fs::path path = scratch("interrupted.h5");
  {
    ResultWriter w(path, 10.0, info(), kLevels);
    const std::vector<TrajectoryRow> rows = {{0, 0, 1.0, 1.0, 0.0}};
    w.append_frame(rows);
  }
  CHECK_FALSE(fs::exists(path));
  REQUIRE(fs::exists(path.string() + ".partial"));
  CHECK_THROWS_WITH(ResultReader(path.string() + ".partial"), Catch::Contains("is incomplete"));
}

TEST_CASE("memory stays bounded: rows go to disk in batches", "[io]") {
  // 1.2 million rows in frames of 1,000: the buffer never holds more than
  // kBufferRows, and every row reaches the file.
  const fs::path path = scratch("large.h5");
  std::size_t most_buffered = 0;
  {
    ResultWriter w(path, 10.0, info(), kLevels);
    std::vector<TrajectoryRow> frame(1000);
    for (std::int64_t f = 0; f < 1200; ++f) {
      for (std::int64_t i = 0; i < 1000; ++i) frame[static_cast<std::size_t>(i)] = {i, f, 0.01 * i, 0.02 * f, 0.0};
      w.append_frame(frame);
      most_buffered = std::max(most_buffered, w.buffered_rows());
    }
    w.finish(RunSummary{}, 0.0);
  }
  CHECK(most_buffered <= ResultWriter::kBufferRows);
  const auto rows = ResultReader(path).trajectory();
  REQUIRE(rows.size() == 1'200'000);
  CHECK(rows.back().frame == 1199);
  CHECK(rows.back().id == 999);
}

TEST_CASE("files that are not complete campusflow results are refused clearly", "[io]") {
  const fs::path dir = scratch("x").parent_path();
  const fs::path text = dir / "text.h5";
  std::ofstream(text) << "not an HDF5 file\n";
  CHECK_THROWS_WITH(ResultReader(text), Catch::Contains("is not an HDF5 file"));

  const fs::path empty = dir / "empty.h5";
  std::ofstream{empty};
  CHECK_THROWS_WITH(ResultReader(empty), Catch::Contains("is not an HDF5 file"));

  CHECK_THROWS_WITH(ResultReader(dir / "missing.h5"), Catch::Contains("cannot be read"));

  // HDF5 from another program: no /campusflow group.
  const fs::path foreign = dir / "foreign.h5";
  {
    Handle f(H5Fcreate(foreign.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    Handle g(H5Gcreate2(f.get(), "data", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
  }
  CHECK_THROWS_WITH(ResultReader(foreign), Catch::Contains("not a campusflow result"));

  // A truncated copy of a real result: the first 1,000 bytes.
  const fs::path whole = scratch("whole.h5");
  {
    ResultWriter w(whole, 10.0, info(), kLevels);
    w.finish(RunSummary{}, 0.0);
  }
  const fs::path truncated = dir / "truncated.h5";
  fs::copy_file(whole, truncated, fs::copy_options::overwrite_existing);
  fs::resize_file(truncated, 1000);
  CHECK_THROWS_AS(ResultReader(truncated), ResultFormatError);
}
