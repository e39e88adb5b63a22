#pragma once
// A validated, precomputed scenario: immutable, shared read-only by every run
// (replications, sweeps, threads). The engine never sees JSON (MuJoCo mjModel).
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/core/time.hpp"
#include "sim/geometry/walkable_level.hpp"
#include "sim/ped/profile.hpp"
#include "sim/ped/routing/portal_graph.hpp"
#include "sim/scenario/scenario_spec.hpp"
#include "sim/traffic/street.hpp"

namespace campusflow {

struct CompiledSettings {
  TimeUs dt = 0;              // pedestrian tick [us]
  TimeUs time_limit = 0;      // [us]
  TimeUs frame_interval = 0;  // between trajectory frames [us], a multiple of dt
  std::uint64_t seed = 1;
  double output_fps = 10.0;   // [1/s]
};

// Where agents reach safety: an exit of the outline or an assembly point.
struct CompiledExit {
  std::string name;
  std::uint32_t level = 0;
  Segment segment;          // exits; empty for assembly points
  std::uint32_t place = 0;  // its node in the portal graph
};

// A node of the portal graph: an exit, a door or one end of a stair. A stair
// end is an opening of two levels, its floor and the stair's own level.
enum class PlaceKind : std::uint8_t { kExit, kDoor, kStairEnd, kAssembly };
struct CompiledPlace {
  std::string name;             // the exit's or door's name; "STAIR (from)" / "STAIR (to)"
  PlaceKind kind = PlaceKind::kExit;
  std::uint32_t level = 0;      // the floor it is on
  double width = 0.0;           // [m]
  std::int32_t exit = -1;       // index into exits, for exits
  std::int32_t stair = -1;      // index into stairs, for stair ends
  bool open = true;             // doors: open at the alarm
  double flow_limit = 0.0;      // doors: at most this many per second [P/s]; 0: no limit
  bool building_exit = false;   // doors and stair ends: leads out of the building
  std::string source;           // where the scenario file defines it, for messages ("levels[0].doors[2]")
};

struct CompiledStair {
  std::string name;
  std::uint32_t level = 0;             // the stair's own level
  std::uint32_t from_place = 0;        // the x = 0 end
  std::uint32_t to_place = 0;          // the x = length end
  std::uint32_t from_level = 0, to_level = 0;  // the floors it joins
  double length = 0.0;                 // along the slope [m]
  double width = 0.0;                  // [m]
  bool rises = false;                  // walking from -> to goes up
  bool flat = false;                   // no rise: a path between levels, walked at level speed
  double up_factor = -1.0;             // speed factor walking up; < 0: the profile's
  double down_factor = -1.0;           // ... walking down
};

// A step of a posted route: the places that complete it (one for an exit or
// door, the far end of a stair).
struct RouteStep {
  std::vector<std::uint32_t> places;  // reaching any of them completes the step
  std::int32_t stair = -1;            // the stair named, if any
};

struct CompiledEvent {
  TimeUs time = 0;
  EventKind kind = EventKind::kClose;
  std::vector<std::uint32_t> places;  // a door or exit, one end of a stair, or both ends
  // Both ends of a stair: nobody steps onto the flight, those on it step off
  // by either end (Router::Closure::kNoEntry).
  bool whole_stair = false;
};

struct CompiledGroup {
  std::string name;
  std::uint32_t level = 0;
  std::uint32_t count = 0;         // agents, the teacher included
  std::uint32_t first_agent = 0;  // agents first_agent .. first_agent + count - 1
  bool teacher = false;           // first_agent is the class's teacher (an adult), who leads it
  Vec2 teacher_position = Vec2::Zero();
  double teacher_radius = 0.15;   // [m]
  double spread = 10.0;           // [m] how far the last pupil may fall behind the teacher
  TimeUs release_at = 0;          // [us] the class's pre-movement starts then ...
  std::int32_t release_when_clear = -1;  // ... or once this stair has been used and is empty again
  ProfileId profile = ProfileId::kAdult;
  double radius = 0.2;            // [m]
  Distribution desired_speed;     // [m/s]
  Distribution pre_movement;      // [s]
  std::vector<Vec2> positions;    // explicit positions (the teacher's first), or empty
  std::vector<Vec2> candidates;   // free places in the spawn area to draw from
  std::vector<RouteStep> route;   // the posted route; empty: none
  std::vector<RouteStep> fallback;  // the way posted for when a step of `route` closes; empty: nearest safety
  RouteChoice route_choice = RouteChoice::kShortest;  // beyond the posted route
  std::int32_t staff = -1;        // a staff member's own group (index into staff); -1: a class or crowd
};

// A staff member at a post (docs/models/staff.md). Each has a group of its
// own, after every scenario group, so that the roll call and the lower bounds
// (which are the pupils') stop at CompiledScenario::class_groups().
struct CompiledStaff {
  std::string name;
  std::uint32_t agent = 0;         // the staff member's agent id
  std::uint32_t level = 0;         // where it stands: the place's side it acts on
  Vec2 post = Vec2::Zero();        // [m], level coordinates
  StaffDuty duty = StaffDuty::kMeter;
  std::uint32_t place = 0;         // the door, exit or stair end acted on; kNoPlace (max) for a sweep
  double rate = 0.0;               // meter: [P/s]
  double radius = 0.0;             // direct: [m] those within it of the post are sent via `route`
  std::vector<RouteStep> route;    // direct: the one step they are sent to (the place; a stair's far end)
  TimeUs until_time = std::numeric_limits<TimeUs>::max();  // stand down at this time [us]; max: never ...
  std::int32_t until_clear = -1;   // ... or once nobody but staff is on this level; -1: none. A sweep: its
                                   // own level, and the condition starts the sweep instead
};

// A room: a part of a floor enclosed by walls and doors, which no exit, stair
// end or assembly point opens (a corridor or a yard is no room). Found for a
// lockdown (compile_procedure.hpp); a room has at least one door.
struct CompiledRoom {
  std::string name;                  // "room behind DOOR" (its first door; " + DOOR" for each further one)
  std::uint32_t level = 0;
  std::vector<std::uint32_t> doors;  // places, ascending
  double area = 0.0;                 // [m^2] its floor, from the cells of `region`
  // Finite exactly on the room's floor (its doors shut): the way to its far
  // side, the point farthest from its first door, away from the doors [m].
  DistanceField region;
};

struct CompiledScenario {
  std::string file;
  std::string name;
  std::string description;
  std::string text;            // the scenario file as read
  std::string variant;         // ScenarioSpec::variant and ::overrides
  std::string overrides;
  std::vector<std::string> variant_names;  // the file's named variants (`check` checks each)
  std::uint64_t hash = 0;      // FNV-1a of `text` and the overrides
  CompiledSettings settings;
  ModelSpec model;
  std::vector<WalkableLevel> levels;  // the scenario's levels, then one per stair
  std::size_t floor_count = 0;        // levels that are not stairs
  std::vector<CompiledExit> exits;
  std::vector<CompiledPlace> places;
  std::vector<CompiledStair> stairs;
  PortalGraph graph;                  // over `places`
  std::vector<CompiledEvent> events;
  std::vector<CompiledGroup> groups;
  std::uint32_t agent_count = 0;
  double max_radius = 0.0;         // [m]
  double max_desired_speed = 0.0;  // [m/s], upper bound of all speed distributions
  std::optional<CompiledStreet> street;  // gate traffic, when the scenario has a street
  // By exit: the street's gate it is (GateSpec::exit), or -1. Pupils leaving
  // by such an exit go on to the street (docs/models/journeys.md).
  std::vector<std::int32_t> exit_gate;
  // The drill played (docs/models/procedures.md). For an earthquake every
  // group's release_at already includes the hold: times still count from the alarm.
  ProcedureSpec procedure;
  std::vector<CompiledRoom> rooms;  // a lockdown's rooms, level by level; empty otherwise
  std::vector<CompiledStaff> staff;  // staff at their posts; their groups close `groups`

