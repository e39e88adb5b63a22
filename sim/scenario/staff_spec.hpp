#pragma once
// Staff at their posts during a drill (docs/models/staff.md): a marshal walks
// to a post at the alarm and acts on the flow through one place (a stair end,
// a door or an exit) until a stand-down condition holds, then evacuates like
// anyone. Plain data, shared by the parsed and the compiled scenario.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/geometry/polygon.hpp"

namespace campusflow {

// meter: at most `rate` people a second cross the place (a token bucket, like
// a door's flow limit); hold: nobody crosses it, those coming wait before it;
// direct: those who come within `radius` of the post are sent via the place;
// sweep: once the level has no pupils left, walk to every door of it, then
// report it clear (no place, no stand-down condition: the sweep's end is one).
enum class StaffDuty : std::uint8_t { kMeter, kHold, kDirect, kSweep };
inline constexpr std::string_view kStaffDutyNames[] = {"meter", "hold", "direct", "sweep"};

struct StaffSpec {
  std::string name;
  std::size_t level = 0;      // index into ScenarioSpec::levels
  Vec2 position = Vec2::Zero();  // where the staff member is at the alarm [m]
  Vec2 post = Vec2::Zero();      // where the duty is done, on the same level [m]
  StaffDuty duty = StaffDuty::kMeter;
  std::string place;          // a door, stair or exit name
  std::string end;            // a stair: the level name of the end the duty acts on; empty: the staff's level
  double rate = 0.0;          // meter: [P/s], (0, 10]
  double radius = 0.0;        // direct: [m], (0, 20]
  std::optional<double> until_time;  // stand down at this time [s] after the alarm ...
  std::string until_clear;           // ... or once nobody but staff is left on this level (a level name)
};

}  // namespace campusflow
