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
#include "sim/ped/profile.hpp"

namespace campusflow {

struct SettingsSpec {
  double dt = 0.05;            // pedestrian tick [s], (0, 0.5]
  double time_limit = 900.0;   // [s], (0, 86400]
  std::uint64_t seed = 1;      // default seed; the command line may override it
  double output_fps = 10.0;    // trajectory frames per second [1/s], (0, 1/dt], 1/fps a multiple of dt
  double field_cell = 0.125;   // distance-field grid cell [m], [0.05, 0.5]
};

enum class PedModelKind { kCollisionFreeSpeed };

struct ModelSpec {
  PedModelKind kind = PedModelKind::kCollisionFreeSpeed;
  CfsmParams cfsm;
};

struct ExitSpec {
  std::string name;
  Segment segment;  // on the level's outer boundary
};

struct LevelSpec {
  std::string name;
  double elevation = 0.0;   // [m]
  Ring outline;             // walkable outline, counter-clockwise after parsing
  std::vector<Ring> obstacles;
  std::vector<ExitSpec> exits;
};

struct GroupSpec {
  std::string name;
  std::size_t level = 0;              // index into ScenarioSpec::levels
  std::size_t count = 0;              // number of agents
  std::optional<Ring> spawn_polygon;  // either a polygon to fill ...
  std::vector<Vec2> positions;        // ... or explicit positions (then count == positions.size())
  ProfileId profile = ProfileId::kAdult;
  std::optional<Distribution> desired_speed;  // [m/s]; the profile's when absent
  Distribution pre_movement = Distribution::constant(0.0);  // [s]
};

struct ScenarioSpec {
  std::string file;  // as given on the command line, used in messages
  std::string text;  // the file's text, stored in results
  std::string name;
  std::string description;
  SettingsSpec settings;
  ModelSpec model;
  std::vector<LevelSpec> levels;
  std::vector<GroupSpec> groups;
};

}  // namespace campusflow