  // The scenario's own groups: the classes and crowds, without the staff's.
  std::size_t class_groups() const { return groups.size() - staff.size(); }
};

// The places where agents are safe (exits and assembly points), the targets
// of every way out.
inline std::vector<std::uint32_t> safety_places(const CompiledScenario& sc) {
  std::vector<std::uint32_t> out;
  for (const CompiledExit& e : sc.exits) out.push_back(e.place);
  return out;
}

// (places) 1 for the doors shut at the alarm: nobody crosses them until an
// event opens them.
inline std::vector<char> closed_at_alarm(const CompiledScenario& sc) {
  std::vector<char> closed(sc.places.size(), 0);
  for (std::size_t p = 0; p < sc.places.size(); ++p) closed[p] = !sc.places[p].open;
  return closed;
}

// (places) 1 for the places closed for the whole run: shut at the alarm (a
// door not open, an event at t = 0 that closes or blocks it) and never opened
// or unblocked by any event, at any time.
inline std::vector<char> closed_for_whole_run(const CompiledScenario& sc) {
  std::vector<char> closed = closed_at_alarm(sc);
  for (const CompiledEvent& e : sc.events)
    if (e.time == 0 && (e.kind == EventKind::kClose || e.kind == EventKind::kBlock))
      for (std::uint32_t p : e.places) closed[p] = 1;
  for (const CompiledEvent& e : sc.events)
    if (e.kind == EventKind::kOpen || e.kind == EventKind::kUnblock)
      for (std::uint32_t p : e.places) closed[p] = 0;
  return closed;
}

}  // namespace campusflow
