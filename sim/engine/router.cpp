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
constexpr double kInfinity = std::numeric_limits<double>::infinity();
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

void Router::set_closure(std::span<const std::uint32_t> places, Closure c) {
  for (std::uint32_t p : places) closed_[p] = static_cast<char>(c);
  recompute();
}

bool Router::may_cross(const Agents& agents, std::uint32_t i, std::uint32_t place) const {
  switch (closure(place)) {
    case Closure::kOpen: return true;
    case Closure::kClosed: return false;
    case Closure::kNoEntry: break;
  }
  const std::int32_t stair = sc_.places[place].stair;
  return stair >= 0 && agents.level[i] == sc_.stairs[static_cast<std::size_t>(stair)].level;
}

bool Router::shut(const RouteStep& step) const {
  auto is_shut = [&](std::uint32_t p) { return closed_[p] != 0; };
  // A stair step is done by walking the flight: with either end shut it
  // cannot be done at all, though the other end's node can still be reached.
  if (step.stair >= 0) return std::any_of(step.places.begin(), step.places.end(), is_shut);
  return std::all_of(step.places.begin(), step.places.end(), is_shut);
}

std::uint32_t Router::first_shut_step(const Agents& agents, std::uint32_t i) const {
  const std::span<const RouteStep> route = route_of(agents, i);
  for (std::uint32_t k = agents.route_step[i]; k < route.size(); ++k)
    if (shut(route[k])) return k;
  return agents.route_step[i];
}

Router::RouteCosts Router::route_costs(std::span<const RouteStep> route) const {
  RouteCosts r;
  for (const RouteStep& step : route)
    r.steps.push_back(shut(step) && step.stair >= 0 ? std::vector<double>(sc_.places.size(), kInfinity)
                                                    : sc_.graph.costs_to(step.places, closed_));
  // From the last step backwards: the cheapest way from step k's places
  // on through the rest of the route to safety.
  r.tails.assign(route.size(), 0.0);
  for (std::size_t k = route.size(); k-- > 0;) {
    double best = kInfinity;
    for (std::uint32_t p : route[k].places)
      best = std::min(best, k + 1 < route.size() ? r.steps[k + 1][p] + r.tails[k + 1] : safety_[p]);
    r.tails[k] = best;
  }
  return r;
}

double Router::leaving_cost(std::uint32_t p, std::span<const std::uint32_t> targets) const {
  const CompiledStair& stair = sc_.stairs[static_cast<std::size_t>(sc_.places[p].stair)];
  std::vector<char> mask = closed_;
  mask[p] = 0;
  mask[p == stair.from_place ? stair.to_place : stair.from_place] = 1;
  return sc_.graph.costs_to(targets, mask)[p];
}

void Router::recompute() {
  const std::vector<std::uint32_t> safety = safety_places(sc_);
  safety_ = sc_.graph.costs_to(safety, closed_);
  leave_.assign(sc_.places.size(), kInfinity);
  for (std::uint32_t p = 0; p < sc_.places.size(); ++p)
    if (closure(p) == Closure::kNoEntry) leave_[p] = leaving_cost(p, safety);
  routes_.clear();
  for (const CompiledGroup& g : sc_.groups) routes_.push_back({route_costs(g.route), route_costs(g.fallback)});
  directed_.clear();
  for (const CompiledStaff& s : sc_.staff) directed_.push_back(route_costs(s.route));
}

std::span<const RouteStep> Router::route_of(const Agents& agents, std::uint32_t i) const {
  const CompiledGroup& g = sc_.groups[agents.group[i]];
  switch (agents.route_kind[i]) {
    case RouteKind::kPosted: return g.route;
    case RouteKind::kFallback: return g.fallback;
    case RouteKind::kNearest: break;
    case RouteKind::kDirected: return sc_.staff[static_cast<std::size_t>(agents.directed[i])].route;
  }
  return {};
}

bool Router::route_open(const Agents& agents, std::uint32_t i) const {
  const RouteCosts* costs = costs_of(agents, i);
  return !costs || std::isfinite(costs->tails[agents.route_step[i]]);
}

const Router::RouteCosts* Router::costs_of(const Agents& agents, std::uint32_t i) const {
  if (agents.route_step[i] >= route_of(agents, i).size()) return nullptr;
  if (agents.route_kind[i] == RouteKind::kDirected) return &directed_[static_cast<std::size_t>(agents.directed[i])];
  return &routes_[agents.group[i]][agents.route_kind[i] == RouteKind::kPosted ? 0 : 1];
}

