#pragma once
// The scenario as written, after parsing and structural validation: plain data
// with names resolved to indices, in SI units. Nothing here has been sampled or
// precomputed; compile_scenario turns it into a CompiledScenario.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/geometry/polygon.hpp"
#include "sim/ped/models/cfsm/cfsm_params.hpp"
#include "sim/ped/models/sfm/sfm_params.hpp"
#include "sim/ped/profile.hpp"
#include "sim/scenario/procedure_spec.hpp"
#include "sim/scenario/scenario_patch.hpp"
#include "sim/scenario/staff_spec.hpp"
#include "sim/traffic/street_spec.hpp"

namespace campusflow {

struct SettingsSpec {
  double dt = 0.05;            // pedestrian tick [s], (0, 0.5]
  double time_limit = 900.0;   // [s], (0, 86400]
  std::uint64_t seed = 1;      // default seed; the command line may override it
  double output_fps = 10.0;    // trajectory frames per second [1/s], (0, 1/dt], 1/fps a multiple of dt
  double field_cell = 0.125;   // distance-field grid cell [m], [0.05, 0.5]
};

enum class PedModelKind { kCollisionFreeSpeed, kSocialForce };

struct ModelSpec {
  PedModelKind kind = PedModelKind::kCollisionFreeSpeed;
  CfsmParams cfsm;  // used when kind is kCollisionFreeSpeed
  SfmParams sfm;    // used when kind is kSocialForce
};

struct ExitSpec {
  std::string name;
  Segment segment;  // on the level's outer boundary
};

// A door: a line across a gap in the walls of one level, which agents cross
// in either direction. A closed door is a wall; a flow limit caps how many
// pass per second (SFPE-style design value, e.g. 1.33 P/(m s)).
struct DoorSpec {
  std::string name;
  Segment segment;                  // both ends on walls (outline or obstacles)
  bool open = true;
  std::optional<double> flow_limit; // [P/(m s)], > 0
  bool building_exit = false;       // leads out of the building: a class has cleared it when its last pupil passed
};

// An assembly point: an area where agents are safe once they step into it.
struct AssemblySpec {
  std::string name;
  Ring area;  // inside the outline, counter-clockwise
};

struct LevelSpec {
  std::string name;
  double elevation = 0.0;   // [m]
  Ring outline;             // walkable outline, counter-clockwise after parsing
  std::vector<Ring> obstacles;
  std::vector<ExitSpec> exits;
  std::vector<DoorSpec> doors;
  std::vector<AssemblySpec> assembly_points;
};

// One end of a stair: a stretch of an outline edge of a level, like an exit.
struct StairEndSpec {
  std::size_t level = 0;  // index into ScenarioSpec::levels
  Segment segment;        // on the level's outer boundary, in its counter-clockwise direction
};

// A straight flight joining two levels. Agents on it walk `length` metres
// along the slope at their level speed times the profile's stair factor
// (sim/ped/stair_speed.hpp) unless the stair overrides the factors.
struct StairSpec {
  std::string name;
  StairEndSpec from;             // the x = 0 end of the flight
  StairEndSpec to;               // the x = length end
  double length = 0.0;           // along the slope [m], > 0
  std::optional<double> up_factor;    // overrides every profile's factor walking up [-]
  std::optional<double> down_factor;  // ... walking down [-]
  bool building_exit = false;         // leads out of the building (a level path to the yard, say)
};

// Something that happens at a set time: a door closes or opens, a stair,
// exit or door is blocked (agents re-route) or unblocked.
enum class EventKind { kClose, kOpen, kBlock, kUnblock };
struct EventSpec {
  double time = 0.0;    // [s] after the alarm
  EventKind kind = EventKind::kClose;
  std::string target;   // name of a door, stair or exit
  // A stair blocked at one end only: the name of the level of that end. The
  // end is shut both ways and those on the flight leave by the other end.
  // Empty: the whole stair (nobody steps on; those on it step off by either end).
  std::string end;
};

enum class RouteChoice { kShortest, kQuickest };

struct GroupSpec {
  std::string name;
  std::size_t level = 0;              // index into ScenarioSpec::levels
  std::size_t count = 0;              // number of agents
  std::optional<Ring> spawn_polygon;  // either a polygon to fill ...
  std::vector<Vec2> positions;        // ... or explicit positions (then count == positions.size())
  ProfileId profile = ProfileId::kAdult;
  std::optional<Distribution> desired_speed;  // [m/s]; the profile's when absent
  Distribution pre_movement = Distribution::constant(0.0);  // [s]
  // The posted route: names of doors, stairs and exits in walking order;
  // empty for the shortest route. Gaps between them are filled by the
  // shortest way.
  std::vector<std::string> route;
  // The way posted for when a step of `route` closes; empty: the nearest
  // safety that can still be reached.
  std::vector<std::string> fallback;
  // How the way is chosen where no posted route step decides it: the
  // shortest, or the quickest (distance plus the expected wait at each
  // opening, chosen again every few seconds).
  RouteChoice route_choice = RouteChoice::kShortest;
  // A teacher who leads the class: an adult agent starting here. Pupils do
  // not overtake the teacher; the teacher waits while the last pupil is more
  // than `spread` behind (along the way).
  std::optional<Vec2> teacher;
  double spread = 10.0;  // [m], (0, 100]
  // Staged release: the class's pre-movement starts at `release_at` [s] or,
  // if named, once that stair has been used and is empty again.
  double release_at = 0.0;
  std::string release_when_clear;  // a stair name, or empty
};

struct ScenarioSpec {
  std::string file;  // as given on the command line, used in messages
  std::string text;  // the file's text, stored in results
  // The variant run (empty: the base) and every setting applied over the
  // file's text (scenario_patch.hpp), as a JSON array; empty when none.
  std::string variant;
  std::string overrides;
  std::vector<std::string> variant_names;  // the file's named variants, in order
  std::vector<AppliedPatch> applied;       // the settings applied, for messages from later stages
  std::string name;
  std::string description;
  SettingsSpec settings;
  ModelSpec model;
  std::vector<LevelSpec> levels;
  std::vector<StairSpec> stairs;
  std::vector<GroupSpec> groups;
  std::vector<EventSpec> events;
  std::optional<StreetSpec> street;  // gate traffic (docs/scenario-format.md, "street")
  ProcedureSpec procedure;           // the drill played (docs/models/procedures.md)
  std::vector<StaffSpec> staff;      // staff at their posts (docs/models/staff.md)
};

}  // namespace campusflow
