// Maps and trajectory files never turn a value they were not meant to get
// (NaN, infinity, a huge extent, a fractional id) into an index or a size:
// a point outside the map is left out, an extent too large or a row that is
// not a number is refused.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "analysis/heatmap.hpp"
#include "analysis/trajectory_set.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("A heatmap has no cell for NaN, infinite or far points", "[analysis][heatmap]") {
  const Heatmap map({{0, 0}, {4, 2}}, 0.5);
  int ix = -7, iy = -7;
  for (const Vec2& p : {Vec2(kNaN, 1.0), Vec2(1.0, kNaN), Vec2(kInf, 1.0), Vec2(-kInf, 1.0), Vec2(1e300, 1.0),
                        Vec2(1.0, -1e300)}) {
    INFO(p.transpose());
    CHECK_FALSE(map.cell_of(p, ix, iy));
  }
  CHECK(ix == -7);  // untouched
  REQUIRE(map.cell_of({3.9, 1.9}, ix, iy));
  CHECK((ix == 7 && iy == 3));
}

TEST_CASE("A heatmap of a non-finite or huge extent is refused, not allocated", "[analysis][heatmap]") {
  CHECK_THROWS_AS(Heatmap({{0, 0}, {kNaN, 2}}, 1.0), std::length_error);
  CHECK_THROWS_AS(Heatmap({{kNaN, 0}, {4, 2}}, 1.0), std::length_error);
  CHECK_THROWS_AS(Heatmap({{0, 0}, {kInf, 2}}, 1.0), std::length_error);
  // 2e6 m square in 0.5 m cells: 1.6e13 cells.
  CHECK_THROWS_WITH(Heatmap({{-1e6, -1e6}, {1e6, 1e6}}, 0.5), Catch::Contains("has more than 100000000 cells"));
  CHECK(Heatmap({{0, 0}, {5000, 5000}}, 1.0).values.size() == 25000000u);
}

TEST_CASE("A trajectory text file with rows that are not whole ids and frames or finite positions is refused",
          "[analysis]") {
  const auto path = std::filesystem::temp_directory_path() / "campusflow_untrusted_rows.txt";
  // Ids and frames become integers: casting 1e300 or -1 is undefined or wraps.
  for (const char* row : {"1e300 2 0.5 0.5 0", "1.5 2 0.5 0.5 0", "-1 2 0.5 0.5 0", "1 2 1e308 0.5 0"}) {
    INFO(row);
    std::ofstream(path) << "1 1 0.5 0.5 0\n" << row << "\n";
    CHECK_THROWS_WITH(read_trajectory_text(path, 16.0, 100.0), Catch::StartsWith(path.string() + ": row 2 is not"));
  }
  // Text that is not a number stops the reading (the stream fails on it).
  std::ofstream(path) << "1 1 0.5 0.5 0\n1 nan 0.5 0.5 0\n";
  CHECK_THROWS_WITH(read_trajectory_text(path, 16.0, 0.01), Catch::StartsWith(path.string() + ": not"));
  CHECK_THROWS_AS(TrajectorySet({}, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(TrajectorySet({}, 0.0), std::invalid_argument);
}
