#pragma once
// How a run ended: everyone safe, or who is still inside, where, and why
// (DESIGN "Right, or loudly not"). Built from the simulation's final state.
#include <cstdint>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace campusflow {

// Agents still inside at the end, near one place of one level.
struct UnsafeGroup {
  std::uint32_t level = 0;
  std::uint32_t place = kNoPlace;  // the nearest door, stair end or exit; kNoPlace: none
  std::size_t agents = 0;
  std::size_t stuck = 0;           // of them, stuck when the run ended
  StuckCause cause = StuckCause::kWall;  // the commonest cause among the stuck ones
  double since = -1.0;             // [s] the earliest any of them was stuck since; -1: none stuck
};

// Those not safe (in a lockdown: not sheltering in a room), grouped by level and nearest place, most agents first
// (ties by level, then place); empty when everyone is safe.
std::vector<UnsafeGroup> unsafe_groups(const Simulation& sim);

}  // namespace campusflow
