#include "sim/engine/spawn.hpp"

#include <numeric>
#include <vector>

#include "sim/core/random.hpp"

namespace campusflow {

void spawn_group(const CompiledGroup& group, std::uint32_t group_index, std::uint64_t seed, TimeUs now,
                 Agents& agents) {
  // Choose `count` of the free places by a partial Fisher-Yates shuffle.
  std::vector<Vec2> places = group.positions;
  if (places.empty()) {
    if (group.teacher) places.push_back(group.teacher_position);
    const std::size_t pupils = group.count - (group.teacher ? 1 : 0);
    const RandomStream stream(seed, RandomPurpose::kSpawnPlacement, group_index);
    std::vector<std::size_t> order(group.candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t k = 0; k < pupils; ++k) {
      const std::size_t remaining = order.size() - k;
      const std::size_t pick = k + static_cast<std::size_t>(stream.bits(k) % remaining);
      std::swap(order[k], order[pick]);
      places.push_back(group.candidates[order[k]]);
    }
  }
  for (std::uint32_t k = 0; k < group.count; ++k) {
    const std::uint32_t id = group.first_agent + k;
    const RandomStream speed(seed, RandomPurpose::kDesiredSpeed, id);
    const RandomStream pre(seed, RandomPurpose::kPreMovement, id);
    const bool teacher = group.teacher && k == 0;  // an adult, whatever the class
    agents.position[id] = places[k];
    agents.velocity[id] = Vec2::Zero();
    agents.radius[id] = teacher ? group.teacher_radius : group.radius;
    agents.desired_speed[id] = (teacher ? profile(ProfileId::kAdult).desired_speed : group.desired_speed).sample(speed);
    agents.free_speed[id] = agents.desired_speed[id];
    agents.target[id] = kNoPlace;
    agents.last_place[id] = kNoPlace;
    agents.route_step[id] = 0;
    agents.level[id] = group.level;
    agents.group[id] = group_index;
    agents.status[id] = AgentStatus::kWaiting;
    agents.pre_movement[id] = group.pre_movement.sample(pre);
    // A class released when a stair clears waits until then (Simulation).
    agents.release[id] = group.release_when_clear >= 0 ? kNever : now + group.release_at + seconds_to_us(agents.pre_movement[id]);
  }
}

}  // namespace campusflow
