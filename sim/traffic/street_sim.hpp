#pragma once
// Gate traffic for one run: vehicles under the intelligent driver model with
// MOBIL lane changes on the compiled street, curb stalls as servers, pupils
// walking the sidewalks to the gate, crossings, guards and signals, and the
// metrics of docs/metrics.md. A tick is a short list of named stages:
//   insert -> lanes -> plan (parallel, from the frozen state) -> commit ->
//   curbs -> walkers -> guards -> measure.
// Plans read only the state of the previous tick and each writes its own
// vehicle's slot, so results do not depend on the number of threads.
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "sim/core/stage_profile.hpp"
#include "sim/traffic/street.hpp"
#include "sim/traffic/street_state.hpp"

namespace campusflow {

// Post-encroachment time below which a vehicle and a pupil on one leg of a
// crossing are a conflict [s] (VALIDATION.md: 1.5-2 s).
inline constexpr double kPetThreshold = 2.0;

// How far ahead a vehicle at speed v [m/s] can still stop comfortably for a
// crossing or a stop line: v^2 / b, i.e. braking at b/2 on average.
inline double yield_distance(const IdmParams& p, double v) { return v * v / p.comfortable_deceleration; }

struct StreetPlan {
  double accel = 0.0;           // [m/s^2] staying in its lane
  std::int32_t change_to = -1;  // lane to change to, or -1
  double change_accel = 0.0;    // [m/s^2] after changing
};

// What was ahead of a vehicle: the gap [m] and the speed [m/s] of the obstacle.
struct Ahead {
  double gap;
  double speed;
};

class StreetSim {
 public:
  StreetSim(const CompiledStreet& street, std::uint64_t seed);

  // Plans go to tbb::parallel_for from this many vehicles in the network on
  // (below, handing out the work costs more than it saves). Tests set 0 to
  // prove that threads do not change results.
  void set_parallel_threshold(std::size_t vehicles) { parallel_threshold_ = vehicles; }

  // Advances by one vehicle tick to time t + dt [s], timing its stages in
  // `profile` (Stage::kStreetPlan, kStreetCommit).
  void step(double t, double dt, StageProfile& profile);
  void step(double t, double dt) {
    StageProfile unused;
    step(t, dt, unused);
  }

  // Every vehicle that entered has left, every pupil arrived, no demand left.
  bool finished() const;
  std::size_t vehicles_inside() const;
  std::uint64_t vehicle_updates() const { return vehicle_updates_; }
  std::uint64_t state_hash() const;

  const CompiledStreet& street() const { return street_; }
  const std::vector<Vehicle>& vehicles() const { return vehicles_; }
  // Routes by index (Vehicle::route): the scenario's, then the detours taken
  // around closures and banned turns, in the order they were first taken.
  const std::vector<std::vector<std::uint32_t>>& routes() const { return routes_; }
  const std::vector<Walker>& walkers() const { return walkers_; }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  // For replays: what signalised connection `connection` shows at time t
  // (0 red, 1 amber, 2 green; -1 it has no signal), and whether guard `g`
  // holds traffic now.
  int signal_aspect(std::int32_t connection, double t) const;
  bool guard_holding(std::size_t g) const { return guards_[g].holding; }
  const std::vector<SpillbackEpisode>& spillbacks() const { return spillbacks_; }
  const std::vector<double>& queue_times() const { return queue_times_; }
  const std::vector<double>& queue_tails() const { return queue_tails_; }  // (samples x approaches)
  const std::vector<ZoneState>& zones() const { return zones_; }
  const std::vector<double>& stall_busy() const { return stall_busy_; }  // [zone-major stall] occupied seconds

  // Pupils from the building (street_pupils.cpp, docs/models/journeys.md).
  // A pick-up slot is one child of a pick-up vehicle, in demand order.
  std::size_t pick_up_slots() const { return slot_vehicle_.size(); }
  std::uint32_t slot_vehicle(std::size_t slot) const { return slot_vehicle_[slot]; }
  // The walker of a slot's child, once its car has stopped; -1 before.
  std::int32_t slot_walker(std::size_t slot) const { return slot_walker_[slot]; }
  // From now on pick-up children are pupils of the building: a child walks
  // from the gate to its car once both are ready (not at the vehicle's
  // `release`): the car stands in its stall, or with a call line, it has
  // its stall and is `call_distance` metres from it (calls()).
  void take_pupils_from_building(std::optional<double> call_distance);
  // Pupil `pupil` of slot `slot` reached the gate at t [s].
  void pupil_at_gate(std::size_t slot, std::uint32_t pupil, double t);
  // The slots whose car called during the last tick.
  const std::vector<std::uint32_t>& calls() const { return calls_; }

