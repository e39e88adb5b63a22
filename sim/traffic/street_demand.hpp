#pragma once
// Drawn demand: Poisson flows, the drop-off profile before the bell and
// walk-in pupils, expanded into explicit rows (the same rows an explicit
// demand file holds), so a run only ever sees a list of vehicles and pupils.
#include <cstdint>
#include <vector>

#include "sim/traffic/street_spec.hpp"

namespace campusflow {

struct ExpandedDemand {
  std::vector<VehicleDemand> vehicles;
  std::vector<WalkInDemand> walk_ins;
};

// The spec's explicit rows followed by every drawn one, each list sorted by
// time (stable, so explicit rows keep their order at equal times).
ExpandedDemand expand_demand(const StreetSpec& spec, std::uint64_t seed);

}  // namespace campusflow
