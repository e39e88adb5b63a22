// Simulates the Jülich corridor experiments (data/experiments/README.md) with
// the default pedestrian model and measures them exactly as the experiments
// are measured (analysis/measurement.hpp): density and speed in the area
// x in [0, 1.8], y in [-2, 0] m, flow at the line y = 0. Prints the table of
// VALIDATION.md beside the simulated values and whether each run is within
// the criterion (flow +/- 15 %, speed +/- 0.15 m/s).
//
// The set-up: a waiting area, an entrance of width B in a 0.2 m wall at
// y = 8 m, a 3.8 m wide area (y 4..8), the 1.8 m corridor (y -4..4), an exit
// of width E in a 0.2 m wall at its end, and a 3.8 m wide area after it whose
// far side is the exit line. People walk -y.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/measurement.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"

using namespace campusflow;

namespace {

struct Run {
  const char* name;
  int persons;
  double entrance, exit;        // widths [m]
  double density, speed, flow;  // measured: P/m^2, m/s, P/s
};

std::string pt(double x, double y) { return "[" + std::to_string(x) + ", " + std::to_string(y) + "]"; }

std::string scenario(const Run& r, const std::string& model) {
  const double c = 0.9;  // corridor centre line
  const double b = r.entrance / 2, e = r.exit / 2;
  // Counter-clockwise from the lower left; the exit wall exists only when
  // the exit is narrower than the corridor.
  std::vector<std::pair<double, double>> ring = {{-1, -6.5}, {2.8, -6.5}};
  if (r.exit < 1.8)
    ring.insert(ring.end(), {{2.8, -4.2}, {c + e, -4.2}, {c + e, -4}, {1.8, -4}});
  else
    ring.insert(ring.end(), {{2.8, -4}, {1.8, -4}});
  ring.insert(ring.end(), {{1.8, 4}, {2.8, 4}, {2.8, 8}, {c + b, 8}, {c + b, 8.2}, {4.8, 8.2}, {4.8, 20.2},
                           {-3, 20.2}, {-3, 8.2}, {c - b, 8.2}, {c - b, 8}, {-1, 8}, {-1, 4}, {0, 4}});
  if (r.exit < 1.8)
    ring.insert(ring.end(), {{0, -4}, {c - e, -4}, {c - e, -4.2}, {-1, -4.2}});
  else
    ring.insert(ring.end(), {{0, -4}, {-1, -4}});
  std::string outline;
  for (const auto& [x, y] : ring) outline += (outline.empty() ? "" : ", ") + pt(x, y);
  return R"({"format": "campusflow-scenario/1", "name": ")" + std::string(r.name) + R"(",
    "settings": {"dt": 0.05, "time_limit": 600, "output_fps": 20, "field_cell": 0.1},
    "model": )" + model + R"(,
    "levels": [{"name": "setup", "outline": [)" + outline + R"(],
      "exits": [{"name": "out", "segment": [[-1, -6.5], [2.8, -6.5]]}]}],
    "groups": [{"name": "people", "level": "setup", "count": )" + std::to_string(r.persons) +
         R"(, "spawn": [[-2.8, 8.4], [4.6, 8.4], [4.6, 20], [-2.8, 20]]}]})";
}

}  // namespace

// usage: campusflow_validate_juelich ['{"type": "collision_free_speed", ...}']
// (a model block as in a scenario file; default: the model's defaults).
int main(int argc, char** argv) {
  const std::string model = argc > 1 ? argv[1] : R"({"type": "collision_free_speed"})";
  const Run runs[] = {
      {"uo-050-180-180", 61, 0.50, 1.80, 0.50, 1.34, 1.25},
      {"uo-100-180-180", 121, 1.00, 1.80, 1.14, 1.20, 2.47},
      {"uo-145-180-180", 175, 1.45, 1.80, 1.56, 0.99, 2.79},
      {"uo-180-180-095", 159, 1.80, 0.95, 2.46, 0.43, 1.84},
  };
  const Ring area = {{0, -2}, {1.8, -2}, {1.8, 0}, {0, 0}};
  const Segment line{{0, 0}, {1.8, 0}};
  std::printf("model: %s\n", model.c_str());
  std::printf("%-16s %14s %14s %14s %6s\n", "run", "density sim/exp", "speed sim/exp", "flow sim/exp", "pass");
  int passed = 0;
  for (const Run& r : runs) {
    auto loaded = load_scenario_text(scenario(r, model), r.name);
    if (!loaded.errors.empty()) {
      for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
      return 2;
    }
    Simulation sim(*loaded.scenario, RunOptions{1, 2});
    std::vector<io::TrajectoryRow> rows;
    while (sim.step()) {
      const StepOutput& out = sim.output();
      if (!out.frame) continue;
      for (std::size_t k = 0; k < out.frame_agents.size(); ++k)
        rows.push_back({out.frame_agents[k], *out.frame, out.frame_positions[k].x(), out.frame_positions[k].y(), 0});
    }
    const analysis::TrajectorySet t(std::move(rows), 20.0);
    const auto crossings = analysis::line_crossing_frames(t, line);
    // Steady state: between the 15th and 85th percentile of the crossings.
    const std::int64_t first = crossings[crossings.size() * 15 / 100];
    const std::int64_t last = crossings[crossings.size() * 85 / 100];
    const auto m = analysis::measure_area(t, area, first, last, 10);
    const double j = analysis::flow(crossings, first, last, 20.0);
    const bool ok = std::abs(j - r.flow) <= 0.15 * r.flow && std::abs(m.speed - r.speed) <= 0.15;
    passed += ok;
    std::printf("%-16s %6.2f / %5.2f %6.2f / %5.2f %6.2f / %5.2f %6s\n", r.name, m.density, r.density, m.speed,
                r.speed, j, r.flow, ok ? "yes" : "no");
  }
  std::printf("%d of 4 runs within flow +/- 15 %% and speed +/- 0.15 m/s\n", passed);
  return 0;
}
