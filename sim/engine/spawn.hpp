#pragma once
// Creating a group's agents: places, desired speeds and pre-movement times,
// each drawn from its own random stream keyed by (seed, purpose, entity), so
// an agent's draws do not depend on other groups or on threads.
#include <cstdint>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

// Writes agents group.first_agent .. first_agent + count - 1 into `agents`.
void spawn_group(const CompiledGroup& group, std::uint32_t group_index, std::uint64_t seed, TimeUs now,
                 Agents& agents);

}  // namespace campusflow
