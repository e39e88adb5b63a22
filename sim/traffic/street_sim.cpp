#include "sim/traffic/street_sim.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <queue>

#include <tbb/parallel_for.h>

namespace campusflow {


StreetSim::StreetSim(const CompiledStreet& street, std::uint64_t seed) : street_(street), seed_(seed) {
  std::uint32_t lanes = 0;
  for (const StreetLink& l : street_.links) {
    lane_base_.push_back(lanes);
    lanes += l.lanes;
  }
  lanes_.resize(lanes);
  pending_.resize(street_.links.size());
  next_pending_.assign(street_.links.size(), 0);
  for (const RouteSpec& r : street_.spec.routes) routes_.emplace_back(r.links.begin(), r.links.end());
  restriction_on_.assign(street_.spec.restrictions.size(), 0);
  vehicles_.resize(street_.vehicles.size());
  held_epoch_.assign(vehicles_.size(), 0);
  for (std::uint32_t i = 0; i < street_.vehicles.size(); ++i) {
    const DemandVehicle& d = street_.vehicles[i];
    Vehicle& v = vehicles_[i];
    v.demand = i;
    v.type = static_cast<std::uint32_t>(d.spec.type);
    v.route = static_cast<std::uint32_t>(d.spec.route);
    v.stop_step = d.stop_route_step;
    v.link = routes_[v.route].front();
    v.stopped = !d.spec.drop_off;
    pending_[v.link].push_back(i);
  }
  plans_.resize(vehicles_.size());
  for (const StreetZone& z : street_.zones) {
    stall_base_.push_back(stall_busy_.size());
    zones_.push_back({std::vector<StallState>(z.stalls.size()), false});
    stall_busy_.resize(stall_busy_.size() + z.stalls.size(), 0.0);
  }
  guards_.resize(street_.spec.guards.size());
  for (const GateSpec& g : street_.spec.gates)
    entry_lines_.push_back({EntryQueue(g.entry_check ? g.entry_check->servers : 0), {}});
  crossings_.resize(street_.crossings.size());
  for (std::size_t c = 0; c < crossings_.size(); ++c) {
    const std::size_t legs = street_.crossings[c].legs.size();
    crossings_[c].leg_claimed.assign(legs, 0);
    crossings_[c].leg_arrival.assign(legs, std::numeric_limits<double>::infinity());
    crossings_[c].last_vehicle_exit.assign(legs, -1e9);
    crossings_[c].last_walker_exit.assign(legs, -1e9);
  }
  open_spill_.assign(street_.approaches.size(), -1);
  number_slots();
}

void StreetSim::step(double t, double dt, StageProfile& profile) {
  calls_.clear();
  std::optional<StageProfile::Scope> timer(std::in_place, profile, Stage::kStreetPlan);
  insert(t);
  build_lanes();
  for (const std::uint32_t i : active_) plans_[i] = StreetPlan{};
  auto plan_range = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const std::uint32_t i = active_[k];
      if (vehicles_[i].phase == VehiclePhase::kDriving) plans_[i] = plan(i, t);
    }
  };
  // Plans are independent, so threads cannot change them; below a few
  // thousand vehicles, handing out the work costs more than it saves.
  if (active_.size() < parallel_threshold_) {
    plan_range(0, active_.size());
  } else {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, active_.size(), 32),
                      [&](const auto& r) { plan_range(r.begin(), r.end()); });
  }
  timer.emplace(profile, Stage::kStreetCommit);
  commit(t, dt);
  serve_curbs(t + dt, dt);
  move_walkers(t + dt, dt);
  run_entry_checks(t + dt);
  call_pupils(t + dt);
  run_guards(t + dt);
  measure(t + dt, dt);
  // Those that left drop out of the active list.
  const std::size_t before = active_.size();
  active_.erase(std::remove_if(active_.begin(), active_.end(),
                               [&](std::uint32_t i) { return vehicles_[i].phase == VehiclePhase::kDone; }),
                active_.end());
  done_ += before - active_.size();
  ++ticks_;
}

double StreetSim::speed_limit(std::uint32_t link, double t) const {
  double limit = street_.links[link].speed_limit;
  for (const RestrictionSpec& r : street_.spec.restrictions)
    if (r.link == link && r.speed_limit && t >= r.from && t < r.to) limit = std::min(limit, *r.speed_limit);
  return limit;
}

bool StreetSim::route_open(const std::vector<std::uint32_t>& links, double t) const {
  for (std::size_t k = 0; k < links.size(); ++k)
    for (const RestrictionSpec& r : street_.spec.restrictions) {
      if (r.link != links[k] || t < r.from || t >= r.to) continue;
      if (r.closed) return false;
      if (k + 1 < links.size() && std::find(r.no_turn_to.begin(), r.no_turn_to.end(), links[k + 1]) != r.no_turn_to.end())
        return false;
    }
  return true;
}

