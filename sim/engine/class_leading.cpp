#include "sim/engine/class_leading.hpp"

#include <algorithm>
#include <limits>

namespace campusflow {

namespace {
// Nobody waits within this distance past the opening last crossed, nor this
// close before the one ahead. [m]
constexpr double kClearPast = 3.0;
constexpr double kClearBefore = 1.5;
// The longest a teacher waits at a time. [us]
constexpr TimeUs kMaxTeacherWait = 60'000'000;
constexpr double kFree = std::numeric_limits<double>::infinity();
}  // namespace

ClassLeading::ClassLeading(const CompiledScenario& sc)
    : sc_(sc),
      lag_(sc.groups.size(), 0.0),
      waiting_(sc.groups.size(), 0),
      wait_since_(sc.groups.size(), 0),
      held_(sc.groups.size(), 0) {
  for (std::size_t g = 0; g < sc.groups.size(); ++g) held_[g] = sc.groups[g].release_when_clear >= 0;
}

void ClassLeading::release_waiting(Agents& agents, std::span<const std::uint32_t> active,
                                   std::span<const char> stair_used, TimeUs now) {
  for (std::size_t g = 0; g < held_.size(); ++g) {
    if (!held_[g]) continue;
    const CompiledGroup& group = sc_.groups[g];
    const auto stair = static_cast<std::size_t>(group.release_when_clear);
    if (!stair_used[stair] || now < group.release_at) continue;
    const std::uint32_t stair_level = sc_.stairs[stair].level;
    const bool empty =
        std::none_of(active.begin(), active.end(), [&](std::uint32_t i) { return agents.level[i] == stair_level; });
    if (!empty) continue;
    held_[g] = 0;
    for (std::uint32_t i = group.first_agent; i < group.first_agent + group.count; ++i)
      agents.release[i] = now + seconds_to_us(agents.pre_movement[i]);
  }
}

bool ClassLeading::in_the_way(const Agents& agents, std::uint32_t i) const {
  const WalkableLevel& level = sc_.levels[agents.level[i]];
  if (level.stair) return true;  // a flight or a path between levels is never open floor
  const Vec2& x = agents.position[i];
  const Opening* passed = level.opening_for(agents.last_place[i]);
  if (passed && distance(passed->segment, x) < kClearPast) return true;
  const Opening* ahead = level.opening_for(agents.target[i]);
  return ahead && ahead->kind != OpeningKind::kAssembly && distance(ahead->segment, x) < kClearBefore;
}

void ClassLeading::update(const Agents& agents, TimeUs now) {
  for (std::size_t g = 0; g < sc_.groups.size(); ++g) {
    const CompiledGroup& group = sc_.groups[g];
    if (!group.teacher) continue;
    const std::uint32_t teacher = group.first_agent;
    double lag = 0.0;
    for (std::uint32_t i = teacher + 1; i < group.first_agent + group.count; ++i)
      if (agents.status[i] != AgentStatus::kExited && agents.target[i] != kNoPlace)
        lag = std::max(lag, agents.remaining[i] - agents.remaining[teacher]);
    lag_[g] = lag;
    const bool wants = agents.status[teacher] != AgentStatus::kExited && lag > group.spread &&
                       !in_the_way(agents, teacher);
    if (wants && !waiting_[g]) wait_since_[g] = now;
    waiting_[g] = wants && now - wait_since_[g] < kMaxTeacherWait;
  }
}

double ClassLeading::speed_cap(const Agents& agents, std::uint32_t i) const {
  const std::uint32_t g = agents.group[i];
  const CompiledGroup& group = sc_.groups[g];
  if (!group.teacher || !waiting_[g]) return kFree;
  const std::uint32_t teacher = group.first_agent;
  if (i == teacher) return 0.0;
  // A pupil level with or ahead of the waiting teacher waits too, unless it
  // would stand in an opening.
  const bool ahead = agents.remaining[i] <= agents.remaining[teacher];
  return ahead && !in_the_way(agents, i) ? 0.0 : kFree;
}

}  // namespace campusflow