  // World position of a vehicle's centre on its lane (or beside it in a stall).
  Vec2 vehicle_position(const Vehicle& v) const;
  Vec2 walker_position(const Walker& w) const;

 private:
  const CompiledStreet& street_;
  std::uint64_t seed_;
  std::vector<Vehicle> vehicles_;          // one per demand row, in demand order
  std::vector<std::vector<std::uint32_t>> routes_;  // the scenario's routes, then detours (links)
  // Which restrictions are in force, and a count bumped whenever that
  // changes: a car found held stays held, without a new search, until then.
  std::vector<char> restriction_on_;
  std::uint64_t restriction_epoch_ = 1;
  std::vector<std::uint64_t> held_epoch_;  // by vehicle: the epoch it was found held in (0: never)
  std::vector<std::size_t> next_pending_;  // by route start link: the first row of pending_ not yet entered
  std::vector<std::vector<std::uint32_t>> pending_;  // by start link: demand rows in time order
  std::vector<std::uint32_t> lane_base_;   // first lane id of each link
  std::vector<std::vector<std::uint32_t>> lanes_;  // by lane id: vehicles front first
  std::vector<StreetPlan> plans_;
  // Vehicles in the network (neither pending nor done), ascending: every
  // per-tick loop runs over these, in this order, so results do not depend
  // on how many wait outside or have left.
  std::vector<std::uint32_t> active_;
  std::size_t done_ = 0;
  std::size_t parallel_threshold_ = 2048;
  std::vector<Walker> walkers_;
  std::vector<EntryLine> entry_lines_;  // by gate
  std::size_t next_walk_in_ = 0;
  std::vector<ZoneState> zones_;
  std::vector<double> stall_busy_;
  std::vector<std::size_t> stall_base_;
  std::vector<GuardState> guards_;
  std::vector<CrossingState> crossings_;
  std::vector<Conflict> conflicts_;
  std::map<std::pair<std::int32_t, std::int32_t>, std::size_t> ttc_pairs_;  // pair -> index into conflicts_
  std::vector<SpillbackEpisode> spillbacks_;
  std::vector<std::int32_t> open_spill_;   // by approach: open episode or -1
  std::vector<double> queue_times_, queue_tails_;
  double next_sample_ = 1.0;  // [s] the next queue sample
  std::uint64_t vehicle_updates_ = 0;
  std::uint64_t ticks_ = 0;
  // Pupils from the building (street_pupils.cpp).
  bool from_building_ = false;
  std::optional<double> call_distance_;     // [m] the call line, when there is one
  std::vector<std::int32_t> slot_base_;     // by vehicle: its first pick-up slot, -1 none
  std::vector<std::uint32_t> slot_vehicle_; // by slot
  std::vector<double> slot_gate_;           // by slot: its pupil reached the gate [s]; +inf not yet
  std::vector<std::int32_t> slot_pupil_;    // by slot: the pupil's agent id, -1 not yet
  std::vector<std::int32_t> slot_walker_;   // by slot: its walker, -1 before its car stopped
  std::vector<double> slot_ready_;          // by slot: when its car stopped or called [s]
  std::vector<char> called_;                // by vehicle: its children have been called
  std::vector<std::uint32_t> calls_;        // slots called during the last tick

  // Stages (street_insert.cpp, street_plan.cpp, street_commit.cpp, street_curbs.cpp,
  // street_walkers.cpp, street_measure.cpp).
  void insert(double t);
  void build_lanes();
  StreetPlan plan(std::uint32_t i, double t) const;
  void commit(double t, double dt);
  void serve_curbs(double t, double dt);
  void move_walkers(double t, double dt);
  // Gates' entry checks at time t: calls the next in line to each member of
  // staff free by then; those whose check has ended arrive.
  void run_entry_checks(double t);
  void run_guards(double t);
  void measure(double t, double dt);

  // Entering the network (street_sim.cpp). Whether a route is free of
  // closed links and banned turns at time t.
  bool route_open(const std::vector<std::uint32_t>& links, double t) const;
  // The quickest way (free-flow time, restrictions at t) from link `from`
  // to link `to`, both included; empty when there is none.
  std::vector<std::uint32_t> quickest_path(std::uint32_t from, std::uint32_t to, double t, double v0) const;
  // May vehicle i enter now by its route, or by a detour (then its route
  // and stop step change)? False: held until the restrictions change.
  bool may_enter(std::uint32_t i, double t);

