#pragma once
// Route choice during a run. The portal graph gives every place its cost to
// safety and to each step of each posted route; an agent heads for the
// opening of its level that minimises (field cost from where it stands +
// cost onward from that opening). Costs are recomputed when a door opens or
// closes or a place is blocked; agents then choose again.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

class Router {
 public:
  explicit Router(const CompiledScenario& sc);

  // A place that nobody may cross (a closed door, a blocked stair or exit).
  void set_closed(std::uint32_t place, bool closed);
  bool closed(std::uint32_t place) const { return closed_[place] != 0; }

  // The place agent i should head for; kNoPlace when no way is left. Keeps
  // `current` unless another is cheaper by more than the hysteresis, so that
  // near-ties do not make agents dither.
  std::uint32_t choose(const Agents& agents, std::uint32_t i, std::uint32_t current) const;

  // The cost of the way still ahead of agent i heading for `target` [m]:
  // the field to it, then the posted route's remaining steps, then safety.
  // A measure of progress, comparable between the members of one group.
  double remaining(const Agents& agents, std::uint32_t i, std::uint32_t target) const;

  // Counts, per place, the agents close before it that head for it: the
  // queue the quickest-route choice expects to wait in. Serial, once a tick.
  void count_queues(const Agents& agents, std::span<const std::uint32_t> active);
  // The expected wait before `place` [s]: its queue over its design capacity.
  double expected_wait(std::uint32_t place) const;

  // True when crossing `place` from `level` completes agent i's current route step.
  bool completes_step(const Agents& agents, std::uint32_t i, std::uint32_t place, std::uint32_t level) const;

 private:
  void recompute();
  // The field cost from x to opening o of `level` [m]; +infinity when o is
  // not reachable from x's side of a door x stands at.
  static double field_cost(const WalkableLevel& level, const Opening& o, const Vec2& x);
  const std::vector<double>& onward_costs(const Agents& agents, std::uint32_t i) const;

  const CompiledScenario& sc_;
  std::vector<char> closed_;                              // (places)
  std::vector<double> safety_;                            // (places) cost to the nearest open exit [m]
  std::vector<std::vector<std::vector<double>>> steps_;   // (groups)(route steps)(places) cost to the step [m]
  std::vector<std::vector<double>> tails_;                // (groups)(route steps) cost from a step to safety [m]
  std::vector<double> capacity_;                          // (places) design flow through it [P/s]; 0: no wait
  std::vector<std::uint32_t> queue_;                      // (places) agents queued before it
  bool any_quickest_ = false;                             // some group chooses the quickest way
};

}  // namespace campusflow
