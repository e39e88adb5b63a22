#include "sim/engine/router.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace campusflow {

namespace {
// An agent keeps its target unless another is this much cheaper. [m]
constexpr double kHysteresis = 1.0;
// Agents this close to the opening they head for are in its queue. [m]
constexpr double kQueueReach = 8.0;
// The design specific flow that turns a queue into an expected wait (SFPE). [P/(m s)]
constexpr double kDesignFlow = 1.33;
}  // namespace

Router::Router(const CompiledScenario& sc)
    : sc_(sc), closed_(closed_at_alarm(sc)), capacity_(sc.places.size(), 0.0), queue_(sc.places.size(), 0) {
  for (std::size_t p = 0; p < sc.places.size(); ++p) {
    const CompiledPlace& place = sc.places[p];
    if (place.kind == PlaceKind::kAssembly) continue;
    capacity_[p] = kDesignFlow * place.width;
    if (place.flow_limit > 0.0) capacity_[p] = std::min(capacity_[p], place.flow_limit);
  }
  for (const CompiledGroup& g : sc.groups) any_quickest_ = any_quickest_ || g.route_choice == RouteChoice::kQuickest;
  recompute();
}

void Router::count_queues(const Agents& agents, std::span<const std::uint32_t> active) {
  if (!any_quickest_) return;
  std::fill(queue_.begin(), queue_.end(), 0u);
  for (std::uint32_t i : active) {
    const std::uint32_t p = agents.target[i];
    if (p == kNoPlace || capacity_[p] <= 0.0) continue;
    const Opening* o = sc_.levels[agents.level[i]].opening_for(p);
    if (o && o->field.value(agents.position[i]) < kQueueReach) ++queue_[p];
  }
}

double Router::expected_wait(std::uint32_t place) const {
  return capacity_[place] > 0.0 ? static_cast<double>(queue_[place]) / capacity_[place] : 0.0;
}

void Router::set_closed(std::uint32_t place, bool closed) {
  closed_[place] = closed;
  recompute();
}

void Router::recompute() {
  safety_ = sc_.graph.costs_to(safety_places(sc_), closed_);
  steps_.assign(sc_.groups.size(), {});
  tails_.assign(sc_.groups.size(), {});
  for (std::size_t g = 0; g < sc_.groups.size(); ++g) {
    const auto& route = sc_.groups[g].route;
    for (const RouteStep& step : route) steps_[g].push_back(sc_.graph.costs_to(step.places, closed_));
    // From the last step backwards: the cheapest way from step k's places
    // on through the rest of the route to safety.
    tails_[g].assign(route.size(), 0.0);
    for (std::size_t k = route.size(); k-- > 0;) {
      double best = std::numeric_limits<double>::infinity();
      for (std::uint32_t p : route[k].places)
        best = std::min(best, k + 1 < route.size() ? steps_[g][k + 1][p] + tails_[g][k + 1] : safety_[p]);
      tails_[g][k] = best;
    }
  }
}

const std::vector<double>& Router::onward_costs(const Agents& agents, std::uint32_t i) const {
  const auto& steps = steps_[agents.group[i]];
  const std::uint32_t k = agents.route_step[i];
  return k < steps.size() ? steps[k] : safety_;
}

