// The measurement methods reproduce the published steady-state figures of the
// Jülich corridor experiments (VALIDATION.md; data/experiments/README.md) from
// the raw trajectories. This fixes the yardstick that simulated runs of the
// same set-ups are compared with.
#include <catch2/catch.hpp>
#include <string>

#include "analysis/measurement.hpp"

using namespace campusflow;
using namespace campusflow::analysis;

namespace {
struct Run {
  const char* name;
  std::int64_t first, last;  // steady-state frames
  double density, speed, flow;  // published: P/m^2, m/s, P/s
};
}  // namespace

TEST_CASE("Jülich corridor experiments: density, speed and flow as published", "[validation][juelich]") {
  const Run runs[] = {
      {"uo-050-180-180", 211, 800, 0.50, 1.34, 1.25},
      {"uo-100-180-180", 200, 790, 1.14, 1.20, 2.47},
      {"uo-145-180-180", 300, 1097, 1.56, 0.99, 2.79},
      {"uo-180-180-095", 400, 1350, 2.46, 0.43, 1.84},
  };
  // Measurement area x in [0, 1.8] m, y in [-2, 0] m; line y = 0, walking -y.
  const Ring area = {{0, -2}, {1.8, -2}, {1.8, 0}, {0, 0}};
  const Segment line{{0, 0}, {1.8, 0}};
  for (const Run& r : runs) {
    INFO(r.name);
    const TrajectorySet t = read_trajectory_text(
        std::string(CAMPUSFLOW_SOURCE_DIR) + "/data/experiments/" + r.name + ".txt", 16.0, 0.01);
    const AreaMeasure m = measure_area(t, area, r.first, r.last, 8);
    const double j = flow(line_crossing_frames(t, line), r.first, r.last, 16.0);
    // Published values are rounded to 0.01; flows count whole persons.
    CHECK(m.density == Approx(r.density).margin(0.01));
    CHECK(m.speed == Approx(r.speed).margin(0.02));
    CHECK(j == Approx(r.flow).margin(0.04));
  }
}