  // Queries on the frozen state.
  std::uint32_t lane_id(std::uint32_t link, std::uint32_t lane) const { return lane_base_[link] + lane; }
  // The order of a lane's list: front first, ties by index.
  bool ahead(std::uint32_t a, std::uint32_t b) const {
    return vehicles_[a].s != vehicles_[b].s ? vehicles_[a].s > vehicles_[b].s : a < b;
  }
  // Puts vehicle i into a lane's list in that order (a lane change, a car
  // joining from a stall), so later stages of the tick see it.
  void place_in_lane(std::uint32_t lane, std::uint32_t i);
  const IdmParams& idm(const Vehicle& v) const { return street_.spec.vehicle_types[v.type].idm; }
  double length(const Vehicle& v) const { return idm(v).length; }
  double speed_limit(std::uint32_t link, double t) const;
  // The nearest vehicle ahead of position s on (link, lane), looking along
  // the route of `route` (index into routes_) from `step` up to `range` metres; gap +inf when none.
  Ahead leader(std::size_t route, std::uint32_t step, std::uint32_t lane, double s, double range,
               std::int32_t self) const;
  // The nearest vehicle behind position s on (link, lane): its index and gap to a rear at `rear`.
  std::int32_t follower(std::uint32_t link, std::uint32_t lane, double s, double& gap_out, std::int32_t self) const;
  // The nearest place ahead where vehicle i must stop now (stall, wait point,
  // crossing, red signal), as a gap [m]; +inf when none.
  double stop_ahead(std::uint32_t i, double t) const;
  double idm_accel(const Vehicle& v, double limit, const Ahead& ahead) const;
  double limit_accel(const Vehicle& v, double limit, double seen, double next) const;
  double stop_accel(const Vehicle& v, double limit, double gap) const;
  std::int32_t needed_lane(const Vehicle& v) const;
  // Must vehicles stop before leg `leg` of the crossing? (A guard's hold or a
  // walk phase stops every leg; pupils claim the legs they are on or about to reach.)
  // Whether driver v, to_leg metres before a crossing's leg, must yield there.
  bool crossing_blocked_for(std::uint32_t crossing, std::size_t leg, double t, const Vehicle& v,
                            double to_leg) const;
  bool walk_phase(std::uint32_t crossing, double t) const;
  // Marks the legs of a crossing a pupil `ahead` metres before it (negative:
  // on it) claims, walking it in the direction of `piece`.
  void claim_legs(const WalkPiece& piece, double along, double speed, double t);
  bool signal_green(std::int32_t connection, double t) const;
  void reserve_stall(std::uint32_t i, double t);
  // Where a driver with no stall yet waits for one: the zone's entrance, or
  // further back where a car leaving would otherwise find it closer than s0
  // behind: the car in a lay-by's entrance stall (keep_exit_clear), a lot's
  // or garage's exit on the same link just beyond the entrance.
  double wait_point(std::int32_t zone, const Vehicle& v) const;
  // How close behind a vehicle entering a lane the one behind may be.
  enum class FollowerRule {
    // Changing lanes (MOBIL): the follower, driving on for `reaction` seconds
    // first, need not brake harder than its safe deceleration.
    kMobil,
    // Pulling out from a standstill (a stall, a lot's exit): the follower
    // keeps s0 plus the distance it needs to stop at its comfortable
    // deceleration after its headway time T (Gipps 1981's safe gap; SUMO's
    // secure gap for a vehicle leaving a parking place).
    kSecureGap,
  };
  // Room for a vehicle of length `len` with its front at `front`: clear of
  // the vehicle ahead by s0, and the one behind far enough back by `rule`.
  bool lane_has_room(std::uint32_t link, std::uint32_t lane, double front, double len, std::int32_t self,
                     FollowerRule rule, double reaction = 0.0) const;
  void spawn_children(std::uint32_t i, double t);
  // The pick-up slots of each vehicle (constructor).
  void number_slots();
  // Calls the children of pick-up cars that have reached the call line.
  void call_pupils(double t);
  // The pupil of pick-up slot (vehicle i, child c) sets off from the gate
  // along `way` to its car once both are ready: the car stopped or called at t.
  void add_pupil_walker(std::uint32_t i, std::uint32_t c, const std::vector<WalkPiece>& way, double t);
  // The sidewalks from `pos` on `link` (and `access` metres from a lot's
  // stall) to the gate; empty when the gate cannot be reached.
  std::vector<WalkPiece> way_to_gate(std::uint32_t link, double pos, double access) const;
  static std::vector<WalkPiece> reversed(const std::vector<WalkPiece>& way);
  // A parent fetching at the gate at t: its children may set off once it is
  // there and they are; true once all have (it walks back with them).
  bool children_ready(Walker& parent, double t);
  void finish_stop(std::uint32_t i, double t);
};

}  // namespace campusflow
