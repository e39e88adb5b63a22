#pragma once
// StreetSpec -> CompiledStreet: the checks that need the whole street (a curb
// zone longer than its link, stalls shorter than a car, a signal plan that
// never serves a movement, an approach that does not lead to its reference
// point), the sidewalk graph, and the demand expanded into explicit rows with
// each driver's stop. Draws depend only on (seed, purpose, row).
#include <cstdint>
#include <optional>

#include "sim/core/diagnostics.hpp"
#include "sim/traffic/street.hpp"

namespace campusflow {

// Reports problems to `diags` under `spec.source_path`; nullopt when there are any.
std::optional<CompiledStreet> compile_street(const StreetSpec& spec, std::uint64_t seed, Diagnostics& diags);

// The same street with its drawn demand (flows, profile, walk-ins, driver
// compliance) drawn again for `seed`: one replication of a sweep.
CompiledStreet redraw_street(const CompiledStreet& street, std::uint64_t seed);

}  // namespace campusflow
