// A run that stops before finish() leaves "<final>.partial", readable and
// marked incomplete, and never a file under the final name.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

TEST_CASE("a writer destroyed without finish leaves an incomplete .partial only", "[io]") {
  const fs::path path = scratch("interrupted.h5");
  fs::path partial;
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 10.0, sample_info(), levels);
    partial = w.partial_path();
    CHECK(partial == fs::path(path.string() + ".partial"));
    for (std::int64_t f = 0; f < 2; ++f) {
      const std::vector<TrajectoryRow> rows = {sample_row(0, f), sample_row(1, f)};
      w.append_frame(rows);
    }
    w.append_exit_event({1, 0, 0.15});
    // Still in memory: far below the buffer's bound.
    CHECK(w.buffered_rows() == 5);
    CHECK(fs::exists(partial));
    CHECK_FALSE(fs::exists(path));
  }
  CHECK_FALSE(fs::exists(path));
  REQUIRE(fs::exists(partial));

  CHECK_THROWS_WITH(ResultReader(partial), Catch::Contains("is incomplete: the run was interrupted") &&
                                               Catch::Contains("interrupted.h5.partial"));
  CHECK_THROWS_WITH(ResultReader(path), Catch::Contains("does not exist"));

  // The destructor wrote the buffered rows: 2 frames x 2 agents, 1 exit event.
  const ResultReader r(partial, Completeness::not_required);
  CHECK(r.attribute_string("status") == "incomplete");
  const std::vector<TrajectoryRow> rows = r.trajectory();
  REQUIRE(rows.size() == 4);
  CHECK(rows[3] == sample_row(1, 1));
  CHECK(r.exit_events() == std::vector<ExitEventRow>{{1, 0, 0.15}});
  CHECK(r.levels().size() == 2);
  // No summary before the run completes.
  CHECK_THROWS_WITH(r.summary(), Catch::Contains("has no group /campusflow/summary"));
}

TEST_CASE("a writer destroyed while an exception unwinds does not throw again", "[io]") {
  const fs::path path = scratch("unwound.h5");
  const auto run = [&] {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 10.0, sample_info(), levels);
    const std::vector<TrajectoryRow> rows = {sample_row(0, 0)};
    w.append_frame(rows);
    throw std::runtime_error("the simulation failed");
  };
  CHECK_THROWS_WITH(run(), "the simulation failed");
  CHECK_FALSE(fs::exists(path));
  CHECK(ResultReader(path.string() + ".partial", Completeness::not_required).trajectory().size() == 1);
}

TEST_CASE("a new writer replaces an old .partial of the same name", "[io]") {
  const fs::path path = scratch("rerun.h5");
  std::ofstream(path.string() + ".partial") << "left over by a crashed run\n";
  write_sample_result(path);
  CHECK_FALSE(fs::exists(path.string() + ".partial"));
  CHECK(ResultReader(path).trajectory().size() == 9);
}

TEST_CASE("finishing replaces an older result under the final name", "[io]") {
  // rename() replaces the old file in one step: readers see old or new.
  const fs::path path = scratch("replaced.h5");
  write_sample_result(path, 10.0);
  write_sample_result(path, 25.0);
  CHECK(ResultReader(path).fps() == 25.0);
}
