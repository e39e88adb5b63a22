#pragma once
// The rows and records of a campusflow result file (docs/result-format.md).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

// /trajectory: the Pedestrian Dynamics Data Archive layout (id, frame, x, y, z),
// so PedPy and h5py read results as they read experiments. [m]
struct TrajectoryRow {
  std::int64_t id;
  std::int64_t frame;
  double x, y, z;
};

// /campusflow/agents
struct AgentRow {
  std::int64_t id;
  std::int32_t group;
  std::int32_t level;
  std::int32_t profile;
  double radius;         // [m]
  double desired_speed;  // [m/s]
  double pre_movement;   // [s] after the alarm
  double spawn_x, spawn_y;  // [m]
};

// /campusflow/exit_events
struct ExitEventRow {
  std::int64_t agent;
  std::int32_t exit;
  double time;  // [s]
};

struct LevelGeometry {
  std::string name;
  double elevation;  // [m]
  std::string wkt;
};

struct RunInfo {
  std::string scenario_name, scenario_file, scenario_text;
  std::uint64_t scenario_hash = 0;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string version;
  double dt = 0.0;  // [s]
};

struct RunSummary {
  double evacuation_time = -1.0;  // [s]; -1 if not everyone left
  std::int64_t agents = 0;
  std::int64_t exited = 0;
  std::vector<std::string> exit_names;
  std::vector<std::int64_t> exit_counts;
  double simulated_time = 0.0;  // [s]
  double wall_time = 0.0;       // [s]
  std::uint64_t state_hash = 0;
};

// HDF5 compound types matching the structs above (memory layout = file layout).
Handle trajectory_type();
Handle agent_type();
Handle exit_event_type();

}  // namespace campusflow::io
