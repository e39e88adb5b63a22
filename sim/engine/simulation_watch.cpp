// The parts of a run that watch it rather than move it: the no-progress
// detector and its causes (docs/models/stuck.md), and the re-routes of those
// whose route a closure has shut (docs/models/routing.md). Serial, after the
// commit stage, in id order.
#include <limits>

#include "sim/engine/simulation.hpp"

namespace campusflow {

void Simulation::reroute(std::uint32_t i) {
  const std::span<const RouteStep> gave_up = router_.route_of(agents_, i);
  const std::uint32_t k = router_.first_shut_step(agents_, i);
  RerouteRecord r{i, us_to_seconds(now_), agents_.level[i], agents_.position[i], -1, kNoPlace, RouteKind::kNearest,
                  kNoPlace};
  if (k < gave_up.size()) {
    r.stair = gave_up[k].stair;
    r.place = gave_up[k].places.front();
  }
  const CompiledGroup& g = scenario_.groups[agents_.group[i]];
  agents_.route_step[i] = 0;
  std::uint32_t first = kNoPlace;
  if (agents_.route_kind[i] == RouteKind::kPosted && !g.fallback.empty()) {
    agents_.route_kind[i] = RouteKind::kFallback;
    first = router_.choose(agents_, i, kNoPlace);
    r.now = RouteKind::kFallback;
    r.goal = g.fallback.front().places.front();
  }
  if (first == kNoPlace || !router_.route_open(agents_, i)) {  // no fallback, or it is closed too
    agents_.route_kind[i] = RouteKind::kNearest;
    first = router_.choose(agents_, i, kNoPlace);
    r.now = RouteKind::kNearest;
    r.goal = router_.safety_beyond(agents_, i, first);
  }
  agents_.target[i] = first;
  watch_.restart(i, now_);
  reroutes_.push_back(r);
}

std::uint32_t Simulation::nearest_place(std::uint32_t i) const {
  std::uint32_t best = kNoPlace;
  double best_distance = std::numeric_limits<double>::infinity();
  for (const Opening& o : scenario_.levels[agents_.level[i]].openings) {
    const double d = o.field.value(agents_.position[i]);
    if (d < best_distance) {
      best_distance = d;
      best = o.place;
    }
  }
  return best;
}

StuckCause Simulation::stuck_cause(std::uint32_t i, std::uint32_t target) const {
  // How close a closed place must be to be the reason. [m]
  constexpr double kAtPlace = 2.0;
  // A neighbour this much beyond touching still holds the agent in: the
  // collision-free speed model stops agents short of contact, and on a
  // flight a tread (0.3 m) short of the one in front. [m]
  constexpr double kContact = 0.6;
  const Vec2& x = agents_.position[i];
  const WalkableLevel& level = scenario_.levels[agents_.level[i]];
  bool closed_here = false;  // a place of its level it may not cross
  for (const Opening& o : level.openings) {
    if (router_.may_cross(agents_, i, o.place)) continue;
    if (o.field.value(x) < kAtPlace) return StuckCause::kClosedPlace;
    closed_here = true;
  }
  // No way on: a closed place of its level has cut it off, or there never was one.
  if (target == kNoPlace) return closed_here ? StuckCause::kClosedPlace : StuckCause::kNoRoute;
  // Held on two sides or more: a jam of bodies, not a wall.
  int touching = 0;
  grids_[agents_.level[i]].for_each_near(x, [&](std::uint32_t j) {
    if (j != i && agents_.level[j] == agents_.level[i] &&
        (agents_.position[j] - x).norm() < agents_.radius[i] + agents_.radius[j] + kContact)
      ++touching;
  });
  return touching >= 2 ? StuckCause::kCrowd : StuckCause::kWall;
}

void Simulation::watch_progress() {
  for (std::uint32_t i : active_) {
    if ((tick_ + i) % watch_ticks_ != 0) continue;
    if (lockdown_ && lockdown_->sheltered(i)) {  // sheltering is standing still on purpose
      watch_.restart(i, now_);
      continue;
    }
    // A marshal at the post stands still on purpose; those a marshal holds
    // wait on purpose, as before a shut door that will open.
    if (staff_.on_duty(i) || staff_.holding(agents_.target[i], agents_.level[i])) {
      watch_.restart(i, now_);
      continue;
    }
    if (agents_.release[i] > now_) {  // still in pre-movement, or the class waits for its release
      watch_.restart(i, agents_.release[i] == kNever ? now_ : agents_.release[i]);
      continue;
    }
    // Right after a crossing the target is chosen afresh at the next tick:
    // measure against the one it will choose.
    std::uint32_t target = agents_.target[i];
    if (target == kNoPlace && !lockdown_) target = router_.choose(agents_, i, kNoPlace);
    const double remaining = lockdown_ ? lockdown_->remaining(agents_, i) : router_.remaining(agents_, i, target);
    if (!watch_.observe(i, remaining, now_)) continue;
    watch_.open({i, agents_.level[i], agents_.position[i], nearest_place(i), us_to_seconds(watch_.since(i)), -1.0,
                 stuck_cause(i, target)});
  }
}

}  // namespace campusflow
