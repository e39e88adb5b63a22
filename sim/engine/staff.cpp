#include "sim/engine/staff.hpp"

#include <algorithm>
#include <limits>

namespace campusflow {

Staffing::Staffing(const CompiledScenario& sc)
    : sc_(sc),
      member_(sc.agent_count, -1),
      state_(sc.staff.size(), StaffState::kGoing),
      tokens_(sc.staff.size(), 1.0),
      records_(sc.staff.size()),
      at_place_(sc.places.size()),
      on_level_(sc.levels.size(), 0),
      sweep_door_(sc.staff.size(), kNoPlace),
      unswept_(sc.staff.size()) {
  for (std::size_t k = 0; k < sc.staff.size(); ++k) {
    member_[sc.staff[k].agent] = static_cast<std::int32_t>(k);
    // A direct duty sends people via its place; it does not stand in their way there.
    const StaffDuty duty = sc.staff[k].duty;
    if (duty == StaffDuty::kMeter || duty == StaffDuty::kHold)
      at_place_[sc.staff[k].place].push_back(static_cast<std::uint32_t>(k));
    if (duty == StaffDuty::kSweep)
      for (const Opening& o : sc.levels[sc.staff[k].level].openings)
        if (sc.places[o.place].kind == PlaceKind::kDoor) unswept_[k].push_back(o.place);
    std::sort(unswept_[k].begin(), unswept_[k].end());
  }
}

bool Staffing::admit(std::uint32_t i, std::uint32_t level, std::uint32_t place) {
  if (at_place_[place].empty() || is_staff(i)) return true;
  // Every duty in force at the place must let the agent through; a meter's
  // token is taken only once every hold has, so that a held crossing costs none.
  for (std::uint32_t k : at_place_[place])
    if (state_[k] == StaffState::kPosted && sc_.staff[k].level == level && sc_.staff[k].duty == StaffDuty::kHold)
      return false;
  for (std::uint32_t k : at_place_[place])
    if (state_[k] == StaffState::kPosted && sc_.staff[k].level == level && tokens_[k] < 1.0) return false;
  for (std::uint32_t k : at_place_[place])
    if (state_[k] == StaffState::kPosted && sc_.staff[k].level == level && sc_.staff[k].duty == StaffDuty::kMeter)
      tokens_[k] -= 1.0;
  return true;
}

bool Staffing::holding(std::uint32_t place, std::uint32_t level) const {
  if (place == kNoPlace) return false;
  for (std::uint32_t k : at_place_[place])
    if (state_[k] == StaffState::kPosted && sc_.staff[k].level == level && sc_.staff[k].duty == StaffDuty::kHold)
      return true;
  return false;
}

void Staffing::refill(double dt) {
  // At most one token, as for a door's flow limit: a marshal does not let a
  // burst through after a quiet spell.
  for (std::size_t k = 0; k < sc_.staff.size(); ++k)
    if (sc_.staff[k].duty == StaffDuty::kMeter && state_[k] == StaffState::kPosted)
      tokens_[k] = std::min(1.0, tokens_[k] + sc_.staff[k].rate * dt);
}

std::vector<std::uint32_t> Staffing::update(const Agents& agents, std::span<const std::uint32_t> active,
                                            TimeUs now) {
  std::vector<std::uint32_t> stood_down;
  if (sc_.staff.empty()) return stood_down;
  std::fill(on_level_.begin(), on_level_.end(), 0);
  // Pupils only: a level is clear when nobody but staff is left on it.
  for (std::uint32_t i : active)
    if (!is_staff(i)) ++on_level_[agents.level[i]];
  for (std::size_t k = 0; k < sc_.staff.size(); ++k) {
    const CompiledStaff& s = sc_.staff[k];
    if (state_[k] == StaffState::kStoodDown) continue;
    if (s.duty == StaffDuty::kSweep && sweep(k, agents, now)) {
      stood_down.push_back(s.agent);
      continue;
    }
    if (s.duty == StaffDuty::kSweep) continue;
    const bool due = now >= s.until_time || (s.until_clear >= 0 && on_level_[s.until_clear] == 0);
    if (due) {  // also on the way: a duty no longer needed is not taken up
      state_[k] = StaffState::kStoodDown;
      records_[k].stood_down = us_to_seconds(now);
      stood_down.push_back(s.agent);
      continue;
    }
    if (state_[k] == StaffState::kGoing && (agents.position[s.agent] - s.post).norm() <= kAtPost) {
      state_[k] = StaffState::kPosted;
      records_[k].posted = us_to_seconds(now);
      tokens_[k] = 1.0;
    }
  }
  return stood_down;
}

bool Staffing::sweep(std::size_t k, const Agents& agents, TimeUs now) {
  const CompiledStaff& s = sc_.staff[k];
  const Vec2& x = agents.position[s.agent];
  if (state_[k] == StaffState::kGoing && (x - s.post).norm() <= kAtPost) {
    state_[k] = StaffState::kPosted;
    records_[k].posted = us_to_seconds(now);
  }
  // The sweep starts once the level is clear, from wherever the member stands.
  if (state_[k] != StaffState::kSweeping) {
    if (on_level_[s.level] > 0) return false;
    state_[k] = StaffState::kSweeping;
    sweep_door_[k] = kNoPlace;
  }
  const WalkableLevel& level = sc_.levels[s.level];
  auto& left = unswept_[k];
  if (sweep_door_[k] != kNoPlace && level.opening_for(sweep_door_[k])->field.value(x) <= kAtDoor) {
    left.erase(std::find(left.begin(), left.end(), sweep_door_[k]));
    sweep_door_[k] = kNoPlace;
  }
  if (sweep_door_[k] == kNoPlace) {
    // The nearest door along the floor next; ties to the first. Doors the
    // member cannot reach from where it stands are left unseen.
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t p : left) {
      const double d = level.opening_for(p)->field.value(x);
      if (d < best) {
        best = d;
        sweep_door_[k] = p;
      }
    }
  }
  if (sweep_door_[k] != kNoPlace) return false;
  // Every door seen: the level is reported clear, and the member leaves.
  state_[k] = StaffState::kStoodDown;
  records_[k].stood_down = us_to_seconds(now);
  return true;
}

std::vector<std::uint32_t> Staffing::direct(Agents& agents, std::span<const std::uint32_t> active) {
  std::vector<std::uint32_t> sent;
  for (std::size_t k = 0; k < sc_.staff.size(); ++k) {
    const CompiledStaff& s = sc_.staff[k];
    if (s.duty != StaffDuty::kDirect || state_[k] != StaffState::kPosted) continue;
    const auto kk = static_cast<std::int32_t>(k);
    for (std::uint32_t i : active) {
      // Once by each marshal: a pupil sent on does not come back to be sent again.
      if (is_staff(i) || agents.level[i] != s.level || agents.directed[i] == kk ||
          (agents.position[i] - s.post).norm() > s.radius)
        continue;
      agents.directed[i] = kk;
      agents.route_kind[i] = RouteKind::kDirected;
      agents.route_step[i] = 0;
      agents.target[i] = kNoPlace;
      sent.push_back(i);
    }
  }
  return sent;
}

}  // namespace campusflow
