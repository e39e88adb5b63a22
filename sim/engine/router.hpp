#pragma once
// Route choice during a run. The portal graph gives every place its cost to
// safety and to each step of each posted route; an agent heads for the
// opening of its level that minimises (field cost from where it stands +
// cost onward from that opening). Costs are recomputed when a door opens or
// closes or a place is blocked; agents then choose again. An agent follows
// its group's posted route, then the group's fallback route once a step of
// the posted one cannot be reached any more, then the nearest safety
// (Agents::route_kind; docs/models/routing.md).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

// What an event has done to a place.
enum class Closure : std::uint8_t {
  kOpen,
  kClosed,   // nobody crosses it, either way
  kNoEntry,  // a stair end of a stair blocked whole: nobody steps onto the
             // flight, those on it step off (a flight is never a trap)
};

class Router {
 public:
  explicit Router(const CompiledScenario& sc);

  // Closes or opens the places of one event together: the costs are
  // recomputed once (every group's routes, a Dijkstra each), not per place.
  void set_closure(std::span<const std::uint32_t> places, Closure c);
  Closure closure(std::uint32_t place) const { return static_cast<Closure>(closed_[place]); }
  // Whether agent i may cross `place` now: it is open, or i steps off the
  // flight of a stair closed to entry.
  bool may_cross(const Agents& agents, std::uint32_t i, std::uint32_t place) const;

  // The place agent i should head for; kNoPlace when no way is left on the
  // route it follows. Keeps `current` unless another is cheaper by more than
  // the hysteresis, so that near-ties do not make agents dither.
  std::uint32_t choose(const Agents& agents, std::uint32_t i, std::uint32_t current) const;

  // The cost of the way still ahead of agent i heading for `target` [m]:
  // the field to it, then the route's remaining steps, then safety.
  // A measure of progress, comparable between the members of one group.
  double remaining(const Agents& agents, std::uint32_t i, std::uint32_t target) const;

  // Whether the rest of the route agent i follows still leads to safety (a
  // later step may have closed, though the next can still be reached).
  bool route_open(const Agents& agents, std::uint32_t i) const;
  // The first step of agent i's route, from its current one on, that a
  // closure has made impossible (every place shut, or a flight with an end
  // shut); the current step when none is (it cannot be reached for want of a
  // way, not for a closure).
  std::uint32_t first_shut_step(const Agents& agents, std::uint32_t i) const;
  // The route agent i follows now: its group's posted route, the fallback, or none.
  std::span<const RouteStep> route_of(const Agents& agents, std::uint32_t i) const;
  // The safety place (exit or assembly point) agent i would reach heading
  // for `first` on its way to the nearest safety; kNoPlace when none.
  std::uint32_t safety_beyond(const Agents& agents, std::uint32_t i, std::uint32_t first) const;

  // Counts, per place, the agents close before it that head for it: the
  // queue the quickest-route choice expects to wait in. Serial, once a tick.
  void count_queues(const Agents& agents, std::span<const std::uint32_t> active);
  // The expected wait before `place` [s]: its queue over its design capacity.
  double expected_wait(std::uint32_t place) const;

  // True when crossing `place` from `level` completes agent i's current route step.
  bool completes_step(const Agents& agents, std::uint32_t i, std::uint32_t place, std::uint32_t level) const;

 private:
  struct RouteCosts {
    std::vector<std::vector<double>> steps;  // (route steps)(places) cost to the step [m]
    std::vector<double> tails;               // (route steps) cost from a step on to safety [m]
  };
  void recompute();
  // No one can do this step now: every place of it shut, or a flight with an end shut.
  bool shut(const RouteStep& step) const;
  RouteCosts route_costs(std::span<const RouteStep> route) const;
  // The cost from stair end p to each of `targets`' nearest, stepping off
  // the flight at p (its other end shut) [m].
  double leaving_cost(std::uint32_t p, std::span<const std::uint32_t> targets) const;
  // The field cost from x to opening o of `level` [m]; +infinity when o is
  // not reachable from x's side of a door x stands at.
  static double field_cost(const WalkableLevel& level, const Opening& o, const Vec2& x);
  // The costs of the route agent i follows; nullptr past its last step.
  const RouteCosts* costs_of(const Agents& agents, std::uint32_t i) const;
  // The cost onward from `place` for agent i [m]: to its current route step
  // (0 for a place of that step), or to safety past the last; +infinity when
  // the place cannot be crossed.
  double onward(const Agents& agents, std::uint32_t i, std::uint32_t place) const;

  const CompiledScenario& sc_;
  std::vector<char> closed_;                          // (places) Closure
  std::vector<double> safety_;                        // (places) cost to the nearest open exit [m]
  std::vector<double> leave_;                         // (places) kNoEntry ends: cost to safety stepping off [m]
  std::vector<std::array<RouteCosts, 2>> routes_;     // (groups) posted route, fallback route
  std::vector<RouteCosts> directed_;                  // (staff) the way a direct duty sends people
  std::vector<double> capacity_;                      // (places) design flow through it [P/s]; 0: no wait
  std::vector<std::uint32_t> queue_;                  // (places) agents queued before it
  bool any_quickest_ = false;                         // some group chooses the quickest way
};

}  // namespace campusflow
