#include "sim/engine/outcome.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace campusflow {

std::vector<UnsafeGroup> unsafe_groups(const Simulation& sim) {
  const StuckWatch& watch = sim.stuck_watch();
  // The open episode of each agent still stuck, by agent.
  std::map<std::uint32_t, const StuckEpisode*> open;
  for (const StuckEpisode& e : watch.episodes())
    if (e.until < 0.0) open[e.agent] = &e;
  std::map<std::pair<std::uint32_t, std::uint32_t>, UnsafeGroup> groups;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::array<std::size_t, 4>> causes;
  for (std::uint32_t i : sim.active()) {
    // In a lockdown, those sheltering in their room are where the drill sends them.
    if (sim.lockdown() && sim.lockdown()->sheltered(i)) continue;
    const std::pair key{sim.agents().level[i], sim.nearest_place(i)};
    UnsafeGroup& g = groups[key];
    g.level = key.first;
    g.place = key.second;
    ++g.agents;
    const auto it = open.find(i);
    if (it == open.end()) continue;
    ++g.stuck;
    ++causes[key][static_cast<std::size_t>(it->second->cause)];
    g.since = g.since < 0.0 ? it->second->since : std::min(g.since, it->second->since);
  }
  std::vector<UnsafeGroup> out;
  for (auto& [key, g] : groups) {
    if (g.stuck > 0) {
      const auto& c = causes[key];
      g.cause = static_cast<StuckCause>(std::max_element(c.begin(), c.end()) - c.begin());
    }
    out.push_back(g);
  }
  std::stable_sort(out.begin(), out.end(), [](const UnsafeGroup& a, const UnsafeGroup& b) { return a.agents > b.agents; });
  return out;
}

}  // namespace campusflow
