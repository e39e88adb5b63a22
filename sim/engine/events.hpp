#pragma once
// The closed set of events a pedestrian run schedules (std::variant, so a
// new event kind is a compile error wherever it is not handled).
#include <cstdint>
#include <variant>

namespace campusflow {

struct SpawnGroup {
  std::uint32_t group;
};
struct PedestrianTick {};
struct RecordFrame {};
struct TimeLimitReached {};

using Event = std::variant<SpawnGroup, PedestrianTick, RecordFrame, TimeLimitReached>;

}  // namespace campusflow
