#pragma once
// The two analytic lower bounds on the evacuation time that every run checks
// itself against (VALIDATION.md, analytic bounds):
//
//  - walking: nobody is safe before its pre-movement time plus the length of
//    the shortest conceivable way to safety at its free speed, so
//    T >= max_i (pre_i + L_i / v_i). L_i is a lower bound of the walking
//    distance: straight lines between the openings the way must pass (on a
//    stair, its length along the slope at the profile's faster stair speed).
//  - capacity: everyone above a storey must pass the openings that lead out
//    of it, at most 2.0 persons per metre and second (the hard limit: a
//    faster run would be a bug), so T >= first release + N / (2.0 W) for
//    each such cut; the largest is the bound.
//
// Places closed for the whole run (closed_for_whole_run) are left out of
// both: no way leads through them and nobody leaves a storey by them. A place
// that some event opens or unblocks, at any time, counts as open.
#include <string>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

struct LowerBounds {
  double walking = 0.0;       // [s]
  double capacity = 0.0;      // [s]
  std::string capacity_cut;   // which cut gives it, e.g. "levels at or above 3.6 m"
  double design_capacity = 0.0;  // the same cut at the design flow 1.33 P/(m s) [s]; an estimate, not a bound
};

// Specific flows through a cut [P/(m s)].
inline constexpr double kHardSpecificFlow = 2.0;
inline constexpr double kDesignSpecificFlow = 1.33;

// (places) 1 for the places closed or blocked at the alarm (a door with
// "open": false, an event at t = 0) that no event opens or unblocks later.

// `agents` as spawned: start level, position, pre-movement (release) and free speed.
LowerBounds lower_bounds(const CompiledScenario& sc, const Agents& agents);

}  // namespace campusflow
