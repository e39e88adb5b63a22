// The commit stage: lane changes (in vehicle order, so two drivers never take
// the same gap), the ballistic update, moving on to the next link or leaving
// the network, arriving at a stop, and the conflicts seen on the way
// (hard braking, post-encroachment at crossings).
#include <algorithm>
#include <cmath>

#include "sim/traffic/idm/idm.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

namespace {

constexpr double kHardBraking = 4.5;  // [m/s^2] VALIDATION.md: conflict threshold
constexpr double kAtMark = 0.1;       // [m] a car this close to its mark and standing has arrived
constexpr double kCurbStretch = 50.0; // [m] behind its mark, a driver stopping in the lane stops where the line ends

}  // namespace

bool StreetSim::lane_has_room(std::uint32_t link, std::uint32_t lane, double front, double len,
                              std::int32_t self, FollowerRule rule, double reaction) const {
  // `gap`: from the follower's front bumper to our rear one.
  auto too_close = [&](const Vehicle& f, double gap) {
    const IdmParams& p = idm(f);
    if (rule == FollowerRule::kSecureGap)
      return gap < p.min_gap + f.v * p.time_headway + f.v * f.v / (2.0 * p.comfortable_deceleration);
    gap -= f.v * reaction;
    return gap < 0.5 ||
           idm_acceleration(p, f.v, gap, 0.0) < -street_.spec.vehicle_types[f.type].mobil.safe_deceleration;
  };
  const double s0 = street_.spec.vehicle_types.front().idm.min_gap;
  // Ahead: every rear must be clear of our front. Behind: the nearest one
  // decides (anyone further back is behind it, too).
  const Vehicle* follower = nullptr;
  for (std::uint32_t o : lanes_[lane_id(link, lane)]) {
    if (static_cast<std::int32_t>(o) == self) continue;
    const Vehicle& f = vehicles_[o];
    if (f.s >= front) {
      if (f.s - length(f) - front < s0) return false;
    } else if (!follower || f.s > follower->s) {
      follower = &f;
    }
  }
  if (follower) return !too_close(*follower, front - len - follower->s);
  // None on this link: the nearest on each link that leads into this lane.
  const StreetLink& here = street_.links[link];
  for (std::uint32_t p = 0; p < street_.links.size(); ++p) {
    const StreetLink& pl = street_.links[p];
    if (pl.to != here.from || pl.from == here.to) continue;
    for (std::uint32_t pln = 0; pln < pl.lanes; ++pln) {
      if (std::min(pln, here.lanes - 1) != lane) continue;
      const Vehicle* last = nullptr;
      for (std::uint32_t o : lanes_[lane_id(p, pln)])
        if (!last || vehicles_[o].s > last->s) last = &vehicles_[o];
      if (last && too_close(*last, front - len + (pl.length - last->s))) return false;
    }
  }
  return true;
}