// Dijkstra over links: a link's cost is its free-flow time (length over the
// lower of the driver's desired speed and the limit in force); a driver may
// go from a to b where a connection joins them, b is open and the turn is
// not banned. Ties go to the lower link index, so the path never depends on
// anything but the network and t.
std::vector<std::uint32_t> StreetSim::quickest_path(std::uint32_t from, std::uint32_t to, double t,
                                                    double v0) const {
  const std::size_t n = street_.links.size();
  auto closed = [&](std::uint32_t l) {
    return std::any_of(street_.spec.restrictions.begin(), street_.spec.restrictions.end(), [&](const RestrictionSpec& r) {
      return r.link == l && r.closed && t >= r.from && t < r.to;
    });
  };
  auto banned = [&](std::uint32_t a, std::uint32_t b) {
    return std::any_of(street_.spec.restrictions.begin(), street_.spec.restrictions.end(), [&](const RestrictionSpec& r) {
      return r.link == a && t >= r.from && t < r.to &&
             std::find(r.no_turn_to.begin(), r.no_turn_to.end(), b) != r.no_turn_to.end();
    });
  };
  if (closed(from) || closed(to)) return {};
  std::vector<double> best(n, std::numeric_limits<double>::infinity());
  std::vector<std::int32_t> prev(n, -1);
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  best[from] = 0.0;
  open.push({0.0, from});
  while (!open.empty()) {
    const auto [d, a] = open.top();
    open.pop();
    if (d > best[a]) continue;
    if (a == to) break;
    for (const std::uint32_t b : street_.links[a].successors) {
      if (closed(b) || banned(a, b)) continue;
      const double nd = d + street_.links[b].length / std::min(v0, speed_limit(b, t));
      if (nd < best[b]) {
        best[b] = nd;
        prev[b] = static_cast<std::int32_t>(a);
        open.push({nd, b});
      }
    }
  }
  if (!std::isfinite(best[to])) return {};
  std::vector<std::uint32_t> path{to};
  while (path.back() != from) path.push_back(static_cast<std::uint32_t>(prev[path.back()]));
  std::reverse(path.begin(), path.end());
  return path;
}

// A route over a closed link or through a banned turn is not entered while
// the restriction lasts. Unless its route is `fixed`, the driver takes the
// quickest way around, chosen as it enters: from its route's first link
// through the link it stops on (and, out of a garage, the link it leaves
// by) to its route's last. Without one it waits at the edge of the network
// until the restrictions change. Vehicles already on their way finish their
// route.
bool StreetSim::may_enter(std::uint32_t i, double t) {
  Vehicle& v = vehicles_[i];
  if (held_epoch_[i] == restriction_epoch_) return false;  // nothing changed since it was found held
  if (route_open(routes_[v.route], t)) return true;
  const DemandVehicle& d = street_.vehicles[i];
  if (!street_.spec.routes[d.spec.route].fixed) {
    const std::vector<std::uint32_t>& old = routes_[v.route];
    std::vector<std::uint32_t> via{old.front()};
    if (!v.stopped) {
      via.push_back(old[v.stop_step]);
      if (d.zone >= 0 && street_.zones[d.zone].spec.kind == CurbKind::kUnderground &&
          street_.zones[d.zone].spec.exit_link != street_.zones[d.zone].spec.link)
        via.push_back(static_cast<std::uint32_t>(street_.zones[d.zone].spec.exit_link));
    }
    via.push_back(old.back());
    const double v0 = idm(v).desired_speed;
    std::vector<std::uint32_t> path{via.front()};
    std::uint32_t stop_step = 0;
    bool found = true;
    for (std::size_t k = 1; k < via.size() && found; ++k) {
      const std::vector<std::uint32_t> leg = quickest_path(via[k - 1], via[k], t, v0);
      found = !leg.empty();
      if (found) path.insert(path.end(), leg.begin() + 1, leg.end());
      if (k == 1) stop_step = static_cast<std::uint32_t>(path.size() - 1);
    }
    if (found) {
      // Drivers sent the same way share one entry of the table.
      auto it = std::find(routes_.begin(), routes_.end(), path);
      if (it == routes_.end()) it = routes_.insert(routes_.end(), std::move(path));
      v.route = static_cast<std::uint32_t>(it - routes_.begin());
      if (!v.stopped) v.stop_step = stop_step;
      return true;
    }
  }
  held_epoch_[i] = restriction_epoch_;
  return false;
}

