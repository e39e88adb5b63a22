#pragma once
// The mutable state of the street during a run: vehicles, pupils on the
// sidewalks, curb stalls, crossing guards, and what the metrics collect.
// Owned by StreetSim; plain data so that stages in separate files share it.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "sim/traffic/entry_queue.hpp"
#include "sim/traffic/sidewalks.hpp"

namespace campusflow {

enum class VehiclePhase : std::uint8_t { kPending, kDriving, kManoeuvring, kParked, kLeaving, kDone };

struct Vehicle {
  std::uint32_t demand = 0;  // row of CompiledStreet::vehicles
  std::uint32_t type = 0;
  VehiclePhase phase = VehiclePhase::kPending;
  std::uint32_t route = 0;   // index into StreetSim::routes(): the scenario's route, or a detour
  std::uint32_t step = 0;    // index into its route's links
  std::uint32_t stop_step = 0;  // which link of its route its stop is on
  std::uint32_t link = 0, lane = 0;
  double s = 0.0;            // front bumper along the link [m]
  double v = 0.0, a = 0.0;   // [m/s], [m/s^2] (a: of the last tick)
  std::int32_t stall = -1;   // reserved stall in its zone
  std::int32_t served_stall = -1;  // the stall it stopped in (kept for the results)
  bool stopped = false;      // its stop is done (or it has none)
  bool off_lane = false;     // standing in a lay-by stall, a lot or underground
  double until = 0.0;        // end of the current manoeuvre or dwell [s]
  double last_change = -1e9; // time of its last lane change [s]
  std::int32_t awaiting = 0;  // people it waits for: an escorting parent, pupils it picks up
  bool hard_braking = false;
  // Results.
  double depart = -1.0, arrival = -1.0, stop_start = -1.0, stop_end = -1.0, distance = 0.0;
};

// kFetch: a parent who walks from the car to the gate, waits there for its
// children (pupils from the building) and walks back with them.
enum class WalkerKind : std::uint8_t { kFromCar = 0, kWalkIn = 1, kFromBus = 2, kEscort = 3, kToCar = 4, kFetch = 5 };

struct Walker {
  std::string id;
  WalkerKind kind = WalkerKind::kFromCar;
  std::vector<WalkPiece> pieces;
  std::uint32_t piece = 0;
  double along = 0.0;        // [m] into the current piece
  double speed = 1.2;        // [m/s]
  double start = 0.0, arrival = -1.0, distance = 0.0;
  double waited = 0.0;       // at crossings [s]
  double waiting_since = -1.0;
  std::int32_t vehicle = -1; // escorts and pupils being picked up: the car waiting for them
  std::int32_t pupil = -1;   // a pupil from the building: its agent id (docs/models/journeys.md)
  std::uint32_t returns_from = 0;  // escorts and fetching parents: pieces from this index lead back to the car
  double at_gate = -1.0, met = -1.0;  // a fetching parent: reached the gate, set off back with its children [s]
  // The gate's entry check: when it joined the line, was called and was done
  // [s]; -1: not (yet). Its arrival is the end of its check.
  double queued = -1.0, check_start = -1.0, check_end = -1.0;
};

// One gate's entry check: its line and staff, and those being checked.
struct EntryLine {
  EntryQueue queue{0};
  std::vector<std::uint32_t> checking;
};

struct StallState {
  std::int32_t vehicle = -1;  // reserved by or occupied by
};

struct ZoneState {
  std::vector<StallState> stalls;
  bool platoon_closed = false;  // platoon discipline: filled, serving
};

struct GuardState {
  bool holding = false;
  double hold_until = 0.0, green_until = 0.0;  // [s]
};

struct CrossingState {
  // By leg, for the post-encroachment time: when the last vehicle's rear
  // left the leg's conflict area, and when the last pupil will have left its
  // lanes (pupils walk on at their speed once they step on) [s].
  std::vector<double> last_vehicle_exit, last_walker_exit;
  bool walkers_on = false;
  // By leg: a pupil on the crossing is on its lanes or walking towards them
  // (within kClaimDistance). Drivers yield per leg.
  std::vector<char> leg_claimed;
  // By leg: the earliest time a pupil who has announced the crossing (at
  // its curb, or walking up to it) reaches its lanes [s]; +inf: none.
  std::vector<double> leg_arrival;
};

enum class ConflictKind : std::uint8_t { kTimeToCollision = 0, kPostEncroachment = 1, kHardBraking = 2 };
struct Conflict {
  ConflictKind kind;
  double time;
  std::int32_t a, b;  // vehicle, vehicle or walker (-1 none)
  double value;       // TTC [s], PET [s] or deceleration [m/s^2]
  double x, y;
};

struct SpillbackEpisode {
  std::int32_t approach;
  double start, end, extent;
};

}  // namespace campusflow
