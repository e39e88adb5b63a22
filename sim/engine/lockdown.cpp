#include "sim/engine/lockdown.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/ped/opening_steps.hpp"

namespace campusflow {

namespace {
// One is in a room when its body is this far past the door line. [m]
constexpr double kPastDoor = 0.3;
// A class goes to the nearest room with space for it: at most this many
// people per m^2 of the room's floor. FEMA's shelter-in-place guidance allows
// 10 sq ft (0.93 m^2) of floor per person; more than that and those coming
// in cannot get past those already sitting there. [P/m^2]
constexpr double kShelterDensity = 1.0 / 0.93;
}  // namespace

Lockdown::Lockdown(const CompiledScenario& sc)
    : sc_(sc),
      lock_(seconds_to_us(sc.procedure.lock)),
      room_(sc.agent_count, -1),
      door_(sc.agent_count, kNoPlace),
      entered_(sc.agent_count, 0),
      inside_(sc.agent_count, 0),
      rooms_(sc.rooms.size()) {}

std::pair<std::int32_t, std::uint32_t> Lockdown::nearest_room(std::uint32_t level, const Vec2& p,
                                                               std::span<const std::size_t> occupants,
                                                               std::size_t coming) const {
  // The nearest room with space for everyone coming, else the nearest room.
  std::pair<std::int32_t, std::uint32_t> best{-1, kNoPlace}, best_with_space{-1, kNoPlace};
  double best_cost = std::numeric_limits<double>::infinity(), best_with_space_cost = best_cost;
  for (std::size_t r = 0; r < sc_.rooms.size(); ++r) {
    if (sc_.rooms[r].level != level) continue;
    const bool space = static_cast<double>(occupants[r] + coming) <= kShelterDensity * sc_.rooms[r].area;
    for (std::uint32_t d : sc_.rooms[r].doors) {
      if (!sc_.places[d].open) continue;
      const double cost = sc_.levels[level].opening_for(d)->field.value(p);
      // Strict: ties go to the room, then the door, first in the scenario.
      if (cost < best_cost) {
        best_cost = cost;
        best = {static_cast<std::int32_t>(r), d};
      }
      if (space && cost < best_with_space_cost) {
        best_with_space_cost = cost;
        best_with_space = {static_cast<std::int32_t>(r), d};
      }
    }
  }
  return best_with_space.first >= 0 ? best_with_space : best;
}

void Lockdown::assign(const Agents& agents, std::span<const std::uint32_t> active) {
  assigned_ = true;
  // Who is in a room at the alarm, and how many of each class are not.
  std::vector<std::size_t> occupants(sc_.rooms.size(), 0), outside(sc_.groups.size(), 0);
  for (std::uint32_t i : active) {
    const std::uint32_t l = agents.level[i];
    for (std::size_t r = 0; r < sc_.rooms.size() && room_[i] < 0; ++r)
      if (sc_.rooms[r].level == l && std::isfinite(sc_.rooms[r].region.value(agents.position[i]))) {
        room_[i] = static_cast<std::int32_t>(r);
        entered_[i] = inside_[i] = 1;
        ++occupants[r];
      }
    if (room_[i] < 0) ++outside[agents.group[i]];
  }
  // The room a class's first member outside any room chose (in id order,
  // so classes earlier in the scenario choose first): the class goes together.
  std::vector<std::pair<std::int32_t, std::uint32_t>> class_room(sc_.groups.size(), {-1, kNoPlace});
  std::vector<char> chosen(sc_.groups.size(), 0);
  for (std::uint32_t i : active) {
    if (room_[i] >= 0 && door_[i] == kNoPlace) continue;  // in a room at the alarm
    const std::uint32_t l = agents.level[i];
    const Vec2& x = agents.position[i];
    const std::uint32_t g = agents.group[i];
    if (!chosen[g]) {
      class_room[g] = nearest_room(l, x, occupants, outside[g]);
      if (class_room[g].first >= 0) occupants[static_cast<std::size_t>(class_room[g].first)] += outside[g];
      chosen[g] = 1;
    }
    auto [room, door] = class_room[g];
    // A member who cannot reach the class's door (another floor, another side
    // of a shut door) finds its own.
    const Opening* o = door == kNoPlace ? nullptr : sc_.levels[l].opening_for(door);
    if (!o || !std::isfinite(o->field.value(x))) std::tie(room, door) = nearest_room(l, x, occupants, 1);
    room_[i] = room;
    door_[i] = door;
  }
  for (std::uint32_t i : active)
    if (room_[i] >= 0) {
      RoomState& s = rooms_[static_cast<std::size_t>(room_[i])];
      ++s.sheltering;
      s.inside += inside_[i];
    }
}

Vec2 Lockdown::heading(const Agents& agents, std::uint32_t i) const {
  if (room_[i] < 0 || (inside_[i] && door_[i] == kNoPlace)) return Vec2::Zero();  // no room, or there at the alarm
  const Opening* door = sc_.levels[agents.level[i]].opening_for(door_[i]);
  if (!door) return Vec2::Zero();
  const Vec2& x = agents.position[i];
  if (!entered_[i]) return desired_direction(*door, x);
  // In: on to the far side of the room, away from the door (lockdown
  // guidance: out of the line of sight of the door; and room for the ones
  // behind). The crowd there stops them short of it.
  return sc_.rooms[static_cast<std::size_t>(room_[i])].region.direction(x);
}

double Lockdown::remaining(const Agents& agents, std::uint32_t i) const {
  if (room_[i] < 0) return std::numeric_limits<double>::infinity();
  if (entered_[i]) return sc_.rooms[static_cast<std::size_t>(room_[i])].region.value(agents.position[i]);
  const Opening* door = sc_.levels[agents.level[i]].opening_for(door_[i]);
  return door ? door->field.value(agents.position[i]) : std::numeric_limits<double>::infinity();
}

void Lockdown::crossed(std::uint32_t i, std::uint32_t place) {
  // Crossing its door inwards; crossing it again (pushed back out) undoes it.
  if (place == door_[i]) entered_[i] = !entered_[i];
}

void Lockdown::update(const Agents& agents, std::span<const std::uint32_t> active, TimeUs now) {
  for (RoomState& s : rooms_) s.inside = 0;
  std::vector<char> doorway_busy(sc_.rooms.size(), 0);
  for (std::uint32_t i : active) {
    const std::uint32_t l = agents.level[i];
    const Vec2& x = agents.position[i];
    if (room_[i] >= 0) {
      const CompiledRoom& room = sc_.rooms[static_cast<std::size_t>(room_[i])];
      bool clear = entered_[i] != 0;
      for (std::uint32_t d : room.doors)
        if (const Opening* o = sc_.levels[l].opening_for(d))
          clear = clear && distance(o->segment, x) >= agents.radius[i] + kPastDoor;
      // Once in, always in: those there at the alarm count even beside the door.
      inside_[i] = inside_[i] || clear;
      rooms_[static_cast<std::size_t>(room_[i])].inside += inside_[i];
    }
    // Anyone whose body is in a doorway keeps that door from being shut.
    for (std::size_t r = 0; r < sc_.rooms.size(); ++r) {
      if (sc_.rooms[r].level != l) continue;
      for (std::uint32_t d : sc_.rooms[r].doors)
        if (distance(sc_.levels[l].opening_for(d)->segment, x) < agents.radius[i]) doorway_busy[r] = 1;
    }
  }
  bool done = true;
  for (std::size_t r = 0; r < rooms_.size(); ++r) {
    RoomState& s = rooms_[r];
    if (s.sheltering == 0) continue;  // nobody shelters here: nothing to secure
    if (s.ready < 0 && s.inside == s.sheltering && !doorway_busy[r]) {
      s.ready = now;
      s.secured = now + lock_;
    }
    done = done && s.secured >= 0 && s.secured <= now;
  }
  for (std::uint32_t i : active) done = done && room_[i] >= 0 && inside_[i];
  done_ = done;
}

}  // namespace campusflow
