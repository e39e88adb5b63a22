#pragma once
// Pedestrians as a structure of arrays, indexed by agent id (Box2D / MuJoCo
// style): the hot loop touches only the columns it needs, and there is no
// pointer, string or virtual call per agent.
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow {

enum class AgentStatus : std::uint8_t {
  kWaiting,  // spawned, still in its pre-movement time
  kWalking,
  kExited,
};

inline constexpr std::uint32_t kNoPlace = 0xffffffffu;

// The way an agent follows: its group's posted route, the fallback posted for
// when a step of it closes, (neither left) the nearest safety, or the way a
// marshal sent it (docs/models/staff.md, "direct").
enum class RouteKind : std::uint8_t { kPosted, kFallback, kNearest, kDirected };
inline constexpr TimeUs kNever = std::numeric_limits<TimeUs>::max();
// An agent that walks but stays within kStuckDistance of one place for
// kStuckTime is stuck (models may then help it out of a deadlock).
inline constexpr double kStuckDistance = 0.1;            // [m]
inline constexpr TimeUs kStuckTime = 5'000'000;         // [us]

struct Agents {
  // Hot columns, (n):
  std::vector<Vec2> position;        // [m]
  std::vector<Vec2> velocity;        // [m/s], of the last tick
  std::vector<double> radius;        // [m]
  std::vector<double> desired_speed; // [m/s]
  std::vector<std::uint32_t> level;  // index into the scenario's levels
  std::vector<AgentStatus> status;
  std::vector<std::uint32_t> target;  // place the agent heads for, kNoPlace while undecided
  std::vector<std::uint8_t> stuck;    // 1 when it has been walking without getting anywhere (see kStuckTime)
  // Cold columns, (n):
  std::vector<double> free_speed;    // desired speed on the level [m/s]; desired_speed differs on stairs
  std::vector<std::uint32_t> last_place;  // the place crossed last, kNoPlace before the first
  std::vector<std::uint32_t> route_step;  // index of the next step of the route it follows
  std::vector<RouteKind> route_kind;      // which route that is
  std::vector<std::int32_t> directed;     // the staff member (index) who sent it its way, for kDirected; -1: none
  std::vector<TimeUs> release;       // end of pre-movement [us]; kNever while the class waits for its release
  std::vector<double> pre_movement;  // own pre-movement time after the class's release [s]
  std::vector<double> remaining;     // cost of the way still ahead [m], for classes led by a teacher
  std::vector<Vec2> anchor;          // where it last was kStuckDistance from the previous anchor [m]
  std::vector<TimeUs> anchor_time;   // when it got there [us]
  std::vector<std::uint32_t> group;
  std::vector<double> exit_time;     // [s], < 0 while inside
  std::vector<std::int32_t> exit;    // exit index, -1 while inside

  std::size_t size() const { return position.size(); }

  void resize(std::size_t n) {
    position.resize(n, Vec2::Zero());
    velocity.resize(n, Vec2::Zero());
    radius.resize(n, 0.0);
    desired_speed.resize(n, 0.0);
    level.resize(n, 0);
    target.resize(n, kNoPlace);
    stuck.resize(n, 0);
    anchor.resize(n, Vec2::Zero());
    anchor_time.resize(n, 0);
    free_speed.resize(n, 0.0);
    last_place.resize(n, kNoPlace);
    route_step.resize(n, 0);
    route_kind.resize(n, RouteKind::kPosted);
    directed.resize(n, -1);
    status.resize(n, AgentStatus::kWaiting);
    release.resize(n, 0);
    pre_movement.resize(n, 0.0);
    remaining.resize(n, 0.0);
    group.resize(n, 0);
    exit_time.resize(n, -1.0);
    exit.resize(n, -1);
  }
};

}  // namespace campusflow
