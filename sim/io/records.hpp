#pragma once
#include <initializer_list>
// The rows and records of a campusflow result file (docs/result-format.md),
// and the HDF5 compound types that describe them.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/procedure_records.hpp"

namespace campusflow::io {

// /trajectory: the Pedestrian Dynamics Data Archive layout (id, frame, x, y,
// z), so PedPy and h5py read results as they read experiments.
struct TrajectoryRow {
  std::int64_t id;
  std::int64_t frame;  // t = frame / fps after the alarm
  double x, y, z;      // [m]; z is the elevation of the agent's level
  bool operator==(const TrajectoryRow&) const = default;
};

// /campusflow/agents: one row per agent, fixed for the run.
struct AgentRow {
  std::int64_t id;
  std::int32_t group;    // index into /campusflow/group_names
  std::int32_t level;    // index into /campusflow/geometry/level_K
  std::int32_t profile;  // index into /campusflow/profile_names
  double radius;         // [m]
  double desired_speed;  // [m/s]
  double pre_movement;   // [s] after the alarm
  double spawn_x, spawn_y;  // [m]
  bool operator==(const AgentRow&) const = default;
};

// /campusflow/exit_events: an agent crossing an exit line.
struct ExitEventRow {
  std::int64_t agent;
  std::int32_t exit;  // index into /campusflow/summary/exit_names
  double time;        // [s] after the alarm
  bool operator==(const ExitEventRow&) const = default;
};

// /campusflow/passages: an agent crossing a door, a stair end or an exit.
struct PassageRow {
  std::int64_t agent;
  std::int32_t place;  // index into /campusflow/places
  double time;         // [s] after the alarm, interpolated within the tick
  bool operator==(const PassageRow&) const = default;
};

// /campusflow/density: an occupied cell of a level's density grid at a sample time.
struct DensityRow {
  double time;         // [s] after the alarm
  std::int32_t level;  // index of /campusflow/geometry/level_K
  double x, y;         // cell centre in the level's own coordinates [m]
  double density;      // [P/m^2]
  bool operator==(const DensityRow&) const = default;
};

// /campusflow/classes: the roll call, one row per group.
struct ClassRow {
  std::int32_t group;  // index into /campusflow/group_names
  double start;        // [s] its first member released; -1 never
  double cleared;      // [s] its last member out of the building; -1 not all
  double assembled;    // [s] its last member safe; -1 not all
  bool operator==(const ClassRow&) const = default;
};

// /campusflow/places: the exits, doors and stair ends, the nodes of the portal graph.
struct PlaceInfo {
  std::string name;
  std::string kind;         // "exit", "door" or "stair end"
  std::int32_t level = 0;   // the floor it is on
  double width = 0.0;       // [m]
};

// The rows are written and read as raw memory through compound types.
static_assert(std::is_standard_layout_v<TrajectoryRow> && std::is_trivially_copyable_v<TrajectoryRow>);
static_assert(std::is_standard_layout_v<AgentRow> && std::is_trivially_copyable_v<AgentRow>);
static_assert(std::is_standard_layout_v<ExitEventRow> && std::is_trivially_copyable_v<ExitEventRow>);
static_assert(std::is_standard_layout_v<PassageRow> && std::is_trivially_copyable_v<PassageRow>);
static_assert(std::is_standard_layout_v<ClassRow> && std::is_trivially_copyable_v<ClassRow>);
static_assert(std::is_standard_layout_v<DensityRow> && std::is_trivially_copyable_v<DensityRow>);
static_assert(sizeof(TrajectoryRow) == 40, "the archive's /trajectory row is 2 x int64 + 3 x float64");

struct LevelGeometry {
  std::string name;
  double elevation = 0.0;  // [m]
  std::string wkt;         // walkable area: POLYGON or MULTIPOLYGON, [m]
};

struct RunInfo {
  std::string scenario_name, scenario_file, scenario_text;
  // The variant of the scenario run and the settings over its text
  // (`run --set`, a study's factors), a JSON array; empty: none.
  std::string variant, overrides;
  std::uint64_t scenario_hash = 0;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string version;
  double dt = 0.0;  // [s] pedestrian tick
};

// An episode of the no-progress detector (docs/models/stuck.md).
struct StuckRow {
  std::int64_t agent = 0;
  std::int32_t level = 0;
  double x = 0.0, y = 0.0, z = 0.0;  // [m] where it stood, building coordinates
  std::string place;                 // the nearest door, stair end or exit; empty: none
  double since = 0.0;                // [s] its distance to its goal last fell then
  double until = -1.0;               // [s] it fell again then; -1: still stuck at the end
  std::string cause;                 // wall, crowd, closed place, no route
};

// An agent that gave up its route because a step of it closed.
struct RerouteRow {
  std::int64_t agent = 0;
  double time = 0.0;                 // [s]
  std::int32_t level = 0;
  double x = 0.0, y = 0.0, z = 0.0;  // [m] building coordinates
  std::string step;                  // the first step of its route that closed (a door, stair or exit)
  std::string route;                 // what it follows now: "fallback" or "nearest safety"
  std::string goal;                  // the fallback's first step, or the safety it heads for; empty: none
};

struct RunSummary {
  // COMPLETE: everyone safe (and the street's vehicles all done); INCOMPLETE otherwise.
  std::string outcome = "COMPLETE";
  std::vector<StuckRow> stuck;       // /campusflow/stuck
  std::vector<RerouteRow> reroutes;  // /campusflow/reroutes
  double evacuation_time = -1.0;  // [s] when the last agent left; -1 if not everyone left
  std::int64_t agents = 0;
  std::int64_t exited = 0;
  // Everyone but staff (docs/models/staff.md): equal to agents and exited without staff.
  std::int64_t pupils = 0;
  std::int64_t pupils_exited = 0;
  std::vector<std::string> exit_names;
  std::vector<std::int64_t> exit_counts;  // parallel to exit_names
  double simulated_time = 0.0;  // [s]
  double wall_time = 0.0;       // [s]
  std::uint64_t state_hash = 0;
  double walking_bound = 0.0;   // [s] analytic lower bound: pre-movement + shortest way / free speed
  double capacity_bound = 0.0;  // [s] analytic lower bound: first release + N / (2.0 P/(m s) x cut width)
  std::string capacity_cut;     // the cut that gives capacity_bound
  std::vector<ClassRow> classes;  // the roll call
  double peak_density = 0.0;      // [P/m^2] the highest density of a 1 m^2 cell, sampled every second
  double peak_density_time = -1.0;  // [s]
  std::int32_t peak_density_level = 0;
  double peak_density_x = 0.0, peak_density_y = 0.0;  // [m] cell centre, level coordinates
  std::vector<std::string> stair_names;   // the stairs, in scenario order
  std::vector<double> stair_peak_density; // [P/m^2] the peak of each flight, parallel to stair_names
  std::vector<double> stair_peak_time;    // [s] when; -1: nobody on it
  std::vector<std::string> flow_places;  // places, as in /campusflow/places
  double flow_bin = 0.0;                 // [s] width of a flow bin
  std::vector<std::int64_t> flow_counts; // (bins x places) passages per bin, row by row
  ProcedureTables procedure;             // the drill's phases and, for a lockdown, its rooms
};

// A row type in memory (native layout, padding included) and in the file
// (little-endian, packed, the archive's types), e.g. "<i8" for id in h5py.
struct CompoundTypes {
  Handle memory;
  Handle file;
};

struct Field {
  const char* name;
  std::size_t offset;  // in the C++ struct
  hid_t memory;        // native type
  hid_t file;          // fixed-size little-endian type on disk
};
// Builds both compound types from one field list, so they cannot disagree.
CompoundTypes build(std::size_t struct_size, std::initializer_list<Field> fields);

CompoundTypes trajectory_types();
CompoundTypes agent_types();
CompoundTypes exit_event_types();
CompoundTypes passage_types();
CompoundTypes class_types();
CompoundTypes density_types();

}  // namespace campusflow::io
