#pragma once
// Small fixtures shared by the io tests: scratch paths, a run's information
// and a sample result with known values.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/records.hpp"
#include "sim/io/result_writer.hpp"

namespace campusflow::io::testing {

// A fresh path under the build tree; removes leftovers of an earlier run,
// the .partial included.
inline std::filesystem::path scratch(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(CAMPUSFLOW_BINARY_DIR) / "test-io";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  std::filesystem::remove(dir / (name + ".partial"));
  return dir / name;
}

inline RunInfo sample_info() {
  RunInfo i;
  i.scenario_name = "unit corridor";
  i.scenario_file = "scenarios/unit.json";
  i.scenario_text = "{\n  \"name\": \"unit corridor\"  // Grüße, UTF-8\n}\n";
  i.scenario_hash = 0x0123456789ABCDEFull;
  i.seed = 18446744073709551557ull;  // above 2^63: must stay unsigned
  i.threads = 3;
  i.version = "0.1.0-test";
  i.dt = 0.05;
  return i;
}

inline std::vector<LevelGeometry> sample_levels() {
  return {{"ground", 0.0, "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0), (1 0.5, 2 0.5, 2 1, 1 1, 1 0.5))"},
          {"first floor", 3.5, "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))"}};
}

// Agent a in frame f: positions with bits that a float32 or text round trip
// would change.
inline TrajectoryRow sample_row(std::int64_t a, std::int64_t f) {
  const double ad = static_cast<double>(a), fd = static_cast<double>(f);
  return {a, f, 0.1 * ad + fd / 3.0, 1.0 / 7.0 - 0.01 * fd, a == 2 ? 3.5 : 0.0};
}

inline std::vector<AgentRow> sample_agents() {
  return {{0, 0, 0, 1, 0.2, 1.34, 0.0, 0.5, 1.0},
          {1, 1, 0, 0, 0.23, 1.07, 12.25, 2.0, 0.25},
          {2, 1, 1, 1, 0.19, 0.95, 3.125, 3.0, 1.5}};
}

// Agents 0 to n - 1, of one group and profile on level 0: what a
// trajectory's ids refer to (a reader refuses ids past the agents table).
inline void write_plain_agents(ResultWriter& w, std::int64_t n) {
  std::vector<AgentRow> rows;
  for (std::int64_t a = 0; a < n; ++a) rows.push_back({a, 0, 0, 0, 0.2, 1.3, 0.0, 0.5, 0.5});
  const std::vector<std::string> names = {"everyone"};
  w.write_agents(rows, names, names);
}

inline RunSummary sample_summary() {
  RunSummary s;
  s.evacuation_time = 12.5;
  s.agents = 3;
  s.exited = 2;
  s.exit_names = {"main door", "side door"};
  s.exit_counts = {1, 1};
  s.simulated_time = 12.55;
  s.wall_time = 0.75;
  s.state_hash = 0xFEDCBA9876543210ull;
  return s;
}

// 3 agents x 3 frames (frames 0..2), 2 exit events, the sample summary.
inline void write_sample_result(const std::filesystem::path& path, double fps = 10.0) {
  const std::vector<LevelGeometry> levels = sample_levels();
  ResultWriter w(path, fps, sample_info(), levels);
  for (std::int64_t f = 0; f < 3; ++f) {
    const std::vector<TrajectoryRow> rows = {sample_row(0, f), sample_row(1, f), sample_row(2, f)};
    w.append_frame(rows);
  }
  w.append_exit_event({1, 0, 7.75});
  w.append_exit_event({0, 1, 12.5});
  const std::vector<std::string> groups = {"class 1a", "class 1b"}, profiles = {"adult", "child"};
  w.write_agents(sample_agents(), groups, profiles);
  w.finish(sample_summary(), 0.75);
}

}  // namespace campusflow::io::testing
