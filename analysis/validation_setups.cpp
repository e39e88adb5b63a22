#include "analysis/validation_setups.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include "analysis/measurement.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace campusflow::analysis {

namespace {

constexpr double kFps = 20.0;  // frames recorded by the scenarios below

constexpr std::array<JuelichRun, 4> kRuns = {{
    {"uo-050-180-180", 61, 0.50, 1.80, 0.50, 1.34, 1.25},
    {"uo-100-180-180", 121, 1.00, 1.80, 1.14, 1.20, 2.47},
    {"uo-145-180-180", 175, 1.45, 1.80, 1.56, 0.99, 2.79},
    {"uo-180-180-095", 159, 1.80, 0.95, 2.46, 0.43, 1.84},
}};

// The participants' free walking speeds, measured in the free-flow run
// uo-050-180-180: each person's mean speed over the corridor (y from 3.5 to
// -3.5 m) gives 1.43 +/- 0.21 m/s, range 1.04-1.95 m/s (61 persons).
constexpr const char* kParticipantSpeed =
    R"({"distribution": "normal", "mean": 1.43, "sd": 0.21, "min": 0.9, "max": 2.0})";

std::string pt(double x, double y) { return "[" + std::to_string(x) + ", " + std::to_string(y) + "]"; }

std::string ring_text(const std::vector<std::pair<double, double>>& ring) {
  std::string out;
  for (const auto& [x, y] : ring) out += (out.empty() ? "" : ", ") + pt(x, y);
  return out;
}

// Runs the scenario to the end and returns its trajectories.
TrajectorySet simulate(const std::string& json, const std::string& label, std::uint64_t seed, int threads) {
  LoadResult loaded = load_scenario_text(json, label);
  if (!loaded.errors.empty()) {
    std::string all;
    for (const std::string& e : loaded.errors) all += e + "\n";
    throw std::runtime_error(all);
  }
  Simulation sim(*loaded.scenario, RunOptions{seed, threads});
  std::vector<io::TrajectoryRow> rows;
  while (sim.step()) {
    const StepOutput& out = sim.output();
    if (!out.frame) continue;
    for (std::size_t k = 0; k < out.frame_agents.size(); ++k)
      rows.push_back({out.frame_agents[k], *out.frame, out.frame_positions[k].x(), out.frame_positions[k].y(), 0});
  }
  return TrajectorySet(std::move(rows), kFps);
}

}  // namespace

std::span<const JuelichRun> juelich_runs() { return kRuns; }

std::string juelich_scenario(const JuelichRun& r, const std::string& model, JuelichPopulation population) {
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
  return R"({"format": "campusflow-scenario/1", "name": ")" + std::string(r.name) + R"(",
    "settings": {"time_limit": 600, "output_fps": 20, "field_cell": 0.1},
    "model": )" + model + R"(,
    "levels": [{"name": "setup", "outline": [)" + ring_text(ring) + R"(],
      "exits": [{"name": "out", "segment": [[-1, -6.5], [2.8, -6.5]]}]}],
    "groups": [{"name": "people", "level": "setup", "count": )" + std::to_string(r.persons) +
         R"(, "spawn": [[-2.8, 8.4], [4.6, 8.4], [4.6, 20], [-2.8, 20]])" +
         (population == JuelichPopulation::kParticipants ? std::string(", \"desired_speed\": ") + kParticipantSpeed
                                                          : std::string()) +
         "}]}";
}

CorridorMeasure simulate_juelich(const JuelichRun& r, const std::string& model, JuelichPopulation population,
                                 std::uint64_t seed, int threads) {
  const TrajectorySet t = simulate(juelich_scenario(r, model, population), r.name, seed, threads);
  const Ring area = {{0, -2}, {1.8, -2}, {1.8, 0}, {0, 0}};
  const Segment line{{0, 0}, {1.8, 0}};
  const auto crossings = line_crossing_frames(t, line);
  if (crossings.size() < 2) return {0.0, 0.0, 0.0};
  const std::int64_t first = crossings[crossings.size() * 15 / 100];
  const std::int64_t last = crossings[crossings.size() * 85 / 100];
  const AreaMeasure m = measure_area(t, area, first, last, 10);
  return {m.density, m.speed, flow(crossings, first, last, kFps)};
}

CorridorMeasure simulate_juelich_mean(const JuelichRun& r, const std::string& model, JuelichPopulation population,
                                      int seeds, int threads) {
  CorridorMeasure mean{0.0, 0.0, 0.0};
  for (int s = 1; s <= seeds; ++s) {
    const CorridorMeasure m = simulate_juelich(r, model, population, static_cast<std::uint64_t>(s), threads);
    mean.density += m.density / seeds;
    mean.speed += m.speed / seeds;
    mean.flow += m.flow / seeds;
  }
  return mean;
}

bool within_criterion(const JuelichRun& r, const CorridorMeasure& m) {
  return std::abs(m.flow - r.flow) <= 0.15 * r.flow && std::abs(m.speed - r.speed) <= 0.15;
}

std::string door_scenario(const std::string& model, double flow_limit) {
  // Room x 0..8, y 0..5; the door y 2..3 through the wall x 8..8.2; the area
  // beyond x 8.2..12.2, y -2..7.
  const std::vector<std::pair<double, double>> ring = {
      {0, 0},   {8, 0},      {8, 2},    {8.2, 2}, {8.2, -2}, {12.2, -2},
      {12.2, 7}, {8.2, 7},   {8.2, 3},  {8, 3},   {8, 5},    {0, 5}};
  return R"({"format": "campusflow-scenario/1", "name": "door-flow",
    "settings": {"time_limit": 300, "output_fps": 20, "field_cell": 0.1},
    "model": )" + model + R"(,
    "levels": [{"name": "room", "outline": [)" + ring_text(ring) + R"(],
      "exits": [{"name": "out", "segment": [[12.2, -2], [12.2, 7]]}])" +
         (flow_limit > 0.0 ? R"(, "doors": [{"name": "door", "segment": [[8.1, 2], [8.1, 3]], "flow_limit": )" +
                                 std::to_string(flow_limit) + "}]"
                           : std::string()) +
         R"(}],
    "groups": [{"name": "people", "level": "room", "count": 100,
                "spawn": [[0, 0], [8, 0], [8, 5], [0, 5]]}]})";
}

double simulate_door_flow(const std::string& model, std::uint64_t seed, int threads, double flow_limit) {
  const TrajectorySet t = simulate(door_scenario(model, flow_limit), "door-flow", seed, threads);
  // From (8.1, 2) to (8.1, 3): walking +x crosses it from its left to its right.
  const auto crossings = line_crossing_frames(t, Segment{{8.1, 2}, {8.1, 3}});
  if (crossings.size() < 2) return 0.0;
  return flow(crossings, crossings[crossings.size() * 10 / 100], crossings[crossings.size() * 90 / 100], kFps);
}

double simulate_door_flow_mean(const std::string& model, int seeds, int threads, double flow_limit) {
  double mean = 0.0;
  for (int s = 1; s <= seeds; ++s)
    mean += simulate_door_flow(model, static_cast<std::uint64_t>(s), threads, flow_limit) / seeds;
  return mean;
}

}  // namespace campusflow::analysis
