#include <catch2/catch.hpp>

#include "analysis/measurement.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

namespace {

// Agent `id` walks along -y at `speed` [m/s], at y = 0 at time t0 [s], x = 0.5.
void walker(std::vector<io::TrajectoryRow>& rows, std::int64_t id, double t0, double speed, double fps) {
  for (std::int64_t f = 0; f < static_cast<std::int64_t>(30 * fps); ++f) {
    const double t = static_cast<double>(f) / fps;
    rows.push_back({id, f, 0.5, -speed * (t - t0), 0.0});
  }
}

}  // namespace

TEST_CASE("10 agents crossing a line at 1 s intervals give a flow of 1/s", "[analysis]") {
  // Crossings at t = 5.0, 6.0, ... 14.0 s (within one frame at 10 fps).
  std::vector<io::TrajectoryRow> rows;
  for (int i = 0; i < 10; ++i) walker(rows, i, 5.0 + i + 0.05, 1.2, 10.0);
  const TrajectorySet t(rows, 10.0);
  // Seen from (0, 0) to (1, 0) the left side is y > 0, where they come from.
  const auto frames = line_crossing_frames(t, Segment{{0, 0}, {1, 0}});
  REQUIRE(frames.size() == 10);
  CHECK(frames.front() == 51);
  CHECK(flow(frames, 0, 300, 10.0) == Approx(1.0));
  // Walking the other way does not cross from the left side.
  CHECK(line_crossing_frames(t, Segment{{1, 0}, {0, 0}}).empty());
}

TEST_CASE("classic density and speed in a measurement area", "[analysis]") {
  // Four agents stand in a 2 x 2 m area for 100 frames: 1 person/m^2, speed 0.
  // A fifth walks at 1.5 m/s far outside it.
  std::vector<io::TrajectoryRow> rows;
  for (std::int64_t f = 0; f < 100; ++f) {
    rows.push_back({1, f, 0.5, 0.5, 0});
    rows.push_back({2, f, 1.5, 0.5, 0});
    rows.push_back({3, f, 0.5, 1.5, 0});
    rows.push_back({4, f, 1.5, 1.5, 0});
    rows.push_back({5, f, 10.0 + 0.15 * static_cast<double>(f), 10.0, 0});
  }
  const TrajectorySet t(rows, 10.0);
  const Ring area = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
  const AreaMeasure m = measure_area(t, area, 10, 89, 5);
  CHECK(m.density == Approx(1.0));
  CHECK(m.speed == Approx(0.0));
  // The walker: 0.15 m per frame at 10 fps is 1.5 m/s.
  const auto speeds = t.speeds(5);
  CHECK(speeds[4 * 100 + 50] == Approx(1.5));
  CHECK(speeds[4 * 100 + 2] < 0.0);  // no frame 2 - 5
}