// Vehicles enter their first link in demand order, each when the lane it
// wants has room behind the last vehicle on it (never overlapping). A car
// held by a restriction lets the cars behind it that are bound elsewhere
// enter (they would drive round it at the edge of the network); a car
// waiting for room on its lane holds up those behind it.
void StreetSim::insert(double t) {
  bool changed = false;
  for (std::size_t r = 0; r < restriction_on_.size(); ++r) {
    const RestrictionSpec& spec = street_.spec.restrictions[r];
    const char on = t >= spec.from && t < spec.to;
    changed = changed || on != restriction_on_[r];
    restriction_on_[r] = on;
  }
  if (changed) ++restriction_epoch_;
  for (std::size_t link = 0; link < pending_.size(); ++link) {
    const auto& queue = pending_[link];
    std::size_t& head = next_pending_[link];
    while (head < queue.size() && vehicles_[queue[head]].phase != VehiclePhase::kPending) ++head;
    for (std::size_t k = head; k < queue.size(); ++k) {
      const std::uint32_t i = queue[k];
      if (vehicles_[i].phase != VehiclePhase::kPending) continue;  // entered past a held car
      const DemandVehicle& d = street_.vehicles[i];
      if (d.spec.time > t) break;
      if (!may_enter(i, t)) continue;
      Vehicle& v = vehicles_[i];
      const StreetLink& l = street_.links[link];
      const auto cls = static_cast<unsigned>(street_.spec.vehicle_types[v.type].vehicle_class);
      std::int32_t best = -1;
      double best_room = -1.0;
      for (std::uint32_t lane = 0; lane < l.lanes; ++lane) {
        if (!(l.lane_allows[lane] >> cls & 1u)) continue;
        if (d.spec.drop_off && lane != 0 && (l.lane_allows[0] >> cls & 1u)) continue;  // heading for the curb
        const auto& q = lanes_[lane_id(static_cast<std::uint32_t>(link), lane)];
        const double room = q.empty() ? 1e9 : vehicles_[q.back()].s - length(vehicles_[q.back()]);
        if (room > best_room) {
          best_room = room;
          best = static_cast<std::int32_t>(lane);
        }
      }
      if (best < 0 || best_room < length(v) + idm(v).min_gap) {
        // It waits for room; a detour chosen now is chosen again when it enters.
        v.route = static_cast<std::uint32_t>(d.spec.route);
        v.stop_step = d.stop_route_step;
        break;
      }
      v.phase = VehiclePhase::kDriving;
      v.lane = static_cast<std::uint32_t>(best);
      v.s = length(v);  // the whole car on the link, rear at its start
      v.v = 0.0;
      v.depart = t;
      lanes_[lane_id(static_cast<std::uint32_t>(link), v.lane)].push_back(i);
      active_.insert(std::lower_bound(active_.begin(), active_.end(), i), i);
    }
  }
}

void StreetSim::build_lanes() {
  for (auto& q : lanes_) q.clear();
  for (const std::uint32_t i : active_) {
    const Vehicle& v = vehicles_[i];
    const bool on_lane = v.phase == VehiclePhase::kDriving ||
                         ((v.phase == VehiclePhase::kManoeuvring || v.phase == VehiclePhase::kParked ||
                           v.phase == VehiclePhase::kLeaving) &&
                          !v.off_lane);
    if (on_lane) lanes_[lane_id(v.link, v.lane)].push_back(i);
  }
  for (auto& q : lanes_) std::sort(q.begin(), q.end(), [&](std::uint32_t a, std::uint32_t b) { return ahead(a, b); });
}

void StreetSim::place_in_lane(std::uint32_t lane, std::uint32_t i) {
  auto& q = lanes_[lane];
  q.insert(std::upper_bound(q.begin(), q.end(), i, [&](std::uint32_t a, std::uint32_t b) { return ahead(a, b); }), i);
}

bool StreetSim::finished() const {
  if (done_ < vehicles_.size()) return false;
  for (const Walker& w : walkers_)
    if (w.arrival < 0.0) return false;
  return next_walk_in_ >= street_.walk_ins.size();
}

std::size_t StreetSim::vehicles_inside() const {
  std::size_t n = 0;
  for (const std::uint32_t i : active_) n += vehicles_[i].phase != VehiclePhase::kDone;
  return n;
}

std::uint64_t StreetSim::state_hash() const {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t k = 0; k < n; ++k) h = (h ^ b[k]) * 1099511628211ull;
  };
  for (const Vehicle& v : vehicles_) {
    mix(&v.s, sizeof v.s);
    mix(&v.v, sizeof v.v);
    mix(&v.link, sizeof v.link);
    mix(&v.lane, sizeof v.lane);
    mix(&v.phase, sizeof v.phase);
    mix(&v.route, sizeof v.route);
    mix(&v.stop_step, sizeof v.stop_step);
  }
  for (std::size_t r = street_.spec.routes.size(); r < routes_.size(); ++r)
    mix(routes_[r].data(), routes_[r].size() * sizeof(std::uint32_t));
  for (const Walker& w : walkers_) {
    mix(&w.along, sizeof w.along);
    mix(&w.piece, sizeof w.piece);
    // When each arrived (an entry check's end): a check that changes no one's walk changes this.
    mix(&w.arrival, sizeof w.arrival);
  }
  return h;
}

Vec2 StreetSim::vehicle_position(const Vehicle& v) const {
  // Its centre: half its length behind the front bumper.
  return street_.road_point(v.link, v.s - length(v) / 2.0, street_.lane_offset(v.link, v.lane, v.off_lane));
}

Vec2 StreetSim::walker_position(const Walker& w) const {
  if (w.piece >= w.pieces.size()) return w.pieces.empty() ? Vec2::Zero() : w.pieces.back().b;
  const WalkPiece& p = w.pieces[w.piece];
  return p.length > 0.0 ? Vec2(p.a + (p.b - p.a) * (w.along / p.length)) : p.a;
}

}  // namespace campusflow
