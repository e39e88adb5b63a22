#pragma once
// The drill a scenario plays (docs/models/procedures.md): an evacuation (the
// default), an earthquake drill (drop, cover and hold at the alarm, then
// evacuate on the second signal) or a lockdown (shelter in rooms, doors shut).
// Plain data, shared by the parsed and the compiled scenario.
#include <cstdint>
#include <string_view>

namespace campusflow {

enum class ProcedureKind : std::uint8_t { kEvacuation, kEarthquake, kLockdown };
inline constexpr std::string_view kProcedureNames[] = {"evacuation", "earthquake", "lockdown"};

struct ProcedureSpec {
  ProcedureKind kind = ProcedureKind::kEvacuation;
  // Earthquake: seconds of drop, cover and hold after the alarm; the second
  // signal (evacuate) sounds at `hold`. [s], [0, 3600]
  double hold = 0.0;
  // Lockdown: seconds to shut and lock a room's door once everyone who
  // shelters there is in and nobody stands in the doorway. [s], [0, 600]
  double lock = 5.0;
};

}  // namespace campusflow
