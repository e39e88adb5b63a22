#pragma once
// A validated, precomputed scenario: immutable, shared read-only by every run
// (replications, sweeps, threads). The engine never sees JSON (MuJoCo mjModel).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/core/time.hpp"
#include "sim/geometry/walkable_level.hpp"
#include "sim/ped/profile.hpp"
#include "sim/scenario/scenario_spec.hpp"

namespace campusflow {

struct CompiledSettings {
  TimeUs dt = 0;              // pedestrian tick [us]
  TimeUs time_limit = 0;      // [us]
  TimeUs frame_interval = 0;  // between trajectory frames [us], a multiple of dt
  std::uint64_t seed = 1;
  double output_fps = 10.0;   // [1/s]
};

struct CompiledExit {
  std::string name;
  std::uint32_t level = 0;
  Segment segment;
};

struct CompiledGroup {
  std::string name;
  std::uint32_t level = 0;
  std::uint32_t count = 0;
  std::uint32_t first_agent = 0;  // agents first_agent .. first_agent + count - 1
  ProfileId profile = ProfileId::kAdult;
  double radius = 0.2;            // [m]
  Distribution desired_speed;     // [m/s]
  Distribution pre_movement;      // [s]
  std::vector<Vec2> positions;    // explicit positions, or empty
  std::vector<Vec2> candidates;   // free places in the spawn area to draw from
};

struct CompiledScenario {
  std::string file;
  std::string name;
  std::string description;
  std::string text;            // the scenario file as read
  std::uint64_t hash = 0;      // FNV-1a of `text`
  CompiledSettings settings;
  ModelSpec model;
  std::vector<WalkableLevel> levels;
  std::vector<CompiledExit> exits;
  std::vector<CompiledGroup> groups;
  std::uint32_t agent_count = 0;
  double max_radius = 0.0;         // [m]
  double max_desired_speed = 0.0;  // [m/s], upper bound of all speed distributions
};

}  // namespace campusflow
