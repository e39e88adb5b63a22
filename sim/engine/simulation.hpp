#pragma once
// One run of a compiled scenario. The run owns all mutable state; the
// scenario is shared read-only (MuJoCo mjModel / mjData). Each call to step()
// runs every event due at the next event time; a pedestrian tick is a short
// list of named, timed stages: grid, plan (parallel, reads only the frozen
// state), commit (in agent order).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include <tbb/task_arena.h>

#include "sim/core/event_queue.hpp"
#include "sim/core/stage_profile.hpp"
#include "sim/engine/class_leading.hpp"
#include "sim/engine/events.hpp"
#include "sim/engine/journeys.hpp"
#include "sim/io/street_records.hpp"
#include "sim/engine/lockdown.hpp"
#include "sim/engine/router.hpp"
#include "sim/engine/staff.hpp"
#include "sim/engine/stuck_watch.hpp"
#include "sim/ped/agents.hpp"
#include "sim/ped/models/cfsm/cfsm_model.hpp"
#include "sim/ped/models/sfm/sfm_model.hpp"
#include "sim/ped/neighbour_grid.hpp"
#include "sim/scenario/compiled_scenario.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

struct RunOptions {
  std::uint64_t seed = 1;
  int threads = 1;
};

struct AgentCounts {
  std::size_t spawned = 0;
  std::size_t inside = 0;  // waiting or walking
  std::size_t exited = 0;
};

struct ExitRecord {
  std::uint32_t agent;
  std::uint32_t exit;
  double time;  // [s], interpolated within the tick
};

// An agent crossing a door, a stair end or an exit.
struct PassageRecord {
  std::uint32_t agent;
  std::uint32_t place;
  double time;  // [s], interpolated within the tick
};

// An agent that gave up the route it followed because a step of it cannot be
// reached any more (a place closed or blocked), and what it follows now.
struct RerouteRecord {
  std::uint32_t agent;
  double time;                // [s]
  std::uint32_t level;        // where it stood: level and level coordinates [m]
  Vec2 position;
  std::int32_t stair;         // the step that closed (or could not be reached): a stair (index) ...
  std::uint32_t place;        // ... or a door or exit (place), when stair < 0
  RouteKind now;              // the group's fallback route, or the nearest safety
  std::uint32_t goal;         // the fallback's first step (a place) or the safety it heads for; kNoPlace: none
};

// A step that produced a non-finite position: the run stops there, before
// the value reaches the agents' state or a file.
struct NumericalFault {
  std::uint32_t agent;
  std::uint32_t group;
  std::uint32_t level;
  Vec2 position;       // where it stood [m]
  std::uint64_t step;  // the pedestrian tick, from 0
  double time;         // [s]
  std::string term;    // the model term that is not finite
};

// What the last step produced, for recorders to read after the step.
struct StepOutput {
  std::optional<std::int64_t> frame;  // a trajectory frame was taken
  std::vector<std::uint32_t> frame_agents;  // ids inside at the frame, ascending
  std::vector<Vec2> frame_positions;        // their positions in plan view [m]
  std::vector<double> frame_z;              // their heights [m]
  std::vector<ExitRecord> exits;
  std::vector<PassageRecord> passages;
  // Street replay rows taken during the step (Simulation::keep_street_frames).
  std::vector<io::StreetFrameRow> street_rows;
};

// Street replay frames per second: vehicles move smoothly enough at 2 fps
// for a viewer that interpolates, at a fifth of the pedestrians' file size.
inline constexpr double kStreetFps = 2.0;

class Simulation {
 public:
  Simulation(const CompiledScenario& scenario, const RunOptions& options);

  // Runs every event due at the next event time. Returns false once finished:
  // everyone has left the building (or a lockdown is secured) and the street
  // has finished, or the time limit, or a numerical fault.
  bool step();
  bool finished() const { return finished_; }
  // The street of the scenario on this run's seed; nullptr without one.
  const StreetSim* street() const { return street_ ? &*street_ : nullptr; }
  // When the street finished [s] (its last tick's end), or -1 while it runs.
  double street_end() const { return street_end_; }
  // Pupils' journeys from the building to the street; nullptr unless a gate
  // of the street is an exit of the building.
  const Journeys* journeys() const { return journeys_ && journeys_->active() ? &*journeys_ : nullptr; }
  // Whether street replay frames are taken into StepOutput::street_rows
  // (the caller moves them out after each step); off by default.
  void keep_street_frames(bool on) { street_frames_on_ = on; }
  // True when the run stopped at the time limit with agents still inside.
  bool timed_out() const { return timed_out_; }
  // Set when a step produced a non-finite position; the run stopped before it.
  const std::optional<NumericalFault>& fault() const { return fault_; }

  TimeUs now() const { return now_; }
  const Agents& agents() const { return agents_; }
  std::span<const std::uint32_t> active() const { return active_; }
  const StepOutput& output() const { return out_; }
  AgentCounts counts() const { return {spawned_, active_.size(), exited_}; }
  // Time the last pupil left [s], or -1 if not all have. Pupils are everyone
  // but staff (docs/models/staff.md); the run ends when staff are safe too.
  double evacuation_time() const;
  std::uint64_t state_hash() const;
  std::uint64_t agent_updates() const { return agent_updates_; }
  const StageProfile& profile() const { return profile_; }
  const CompiledScenario& scenario() const { return scenario_; }
  // Who was stuck where, and who changed routes (docs/models/stuck.md).
  const StuckWatch& stuck_watch() const { return watch_; }
  const std::vector<RerouteRecord>& reroutes() const { return reroutes_; }
  // The place (door, stair end, exit) of agent i's level nearest to it along
  // its floor; kNoPlace on a level without openings.
  std::uint32_t nearest_place(std::uint32_t i) const;
  // The lockdown's rooms and who shelters where; nullptr unless the scenario
  // plays a lockdown (docs/models/procedures.md).
  const Lockdown* lockdown() const { return lockdown_ ? &*lockdown_ : nullptr; }
  // Staff at their posts: who they are, when they were posted, stood down, safe.
  const Staffing& staffing() const { return staff_; }

