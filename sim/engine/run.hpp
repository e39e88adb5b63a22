#pragma once
// Running a scenario to the end: the simulation loop, progress reports, an
// optional HDF5 result written while the run goes, and a stop flag for
// interruption (the result then stays marked incomplete).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/class_results.hpp"
#include "sim/engine/density_recorder.hpp"
#include "sim/engine/lower_bounds.hpp"
#include "sim/engine/outcome.hpp"
#include "sim/engine/procedure_results.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/engine/street_results.hpp"

namespace campusflow {

struct Progress {
  double simulated_time;  // [s]
  double wall_time;       // [s]
  std::size_t inside;
  std::size_t total;
};

struct RunControl {
  std::function<void(const Progress&)> on_progress;  // called about every `progress_interval` of wall time
  double progress_interval = 0.25;                   // [s]
  const std::atomic<bool>* stop = nullptr;           // set to true to interrupt
};

struct RunReport {
  // Everyone safe (and, with a street, every vehicle done and every pupil on
  // the street arrived): COMPLETE; otherwise INCOMPLETE, and `unsafe` says where.
  bool complete = false;
  std::vector<UnsafeGroup> unsafe;        // those still inside, by place
  std::vector<StuckEpisode> stuck;        // every episode of no progress, resolved or not
  std::vector<RerouteRecord> reroutes;    // agents that gave up a route with a closed step
  bool interrupted = false;
  // A step produced a non-finite position: the run stopped there (exit 1),
  // and its result stays a .partial marked incomplete, like an interrupted one.
  std::optional<NumericalFault> fault;
  bool timed_out = false;            // time limit reached with agents inside
  double evacuation_time = -1.0;     // [s], -1 when not everyone left
  double simulated_time = 0.0;       // [s]
  double wall_time = 0.0;            // [s]
  AgentCounts counts;
  // Pupils: everyone but staff (docs/models/staff.md); the evacuation time,
  // roll call and lower bounds are theirs.
  std::size_t pupils = 0;
  std::size_t pupils_exited = 0;
  std::vector<std::string> exit_names;
  std::vector<std::int64_t> exit_counts;
  std::uint64_t state_hash = 0;
  std::uint64_t agent_updates = 0;
  LowerBounds bounds;                // analytic lower bounds of the evacuation time
  std::vector<ClassResult> classes;  // the roll call, by group
  PeakDensity peak_density;          // the most crowded 1 m^2 cell, sampled every second
  std::vector<PeakDensity> stair_peaks;  // (stairs) the most crowded cell of each flight
  double stage_seconds[static_cast<std::size_t>(Stage::kCount)] = {};
  std::optional<StreetReport> street;  // gate traffic, when the scenario has a street
  // Pupils' journeys from the building to the street, at the end, when a
  // gate is a building exit (docs/models/journeys.md); the number of pick-up
  // children no pupil was left for.
  std::optional<JourneyCounts> journeys;
  std::size_t unpaired_children = 0;
  // The drill's phases and a lockdown's rooms (docs/models/procedures.md). A
  // lockdown is complete when every occupied room is secured and everyone
  // shelters in one, not when everyone has left.
  io::ProcedureTables procedure;
  std::size_t sheltered = 0;         // a lockdown: agents sheltering in their room at the end

  double real_time_factor() const { return wall_time > 0.0 ? simulated_time / wall_time : 0.0; }
};

// Runs to the end. With an output path the result is written to
// "<path>.partial" during the run and renamed to <path> when it completes.
// Throws io::IoError when the result cannot be written.
RunReport run_scenario(const CompiledScenario& scenario, const RunOptions& options,
                       const std::optional<std::filesystem::path>& output, const RunControl& control = {});

}  // namespace campusflow
