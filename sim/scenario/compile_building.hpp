#pragma once
// The building part of compile_scenario: levels with their openings and
// distance fields, a level of its own for each stair, the places (exits,
// doors, stair ends), the portal graph between them, posted routes and timed
// events with names resolved to places. Internal to sim/scenario.
#include "sim/scenario/compiled_scenario.hpp"
#include "sim/core/diagnostics.hpp"

#include <span>
#include <string>

namespace campusflow {

// Fills out.levels, floor_count, exits, places, stairs, graph and events.
void compile_building(const ScenarioSpec& spec, double wall_range, CompiledScenario& out);

// A posted route (or fallback) as steps of places; names were checked by the parser.
std::vector<RouteStep> compile_route(std::span<const std::string> names, const CompiledScenario& sc);

// Cost [m] from p on `level` to safety along the cheapest opening, given the
// cost of every place to safety; +infinity when there is no way out.
double cost_to_safety(const CompiledScenario& sc, std::uint32_t level, const Vec2& p,
                      const std::vector<double>& place_cost);

}  // namespace campusflow