 private:
  void handle(const SpawnGroup& e);
  void handle(const PedestrianTick& e);
  void handle(const RecordFrame& e);
  void handle(const TimeLimitReached& e);
  void handle(const PlaceChange& e);
  void handle(const StreetTick& e);
  void handle(const RecordStreetFrame& e);
  // The street half (simulation_street.cpp): draws the street on the run's
  // seed and schedules its tick and frames.
  void start_street();
  // The run is over when both halves are.
  void update_finished() { finished_ = finished_ || (building_done_ && street_done_); }
  void rebuild_grids();
  void plan_moves();
  template <class Model>
  void plan_moves_with(const Model& model);
  void commit_moves();
  // Finds the first planned move (in id order) to a non-finite position and
  // notes the fault; true when there is one.
  bool find_nonfinite_move();
  // A lockdown's commit of the n-th active agent's planned move (moves_[n]):
  // it stays inside the building either way.
  void commit_sheltering(std::size_t n);
  // Notes whether agent i is getting anywhere (Agents::stuck).
  void track_progress(std::uint32_t i);
  // The no-progress detector, for the agents due this tick (each once a second).
  void watch_progress();
  // Why agent i, heading for `target` (kNoPlace: no way on), is stuck.
  StuckCause stuck_cause(std::uint32_t i, std::uint32_t target) const;
  // Agent i found no way on the route it follows: it takes the group's
  // fallback route, or heads for the nearest safety.
  void reroute(std::uint32_t i);
  // Whether agent i may cross `place` now; takes a token of a limited door.
  bool admit(std::uint32_t i, std::uint32_t place);
  // Where agent i lands when it crosses stair end `place` at `crossing` with
  // `beyond` metres of its step left: the level on the other side and the
  // mirrored point.
  struct Arrival {
    std::uint32_t level;
    Vec2 position;
  };
  Arrival arrival(std::uint32_t i, std::uint32_t place, const Vec2& crossing, double beyond) const;
  // No body there would overlap agent i's.
  bool free_at(const Arrival& a, std::uint32_t i) const;
  void transfer(std::uint32_t i, std::uint32_t place, const Arrival& a);

  const CompiledScenario& scenario_;
  RunOptions options_;
  tbb::task_arena arena_;
  // The closed set of pedestrian models, dispatched once per stage (STYLE 6).
  std::variant<CfsmModel, SfmModel> model_;
  Router router_;
  std::vector<double> tokens_;  // (places) passages a flow-limited door may still admit
  EventQueue<Event> queue_;
  TimeUs now_ = 0;
  std::uint64_t tick_ = 0;
  std::int64_t frame_ = 0;

  Agents agents_;
  std::vector<std::uint32_t> active_;  // ids inside, ascending
  std::vector<NeighbourGrid> grids_;   // one per level
  std::vector<std::vector<std::uint32_t>> level_ids_;  // scratch: active ids by level
  std::vector<double> headway_;        // (levels) the model's extra length l on the level [m]: a tread on flights

  struct Move {
    double remaining;      // Agents::remaining for classes led by a teacher [m]
    Vec2 position;
    std::uint32_t target;  // the place chosen this tick
    std::uint32_t place;   // the place the step crosses, kNoPlace: none
    double fraction;       // where along the step it is crossed
    bool lost;             // it chose and found no way on its route
  };
  std::vector<Move> moves_;  // (active) planned moves of this tick
  std::vector<std::uint32_t> arrived_;  // agents that changed level during this commit
  std::vector<std::size_t> order_;      // (active) scratch: the order in which moves are committed
  std::vector<char> gone_;              // (active) scratch: left the building during this commit
  ClassLeading classes_;                // teachers and their classes
  std::vector<char> stair_used_;        // (stairs) someone has stepped onto it
  StuckWatch watch_;
  std::uint64_t watch_ticks_ = 1;       // ticks between two observations of an agent (about 1 s)
  std::vector<RerouteRecord> reroutes_;
  std::optional<Lockdown> lockdown_;    // set when the scenario plays a lockdown
  Staffing staff_;                      // staff at their posts (empty without staff)

  // The street: drawn again when the run's seed is not the scenario's
  // (replications differ in their cars), stepped by StreetTick.
  std::optional<CompiledStreet> redrawn_street_;  // outlives street_, which refers to it
  std::optional<StreetSim> street_;
  std::optional<Journeys> journeys_;  // refers to street_
  TimeUs street_dt_ = 0;            // the vehicle tick [us]
  TimeUs street_frame_interval_ = 0;
  std::int64_t street_frame_ = 0;
  bool street_frames_on_ = false;
  double street_end_ = -1.0;
  bool building_done_ = false;      // everyone left, or the lockdown is secured
  bool street_done_ = true;         // no street, or it finished

  std::size_t spawned_ = 0;
  std::size_t exited_ = 0;
  std::uint64_t agent_updates_ = 0;
  bool finished_ = false;
  bool timed_out_ = false;
  std::optional<NumericalFault> fault_;
  StepOutput out_;
  StageProfile profile_;
};

}  // namespace campusflow
