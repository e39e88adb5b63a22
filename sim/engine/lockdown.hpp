#pragma once
// A lockdown drill (docs/models/procedures.md): at the alarm everyone in a
// room stays there; everyone outside one (a class in the corridor) goes, with
// its class, to the nearest room it can reach on its floor that has space for
// the class, and into it, on to
// the room's far side, away from the door. A room is secured `lock` seconds after everyone who shelters
// there is in and nobody stands in its doorway (the teacher shuts and locks
// the door; a door can only be shut once nobody is crossing it). The run is
// complete when every occupied room is secured.
//
// Serial and in agent order (assign, crossed, update), so that the result is
// the same for any number of threads; heading() and remaining() only read.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

struct RoomState {
  std::size_t sheltering = 0;  // agents who shelter here (inside at the alarm or heading here)
  std::size_t inside = 0;      // of them, in the room and clear of its doors
  TimeUs ready = -1;           // [us] everyone in and the doorways free: the door is being shut; -1: not yet
  TimeUs secured = -1;         // [us] ready + the time to shut and lock; -1: not yet
};

class Lockdown {
 public:
  explicit Lockdown(const CompiledScenario& sc);

  // Once, when everyone has spawned (the alarm): who shelters where.
  void assign(const Agents& agents, std::span<const std::uint32_t> active);
  bool assigned() const { return assigned_; }

  // The room agent i shelters in (index into CompiledScenario::rooms), -1: none it can reach.
  std::int32_t room(std::uint32_t i) const { return room_[i]; }
  // The door agent i walks to; kNoPlace once it is in (or has no room).
  std::uint32_t door(std::uint32_t i) const { return entered_[i] ? kNoPlace : door_[i]; }
  // Agent i is in its room, clear of the doorway: it shelters.
  bool sheltered(std::uint32_t i) const { return inside_[i] != 0; }
  // The unit direction agent i wants to walk (zero: it stays where it is).
  Vec2 heading(const Agents& agents, std::uint32_t i) const;
  // The travel cost still ahead of agent i [m]: to its room's door, and once
  // through it to the room's far side; +infinity without a room (the
  // no-progress detector's measure).
  double remaining(const Agents& agents, std::uint32_t i) const;

  // In the commit, in agent order: agent i crossed `place` this tick.
  void crossed(std::uint32_t i, std::uint32_t place);
  // After each commit: who is in, which doors can be shut, which rooms are secured.
  void update(const Agents& agents, std::span<const std::uint32_t> active, TimeUs now);
  // Every room someone shelters in is secured, and everyone shelters.
  bool done() const { return done_; }
  // (rooms) the state of each room.
  const std::vector<RoomState>& rooms() const { return rooms_; }

 private:
  // The nearest room from p on `level`, through a door open at the alarm,
  // that has space for `coming` more beside its `occupants` (rooms); without
  // such a room the nearest one. The room and the door, or -1 and kNoPlace.
  std::pair<std::int32_t, std::uint32_t> nearest_room(std::uint32_t level, const Vec2& p,
                                                      std::span<const std::size_t> occupants,
                                                      std::size_t coming) const;

  const CompiledScenario& sc_;
  TimeUs lock_ = 0;                    // [us] to shut and lock a door
  bool assigned_ = false;
  bool done_ = false;
  std::vector<std::int32_t> room_;     // (agents) room index, -1: none
  std::vector<std::uint32_t> door_;    // (agents) the door it enters by; kNoPlace: was inside at the alarm
  std::vector<char> entered_;          // (agents) crossed into its room (or was in it)
  std::vector<char> inside_;           // (agents) in its room and clear of every door of it
  std::vector<RoomState> rooms_;       // (rooms)
};

}  // namespace campusflow
