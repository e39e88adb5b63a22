#pragma once
// What a drill procedure adds to a compiled scenario (docs/models/procedures.md):
// an earthquake's hold delays every release; a lockdown needs the rooms.
#include "sim/core/diagnostics.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

// After the building and the groups are compiled. Reports a lockdown without
// rooms, or with a group on a level that has none.
void compile_procedure(const ScenarioSpec& spec, CompiledScenario& out, Diagnostics& diags);

// The rooms of every floor: the connected parts of its floor with all its
// doors shut that no exit, stair end or assembly point opens, found by
// growing a field from each side of each door (with the level's doors as
// barriers, as the doors' own fields are built).
std::vector<CompiledRoom> find_rooms(const CompiledScenario& sc, const DistanceFieldOptions& field);

}  // namespace campusflow
