#pragma once
// Small fixtures shared by the pedestrian tests: a corridor level, agents
// placed by hand and a neighbour grid over them.
#include <cstdint>
#include <vector>

#include "sim/geometry/walkable_level.hpp"
#include "sim/ped/agents.hpp"
#include "sim/ped/neighbour_grid.hpp"

namespace campusflow::ped::testing {

// A 10 x 2 m corridor along x from (0, 0), open at its east end (exit 7 spans
// x = 10, y in [0, 2]); walls are listed within 1 m.
inline WalkableLevel corridor() {
  const OpeningSpec openings[] = {OpeningSpec::line(OpeningKind::kExit, 7, {{10, 0}, {10, 2}})};
  return build_walkable_level("c", 0.0, Polygon{{{0, 0}, {10, 0}, {10, 2}, {0, 2}}, {}}, openings, 8,
                              DistanceFieldOptions{}, 1.0);
}

// Appends a walking agent and returns its id.
inline std::uint32_t add_agent(Agents& agents, const Vec2& position, double radius, double desired_speed,
                               const Vec2& velocity = Vec2::Zero()) {
  const auto id = static_cast<std::uint32_t>(agents.size());
  agents.resize(agents.size() + 1);
  agents.position[id] = position;
  agents.velocity[id] = velocity;
  agents.radius[id] = radius;
  agents.desired_speed[id] = desired_speed;
  agents.status[id] = AgentStatus::kWalking;
  return id;
}

// Every agent's id, ascending, as the engine lists the agents of a level.
inline std::vector<std::uint32_t> all_ids(const Agents& agents) {
  std::vector<std::uint32_t> ids(agents.size());
  for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
  return ids;
}

// A grid of cell edge `cell` over `area`, holding every agent.
inline NeighbourGrid neighbour_grid(const Agents& agents, const Box& area, double cell) {
  NeighbourGrid grid(GridSpec::covering(area, cell, cell));
  grid.rebuild(all_ids(agents), agents.position);
  return grid;
}

}  // namespace campusflow::ped::testing