double Router::onward(const Agents& agents, std::uint32_t i, std::uint32_t place) const {
  switch (closure(place)) {
    case Closure::kOpen: break;
    case Closure::kClosed: return kInfinity;
    // Stepping off a flight closed to entry leads to safety, whatever the route said.
    case Closure::kNoEntry: return may_cross(agents, i, place) ? leave_[place] : kInfinity;
  }
  const std::span<const RouteStep> route = route_of(agents, i);
  const std::uint32_t k = agents.route_step[i];
  auto in_step = [&](std::uint32_t p) {
    if (k >= route.size()) return false;
    return std::find(route[k].places.begin(), route[k].places.end(), p) != route[k].places.end();
  };
  // A place of the current route step costs nothing onward.
  auto from_node = [&](std::uint32_t p) {
    if (in_step(p)) return 0.0;
    const RouteCosts* costs = costs_of(agents, i);
    return costs ? costs->steps[k][p] : safety_[p];
  };
  const CompiledPlace& p = sc_.places[place];
  if (p.kind == PlaceKind::kStairEnd) {
    const CompiledStair& stair = sc_.stairs[static_cast<std::size_t>(p.stair)];
    if (agents.level[i] != stair.level) {
      // Crossing a stair end from its floor leads onto the flight, never on
      // along the floor: the way on starts at the flight's far end, and a
      // flight whose far end is shut leads nowhere. (The graph joins a stair
      // end to the floor and the flight alike, so its cost alone would let an
      // agent beside the foot of a flight take it for a short cut across the
      // floor.)
      const std::uint32_t far = place == stair.from_place ? stair.to_place : stair.from_place;
      if (closure(far) != Closure::kOpen) return kInfinity;
      if (in_step(place)) return 0.0;  // the flight is the current step
      return stair.length + from_node(far);
    }
  }
  return from_node(place);
}

std::uint32_t Router::choose(const Agents& agents, std::uint32_t i, std::uint32_t current) const {
  const WalkableLevel& level = sc_.levels[agents.level[i]];
  const Vec2& x = agents.position[i];
  const bool quickest = sc_.groups[agents.group[i]].route_choice == RouteChoice::kQuickest;
  auto cost = [&](const Opening& o) {
    const double rest = onward(agents, i, o.place);
    if (!std::isfinite(rest)) return rest;
    // The quickest way counts the wait before the opening as the distance
    // the agent would walk meanwhile.
    const double wait = quickest ? agents.free_speed[i] * expected_wait(o.place) : 0.0;
    return field_cost(level, o, x) + rest + wait;
  };
  // Never straight back through the place just crossed, unless it is the only way.
  for (bool allow_last : {false, true}) {
    std::uint32_t best = kNoPlace;
    double best_cost = kInfinity;
    double current_cost = kInfinity;
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

std::uint32_t Router::safety_beyond(const Agents& agents, std::uint32_t i, std::uint32_t first) const {
  if (first == kNoPlace) return kNoPlace;
  std::uint32_t best = kNoPlace;
  double best_cost = kInfinity;
  for (std::uint32_t s : safety_places(sc_)) {
    const std::uint32_t one[] = {s};
    const double c = closure(first) == Closure::kNoEntry && may_cross(agents, i, first)
                         ? leaving_cost(first, one)
                         : sc_.graph.costs_to(one, closed_)[first];
    if (c < best_cost) {
      best_cost = c;
      best = s;
    }
  }
  return best;
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
    if (!std::isfinite(o.field.value(own_side))) return kInfinity;
  }
  return o.field.value(x);
}

double Router::remaining(const Agents& agents, std::uint32_t i, std::uint32_t target) const {
  if (target == kNoPlace) return kInfinity;
  const Opening* o = sc_.levels[agents.level[i]].opening_for(target);
  if (!o) return kInfinity;
  const double here = o->field.value(agents.position[i]);
  if (closure(target) == Closure::kNoEntry) return here + onward(agents, i, target);  // on to safety
  const RouteCosts* costs = costs_of(agents, i);
  return here + onward(agents, i, target) + (costs ? costs->tails[agents.route_step[i]] : 0.0);
}

bool Router::completes_step(const Agents& agents, std::uint32_t i, std::uint32_t place, std::uint32_t level) const {
  const std::span<const RouteStep> route = route_of(agents, i);
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
