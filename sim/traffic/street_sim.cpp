#include "sim/traffic/street_sim.hpp"

#include <algorithm>
#include <limits>
#include <cstring>

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
  vehicles_.resize(street_.vehicles.size());
  for (std::uint32_t i = 0; i < street_.vehicles.size(); ++i) {
    const DemandVehicle& d = street_.vehicles[i];
    Vehicle& v = vehicles_[i];
    v.demand = i;
    v.type = static_cast<std::uint32_t>(d.spec.type);
    v.link = static_cast<std::uint32_t>(street_.spec.routes[d.spec.route].links.front());
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
  crossings_.resize(street_.crossings.size());
  for (std::size_t c = 0; c < crossings_.size(); ++c) {
    const std::size_t legs = street_.crossings[c].legs.size();
    crossings_[c].leg_claimed.assign(legs, 0);
    crossings_[c].leg_arrival.assign(legs, std::numeric_limits<double>::infinity());
    crossings_[c].last_vehicle_exit.assign(legs, -1e9);
    crossings_[c].last_walker_exit.assign(legs, -1e9);
  }
  open_spill_.assign(street_.approaches.size(), -1);
}

void StreetSim::step(double t, double dt) {
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
  commit(t, dt);
  serve_curbs(t + dt, dt);
  move_walkers(t + dt, dt);
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

// Vehicles enter their first link in demand order, each when the lane it
// wants has room behind the last vehicle on it (never overlapping).
void StreetSim::insert(double t) {
  for (std::size_t link = 0; link < pending_.size(); ++link) {
    while (next_pending_[link] < pending_[link].size()) {
      const std::uint32_t i = pending_[link][next_pending_[link]];
      const DemandVehicle& d = street_.vehicles[i];
      if (d.spec.time > t) break;
      // A route over a closed link or through a banned turn is not entered
      // while the restriction lasts: the car waits at the edge of the
      // network (routes are given, not chosen; vehicles already on the way
      // finish theirs).
      bool closed = false;
      const auto& route = street_.spec.routes[d.spec.route].links;
      for (std::size_t k = 0; k < route.size(); ++k)
        for (const RestrictionSpec& r : street_.spec.restrictions) {
          if (r.link != route[k] || t < r.from || t >= r.to) continue;
          closed = closed || r.closed;
          if (k + 1 < route.size())
            closed = closed || std::find(r.no_turn_to.begin(), r.no_turn_to.end(), route[k + 1]) != r.no_turn_to.end();
        }
      if (closed) break;
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
      if (best < 0 || best_room < length(v) + idm(v).min_gap) break;
      v.phase = VehiclePhase::kDriving;
      v.lane = static_cast<std::uint32_t>(best);
      v.s = length(v);  // the whole car on the link, rear at its start
      v.v = 0.0;
      v.depart = t;
      lanes_[lane_id(static_cast<std::uint32_t>(link), v.lane)].push_back(i);
      active_.insert(std::lower_bound(active_.begin(), active_.end(), i), i);
      ++next_pending_[link];
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
  }
  for (const Walker& w : walkers_) {
    mix(&w.along, sizeof w.along);
    mix(&w.piece, sizeof w.piece);
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
