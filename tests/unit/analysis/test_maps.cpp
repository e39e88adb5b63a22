// Heatmaps and Voronoi density on tiny synthetic trajectories with known answers.
#include <catch2/catch.hpp>

#include "analysis/heatmap.hpp"
#include "analysis/queue_map.hpp"
#include "analysis/voronoi_density.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

namespace {

// Agents standing still at `points` for frames [0, frames), at 10 fps.
TrajectorySet standing(const std::vector<Vec2>& points, std::int64_t frames) {
  std::vector<io::TrajectoryRow> rows;
  for (std::size_t i = 0; i < points.size(); ++i)
    for (std::int64_t f = 0; f < frames; ++f)
      rows.push_back({static_cast<std::int64_t>(i), f, points[i].x(), points[i].y(), 0.0});
  return TrajectorySet(std::move(rows), 10.0);
}

}  // namespace

TEST_CASE("Density maps: the highest density and the time above 2 and 4 P/m^2", "[analysis][heatmap]") {
  // Five people in the cell [1, 2) x [0, 1) for 10 s (100 frames at 10 fps,
  // sampled each second: 10 samples of 1 s), one alone in [3, 4) x [0, 1):
  // 5 P/m^2 there for 10 s (above 2 and above 4), 1 P/m^2 in the other.
  std::vector<Vec2> people{{1.2, 0.2}, {1.4, 0.4}, {1.6, 0.6}, {1.8, 0.8}, {1.5, 0.5}, {3.5, 0.5}};
  const DensityMaps maps = density_maps(standing(people, 100), {{0, 0}, {5, 2}}, 1.0);
  REQUIRE(maps.max_density.nx == 5);
  REQUIRE(maps.max_density.ny == 2);
  CHECK(maps.max_density.at(1, 0) == Approx(5.0));
  CHECK(maps.max_density.at(3, 0) == Approx(1.0));
  CHECK(maps.max_density.at(0, 1) == 0.0);
  CHECK(maps.above_2.at(1, 0) == Approx(10.0));
  CHECK(maps.above_4.at(1, 0) == Approx(10.0));
  CHECK(maps.above_2.at(3, 0) == 0.0);
  // Half-metre cells: three of the five share [1.5, 2) x [0.5, 1): 3 / 0.25 = 12 P/m^2.
  CHECK(density_maps(standing(people, 100), {{0, 0}, {5, 2}}, 0.5).max_density.max() == Approx(12.0));
}

TEST_CASE("Passage map: each person counts once in every cell they crossed", "[analysis][heatmap]") {
  // One walker along y = 0.5 from x = 0.5 to 4.5 and back (it passes each
  // cell twice, counted once); one standing in cell (0, 0).
  std::vector<io::TrajectoryRow> rows;
  for (std::int64_t f = 0; f <= 80; ++f) {
    const double step = 0.1 * static_cast<double>(f <= 40 ? f : 80 - f);
    const double x = 0.5 + step;
    rows.push_back({0, f, x, 0.5, 0.0});
    rows.push_back({1, f, 0.5, 0.5, 0.0});
  }
  const Heatmap map = passage_map(TrajectorySet(std::move(rows), 10.0), {{0, 0}, {5, 1}}, 1.0);
  CHECK(map.at(0, 0) == 2.0);
  for (int ix = 1; ix < 5; ++ix) CHECK(map.at(ix, 0) == 1.0);
}

TEST_CASE("Voronoi density of a square lattice is one over the spacing squared", "[analysis][voronoi]") {
  // People on a lattice of spacing s own s x s squares; in an area covering
  // whole and half cells alike the Voronoi density is exactly 1 / s^2, where
  // counting heads would depend on where the area's edges fall.
  for (const double s : {1.0, 0.5}) {
    std::vector<Vec2> lattice;
    for (int i = 0; i < 10; ++i)
      for (int j = 0; j < 10; ++j) lattice.emplace_back(s * i, s * j);
    const Box bounds{{-s / 2, -s / 2}, {s * 9.5, s * 9.5}};
    const Ring area{{2 * s, 2 * s}, {6.3 * s, 2 * s}, {6.3 * s, 5.7 * s}, {2 * s, 5.7 * s}};
    INFO("spacing " << s);
    CHECK(voronoi_density(standing(lattice, 3), area, bounds, 0, 2) == Approx(1.0 / (s * s)).epsilon(1e-9));
  }
  // A single person alone in the bounds owns all of it.
  const std::vector<Vec2> one{{1.0, 1.0}};
  const Ring cell = voronoi_cell(one, 0, {{0, 0}, {4, 2}});
  CHECK(std::abs(signed_area2(cell)) / 2.0 == Approx(8.0));
}

TEST_CASE("Queue occupancy: the share of time a queued vehicle stands on each stretch", "[analysis][heatmap]") {
  // One 20 m lane along x; 10 frames. A car stands still at x = 3 in all of
  // them (stretch [0, 5)); another moves past at 8 m/s (never queued); a third
  // crawls at 1 m/s at x = 12 in half the frames (stretch [10, 15)).
  const io::LaneRow lane{0, 0, 0.0, 0.0, 20.0, 0.0, 3.2};
  std::vector<io::StreetFrameRow> frames;
  for (std::int64_t f = 0; f < 10; ++f) {
    frames.push_back({f, 0, 0, 3.0, 0.0, 0.0, 0.0});
    frames.push_back({f, 0, 1, 1.0 + static_cast<double>(f), 0.5, 0.0, 8.0});
    if (f % 2 == 0) frames.push_back({f, 0, 2, 12.0, -0.5, 0.0, 1.0});
    frames.push_back({f, 1, 0, 12.0, 0.0, 0.0, 0.0});  // a pupil: not a vehicle
  }
  frames.push_back({3, 0, 3, 3.0, 5.0, 0.0, 0.0});  // beside the lane (a stall): not on it
  const std::vector<io::LaneRow> lanes{lane};
  const auto occ = analysis::queue_occupancy(frames, lanes);
  REQUIRE(occ.size() == 1);
  REQUIRE(occ[0].share.size() == 4);
  CHECK(occ[0].share[0] == Approx(1.0));
  CHECK(occ[0].share[1] == Approx(0.0));
  CHECK(occ[0].share[2] == Approx(0.5));
  CHECK(occ[0].share[3] == Approx(0.0));
}

TEST_CASE("Queue occupancy counts a stretch once per frame and the frames the street was empty", "[analysis][heatmap]") {
  // Two 2 m vehicles queued in the same 5 m stretch: it is occupied, once.
  // They stand there in frames 0-4 and 9; in frames 5-8 the street is empty
  // and writes no rows: 6 of 10 frames, not 6 of 6 (nor 12 of 6).
  const io::LaneRow lane{0, 0, 0.0, 0.0, 20.0, 0.0, 3.2};
  std::vector<io::StreetFrameRow> frames;
  for (const std::int64_t f : {0, 1, 2, 3, 4, 9}) {
    frames.push_back({f, io::kFrameVehicle, 0, 1.5, 0.0, 0.0, 0.0});
    frames.push_back({f, io::kFrameVehicle, 1, 4.0, 0.0, 0.0, 0.0});
  }
  const std::vector<io::LaneRow> lanes{lane};
  const auto occ = analysis::queue_occupancy(frames, lanes);
  REQUIRE(occ.size() == 1);
  CHECK(occ[0].share[0] == Approx(0.6));
  CHECK(occ[0].share[1] == 0.0);
}
