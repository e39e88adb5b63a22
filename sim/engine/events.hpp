#pragma once
// The closed set of events a run schedules (std::variant, so a
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
// A scenario event: a door closes or opens, a place is blocked or unblocked.
struct PlaceChange {
  std::uint32_t event;  // index into CompiledScenario::events
};

// The street's vehicle tick and its replay frame: the same queue and clock
// as the pedestrians' (docs/architecture.md, "One clock").
struct StreetTick {};
struct RecordStreetFrame {};

using Event =
    std::variant<SpawnGroup, PedestrianTick, RecordFrame, TimeLimitReached, PlaceChange, StreetTick, RecordStreetFrame>;

}  // namespace campusflow
