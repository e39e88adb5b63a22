#include "sim/engine/router.hpp"

#include <cmath>
#include <limits>

namespace campusflow {

namespace {
// An agent keeps its target unless another is this much cheaper. [m]
constexpr double kHysteresis = 1.0;
}  // namespace

Router::Router(const CompiledScenario& sc) : sc_(sc), closed_(sc.places.size(), 0) {
  for (std::size_t p = 0; p < sc.places.size(); ++p) closed_[p] = !sc.places[p].open;
  recompute();
}

void Router::set_closed(std::uint32_t place, bool closed) {
  closed_[place] = closed;
  recompute();
}

void Router::recompute() {
  std::vector<std::uint32_t> exits;
  for (const CompiledExit& e : sc_.exits) exits.push_back(e.place);
  safety_ = sc_.graph.costs_to(exits, closed_);
  steps_.assign(sc_.groups.size(), {});
  for (std::size_t g = 0; g < sc_.groups.size(); ++g)
    for (const RouteStep& step : sc_.groups[g].route) steps_[g].push_back(sc_.graph.costs_to(step.places, closed_));
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
  auto cost = [&](const Opening& o) {
    if (closed_[o.place]) return std::numeric_limits<double>::infinity();
    // A place of the current route step costs nothing onward.
    double rest = onward[o.place];
    if (k < route.size())
      for (std::uint32_t p : route[k].places)
        if (p == o.place) rest = 0.0;
    if (!std::isfinite(rest)) return rest;
    return o.field.value(x) + rest;
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