std::uint32_t Router::choose(const Agents& agents, std::uint32_t i, std::uint32_t current) const {
  const WalkableLevel& level = sc_.levels[agents.level[i]];
  const Vec2& x = agents.position[i];
  const std::vector<double>& onward = onward_costs(agents, i);
  const auto& route = sc_.groups[agents.group[i]].route;
  const std::uint32_t k = agents.route_step[i];
  const bool quickest = sc_.groups[agents.group[i]].route_choice == RouteChoice::kQuickest;
  // A place of the current route step costs nothing onward.
  auto rest_from = [&](std::uint32_t place) {
    if (k < route.size())
      for (std::uint32_t p : route[k].places)
        if (p == place) return 0.0;
    return onward[place];
  };
  auto cost = [&](const Opening& o) {
    if (closed_[o.place]) return std::numeric_limits<double>::infinity();
    double rest = rest_from(o.place);
    const std::int32_t s = sc_.places[o.place].stair;
    if (rest > 0.0 && s >= 0 && agents.level[i] != sc_.stairs[static_cast<std::size_t>(s)].level) {
      // Crossing a stair end from its floor always leads onto the flight,
      // never back onto the same floor: the way on is over the flight and
      // from its far end. The graph's floor links of a stair end serve those
      // who step off the flight; counted from the floor, they made the foot
      // of a stair a shortcut to an exit beside it (cheaper by the fields'
      // wall margins), and pupils walked into the foot and stood there,
      // holding it shut for those coming down.
      const CompiledStair& stair = sc_.stairs[static_cast<std::size_t>(s)];
      rest = stair.length + rest_from(o.place == stair.from_place ? stair.to_place : stair.from_place);
    }
    if (!std::isfinite(rest)) return rest;
    // The quickest way counts the wait before the opening as the distance
    // the agent would walk meanwhile.
    const double wait = quickest ? agents.free_speed[i] * expected_wait(o.place) : 0.0;
    return field_cost(level, o, x) + rest + wait;
  };
  // Never straight back through the place just crossed, unless it is the only way.
  for (bool allow_last : {false, true}) {
    std::uint32_t best = kNoPlace;
    double best_cost = std::numeric_limits<double>::infinity();
    double current_cost = std::numeric_limits<double>::infinity();
    for (const Opening& o : level.openings) {
      if (!allow_last && o.place == agents.last_place[i]) continue;
      const double c = cost(o);
      if (o.place == current) current_cost = c;
      if (c < best_cost) {
        best_cost = c;
        best = o.place;
      }
    }
    if (best == kNoPlace) continue;
    if (std::isfinite(current_cost) && current_cost <= best_cost + kHysteresis) return current;
    return best;
  }
  return kNoPlace;
}

double Router::field_cost(const WalkableLevel& level, const Opening& o, const Vec2& x) {
  // Fields keep out of the level's other doors by a band of blocked cells;
  // right at such a door a look-up may land on a cell across it, so the value
  // leaks through. There, the field must also reach a step back on the
  // agent's own side, or the opening is not reachable from here.
  const double reach = 2.0 * o.field.grid().cell;
  for (const Opening& door : level.openings) {
    if (door.kind != OpeningKind::kDoor || &door == &o) continue;
    const double across = (x - door.segment.a).dot(door.normal);
    if (std::abs(across) >= reach || distance(door.segment, x) >= reach) continue;
    const Vec2 own_side = x + (across >= 0.0 ? reach : -reach) * door.normal;
    if (!std::isfinite(o.field.value(own_side))) return std::numeric_limits<double>::infinity();
  }
  return o.field.value(x);
}

double Router::remaining(const Agents& agents, std::uint32_t i, std::uint32_t target) const {
  const Opening* o = sc_.levels[agents.level[i]].opening_for(target);
  if (!o) return std::numeric_limits<double>::infinity();
  const double here = o->field.value(agents.position[i]);
  const std::uint32_t g = agents.group[i], k = agents.route_step[i];
  if (k >= steps_[g].size()) return here + safety_[target];
  return here + steps_[g][k][target] + tails_[g][k];
}

bool Router::completes_step(const Agents& agents, std::uint32_t i, std::uint32_t place, std::uint32_t level) const {
  const auto& route = sc_.groups[agents.group[i]].route;
  const std::uint32_t k = agents.route_step[i];
  if (k >= route.size()) return false;
  const RouteStep& step = route[k];
  bool listed = false;
  for (std::uint32_t p : step.places) listed = listed || p == place;
  if (!listed) return false;
  // A stair is done when it is left, not when it is entered.
  return step.stair < 0 || level == sc_.stairs[static_cast<std::size_t>(step.stair)].level;
}

}  // namespace campusflow