void StreetSim::commit(double t, double dt) {
  // Lane changes first, against the lanes as they are after earlier changes.
  for (const std::uint32_t i : active_) {
    Vehicle& v = vehicles_[i];
    if (v.phase != VehiclePhase::kDriving || plans_[i].change_to < 0) continue;
    const auto target = static_cast<std::uint32_t>(plans_[i].change_to);
    // The new follower planned this tick without us: it must have room to drive on for a tick.
    if (!lane_has_room(v.link, target, v.s, length(v), static_cast<std::int32_t>(i), FollowerRule::kMobil, dt)) continue;
    auto& from = lanes_[lane_id(v.link, v.lane)];
    from.erase(std::find(from.begin(), from.end(), i));
    v.lane = target;
    place_in_lane(lane_id(v.link, target), i);
    v.last_change = t;
    plans_[i].accel = plans_[i].change_accel;
  }
  for (const std::uint32_t i : active_) {
    Vehicle& v = vehicles_[i];
    if (v.phase != VehiclePhase::kDriving) continue;
    ++vehicle_updates_;
    const double accel = plans_[i].accel;
    const BallisticStep st = ballistic_step(v.v, accel, dt);
    // Braking as the speeds show it, tick to tick (as SUMO's and a probe's
    // records do): a car creeping onto its mark that stands still within
    // the tick has not braked hard, whatever its planned deceleration.
    const double braking = (v.v - st.speed) / dt;
    if (braking > kHardBraking && !v.hard_braking) {
      const Vec2 p = vehicle_position(v);
      conflicts_.push_back({ConflictKind::kHardBraking, t, static_cast<std::int32_t>(i), -1, braking, p.x(), p.y()});
    }
    v.hard_braking = braking > kHardBraking;
    const double before = v.s;
    v.s += st.distance;
    v.v = st.speed;
    v.a = accel;
    v.distance += st.distance;
    // Crossings entered and left (front in, rear out) on this link.
    for (std::size_t c = 0; c < street_.crossings.size(); ++c)
      for (std::size_t k = 0; k < street_.crossings[c].legs.size(); ++k) {
        const CrossingLeg& leg = street_.crossings[c].legs[k];
        if (leg.link != v.link) continue;
        CrossingState& cs = crossings_[c];
        // Its front enters the leg within 2 s of a pupil leaving those lanes
        // (or while one is still on them: PET 0).
        if (before < leg.start && v.s >= leg.start && t - cs.last_walker_exit[k] <= kPetThreshold) {
          const Vec2 p = vehicle_position(v);
          conflicts_.push_back({ConflictKind::kPostEncroachment, t, static_cast<std::int32_t>(i), -1,
                                std::max(0.0, t - cs.last_walker_exit[k]), p.x(), p.y()});
        }
        if (before - length(v) < leg.end && v.s - length(v) >= leg.end) cs.last_vehicle_exit[k] = t + dt;
      }
    const auto& links = routes_[v.route];
    while (v.s > street_.links[v.link].length) {
      if (v.step + 1 >= links.size()) {  // leaves the network when its rear is off the last link
        const double over = v.s - street_.links[v.link].length;
        if (over < length(v)) break;
        v.phase = VehiclePhase::kDone;
        v.arrival = t + dt;
        break;
      }
      v.s -= street_.links[v.link].length;
      ++v.step;
      v.link = static_cast<std::uint32_t>(links[v.step]);
      v.lane = std::min(v.lane, street_.links[v.link].lanes - 1);
    }
    if (v.phase == VehiclePhase::kDone) continue;
    // At its stop: standing at the mark on the stop link.
    const DemandVehicle& d = street_.vehicles[v.demand];
    if (v.stopped || v.step != v.stop_step || v.v > 0.1) continue;
    double at = d.stop_front;
    double slack = 0.0;  // how far short of its mark a car may stand and still be in its place
    bool ready = true;
    if (d.zone >= 0) {
      const StreetZone& z = street_.zones[d.zone];
      const bool along = z.spec.kind == CurbKind::kLayBy || z.spec.kind == CurbKind::kInLane;
      ready = v.stall >= 0;
      at = along && ready ? z.stalls[v.stall].front : z.spec.start;
      // In its stall when its whole body is: a car cannot always close up to
      // the car in the stall ahead by the full stall length.
      if (along) slack = std::max(0.0, z.spec.stall_length - length(v));
    } else {
      // A stop in the lane (no zone) is made as near the mark as the cars
      // already standing there allow: a line of parents stopping at the curb.
      slack = kCurbStretch;
    }
    if (!ready || v.s > at + kAtMark || v.s < at - kAtMark - slack) continue;
    v.phase = VehiclePhase::kManoeuvring;
    v.v = 0.0;
    // A lot's or garage's entry manoeuvre happens off the road, once the car has turned in.
    v.off_lane = d.zone >= 0 && (street_.zones[d.zone].spec.kind == CurbKind::kLot ||
                                 street_.zones[d.zone].spec.kind == CurbKind::kUnderground);
    v.stop_start = t + dt;
    v.until = t + dt + (d.zone >= 0 ? street_.zones[d.zone].spec.entry_time : 0.0);
  }
}

}  // namespace campusflow
