#pragma once
// Staff at their posts during a drill (docs/models/staff.md). At the alarm a
// staff member walks to the post; there it acts on the flow through one place
// until its stand-down condition holds, then evacuates like anyone:
//  - meter: at most `rate` people a second cross the place (a token bucket,
//    like a door's flow limit);
//  - hold: nobody crosses it; those coming wait before it, as at a shut door,
//    and go on when it is released (their route does not change);
//  - direct: those who come within a radius of the post are sent via the
//    place (a stair or exit): their route becomes the way through it;
//  - sweep: once the level has no pupils left, walk to each of its doors
//    (the nearest unvisited next) and report the level clear after the last.
// A duty acts only on those crossing from the post's side: the floor, for a
// stair end (people stepping onto the flight at its head). Mutable state of
// one run, owned by Simulation; updated serially in the commit, in id order.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

enum class StaffState : std::uint8_t {
  kGoing,      // walking to the post
  kPosted,     // at the post, doing the duty (a sweep: waiting there for the level to clear)
  kSweeping,   // walking to every door of the level in turn
  kStoodDown,  // duty over: evacuating like anyone
};

// One staff member's record, for the result's staff table.
struct StaffRecord {
  double posted = -1.0;      // [s] reached the post; -1: never
  double stood_down = -1.0;  // [s] the condition held; -1: never
  double safe = -1.0;        // [s] reached safety; -1: never
};

class Staffing {
 public:
  explicit Staffing(const CompiledScenario& sc);

  bool any() const { return !sc_.staff.empty(); }
  // The staff index of agent i, or -1 for a pupil (or anyone else).
  std::int32_t member(std::uint32_t i) const { return member_[i]; }
  bool is_staff(std::uint32_t i) const { return member_[i] >= 0; }
  // Agent i is a staff member still on duty: it walks to its post or stands
  // there, and the router does not move it.
  bool on_duty(std::uint32_t i) const { return member_[i] >= 0 && state_[member_[i]] != StaffState::kStoodDown; }
  // Agent i is a staff member standing at its post, doing its duty.
  bool at_post(std::uint32_t i) const { return member_[i] >= 0 && state_[member_[i]] == StaffState::kPosted; }
  const Vec2& post(std::uint32_t i) const { return sc_.staff[member_[i]].post; }
  // The door a sweeping staff member walks to now; kNoPlace when not sweeping.
  std::uint32_t sweep_door(std::uint32_t i) const {
    return member_[i] >= 0 && state_[member_[i]] == StaffState::kSweeping ? sweep_door_[member_[i]] : kNoPlace;
  }

  // Whether someone on `level` may cross `place` now; takes a token of a
  // metered place. Staff are never held by a duty.
  bool admit(std::uint32_t i, std::uint32_t level, std::uint32_t place);
  // Nobody may cross `place` from `level` now (a hold is in force): those
  // waiting before it are held, not stuck.
  bool holding(std::uint32_t place, std::uint32_t level) const;

  // Once per tick before the commit: meters gain rate * dt tokens, at most one.
  void refill(double dt);
  // Once per tick after the commit: who reached the post, whose condition now
  // holds. Returns the agents that stood down this tick, ascending.
  std::vector<std::uint32_t> update(const Agents& agents, std::span<const std::uint32_t> active, TimeUs now);
  // Posted direct duties send those of their level within their radius of
  // the post (pupils, once by each marshal) via their place: the agent's
  // route becomes that one step, then the nearest safety. Returns who was
  // sent this tick, by marshal then id. Serial, after update().
  std::vector<std::uint32_t> direct(Agents& agents, std::span<const std::uint32_t> active);
  // Agent i, a staff member, reached safety at t [s].
  void exited(std::uint32_t i, double t) { records_[member_[i]].safe = t; }

  std::span<const StaffRecord> records() const { return records_; }
  StaffState state(std::size_t k) const { return state_[k]; }

  // Within this distance of the post a staff member is at it. [m]
  static constexpr double kAtPost = 0.1;
  // A sweep has seen a room when it is this close to its door along the floor. [m]
  static constexpr double kAtDoor = 0.5;

 private:
  // Steps staff member k's sweep; true when it has just reported its level clear.
  bool sweep(std::size_t k, const Agents& agents, TimeUs now);

  const CompiledScenario& sc_;
  std::vector<std::int32_t> member_;        // (agents) staff index or -1
  std::vector<StaffState> state_;           // (staff)
  std::vector<double> tokens_;              // (staff) passages a meter may still admit
  std::vector<StaffRecord> records_;        // (staff)
  std::vector<std::vector<std::uint32_t>> at_place_;  // (places) staff acting on it, ascending
  std::vector<std::size_t> on_level_;       // (levels) scratch: pupils on each level
  std::vector<std::uint32_t> sweep_door_;   // (staff) the door a sweep walks to
  std::vector<std::vector<std::uint32_t>> unswept_;  // (staff) doors a sweep has still to see, ascending
};

}  // namespace campusflow
