// Curb zones as servers: stalls are reserved by approaching drop-off cars
// (by the zone's discipline), occupied for the entry manoeuvre and the dwell
// (and until an escorting parent is back), then freed once the car has found
// a gap in the lane and finished its exit manoeuvre.
#include <algorithm>

#include "sim/traffic/street_sim.hpp"

namespace campusflow {

namespace {

constexpr double kReserveRange = 150.0;  // [m] before a zone's entry, a driver is assigned a stall
constexpr double kExitClearance = 0.2;   // [m] more than s0 left behind a stall's car, against creeping up

}  // namespace

void StreetSim::reserve_stall(std::uint32_t i, double /*t*/) {
  Vehicle& v = vehicles_[i];
  const DemandVehicle& d = street_.vehicles[v.demand];
  ZoneState& zs = zones_[d.zone];
  const StreetZone& z = street_.zones[d.zone];
  std::int32_t rear_taken = -1;  // the rearmost stall taken
  for (std::size_t k = 0; k < zs.stalls.size(); ++k)
    if (zs.stalls[k].vehicle >= 0) rear_taken = static_cast<std::int32_t>(k);
  std::int32_t pick = -1;
  const bool line = z.spec.kind == CurbKind::kInLane || z.spec.discipline == CurbDiscipline::kPullForward;
  if (z.spec.discipline == CurbDiscipline::kPlatoon && zs.platoon_closed) return;
  if (line) {
    // No passing along the curb: the stall right behind the last car.
    if (rear_taken + 1 < static_cast<std::int32_t>(zs.stalls.size())) pick = rear_taken + 1;
  } else if (z.spec.discipline == CurbDiscipline::kPlatoon || z.spec.discipline == CurbDiscipline::kFrontFirst) {
    // The front-most free stall (staff wave each car there in a platoon).
    for (std::size_t k = 0; k < zs.stalls.size() && pick < 0; ++k)
      if (zs.stalls[k].vehicle < 0) pick = static_cast<std::int32_t>(k);
  } else {
    // The first free stall a driver passes (stalls are stored front first).
    for (std::size_t k = zs.stalls.size(); k-- > 0 && pick < 0;)
      if (zs.stalls[k].vehicle < 0) pick = static_cast<std::int32_t>(k);
  }
  if (pick < 0) return;
  zs.stalls[pick].vehicle = static_cast<std::int32_t>(i);
  v.stall = pick;
  if (z.spec.discipline == CurbDiscipline::kPlatoon &&
      std::all_of(zs.stalls.begin(), zs.stalls.end(), [](const StallState& s) { return s.vehicle >= 0; }))
    zs.platoon_closed = true;
}

double StreetSim::wait_point(std::int32_t zone, const Vehicle& v) const {
  const StreetZone& z = street_.zones[zone];
  // Pulling out needs the car behind s0 back (lane_has_room, kSecureGap).
  const double clear = idm(v).min_gap + kExitClearance;
  switch (z.spec.kind) {
    case CurbKind::kLayBy: {
      if (!z.spec.keep_exit_clear || z.stalls.empty()) break;
      const std::int32_t parked = zones_[zone].stalls.back().vehicle;  // stalls are stored front first
      if (parked < 0) break;
      return std::min(z.spec.start, z.stalls.back().front - length(vehicles_[parked]) - clear);
    }
    case CurbKind::kLot:  // left at its end: never stand in the way of a car coming out there
      return std::min(z.spec.start, z.spec.end - street_.max_vehicle_length - clear);
    case CurbKind::kUnderground:
      if (z.spec.exit_link == z.spec.link && z.spec.exit_position >= z.spec.start)
        return std::min(z.spec.start, z.spec.exit_position - street_.max_vehicle_length - clear);
      break;
    case CurbKind::kInLane:
      break;
  }
  return z.spec.start;
}

void StreetSim::finish_stop(std::uint32_t i, double t) {
  Vehicle& v = vehicles_[i];
  const DemandVehicle& d = street_.vehicles[v.demand];
  v.phase = VehiclePhase::kDriving;
  v.stopped = true;
  v.off_lane = false;
  v.stop_end = t;
  v.v = 0.0;
  if (d.zone < 0 || v.stall < 0) return;
  ZoneState& zs = zones_[d.zone];
  zs.stalls[v.stall].vehicle = -1;
  v.stall = -1;
  if (std::all_of(zs.stalls.begin(), zs.stalls.end(), [](const StallState& s) { return s.vehicle < 0; }))
    zs.platoon_closed = false;
}

void StreetSim::serve_curbs(double t, double dt) {
  // Stalls for the drivers nearest each zone first.
  std::vector<std::pair<double, std::uint32_t>> asking;
  for (const std::uint32_t i : active_) {
    const Vehicle& v = vehicles_[i];
    const DemandVehicle& d = street_.vehicles[v.demand];
    if (v.phase != VehiclePhase::kDriving || v.stopped || d.zone < 0 || v.stall >= 0) continue;
    const auto& links = routes_[v.route];
    if (v.step > v.stop_step) continue;
    double dist = street_.zones[d.zone].spec.start - v.s;
    for (std::uint32_t k = v.step; k < v.stop_step; ++k) dist += street_.links[links[k]].length;
    if (dist < kReserveRange) asking.push_back({dist, i});
  }
  std::sort(asking.begin(), asking.end());
  for (const auto& [dist, i] : asking) reserve_stall(i, t);

  for (const std::uint32_t i : active_) {
    Vehicle& v = vehicles_[i];
    const DemandVehicle& d = street_.vehicles[v.demand];
    if (v.phase == VehiclePhase::kManoeuvring && t >= v.until - 1e-9) {
      // In the stall (off the lane unless it stops in the lane): children get out.
      v.phase = VehiclePhase::kParked;
      v.served_stall = v.stall;
      v.off_lane = d.zone >= 0 && street_.zones[d.zone].spec.kind != CurbKind::kInLane;
      v.until = t + d.spec.dwell;
      spawn_children(i, t);
      continue;
    }
    if (v.phase == VehiclePhase::kParked && t >= v.until - 1e-9 && v.awaiting == 0) {
      if (d.zone < 0) {
        finish_stop(i, t);
        continue;
      }
      const StreetZone& z = street_.zones[d.zone];
      const ZoneState& zs = zones_[d.zone];
      if (z.spec.discipline == CurbDiscipline::kPullForward && v.stall > 0 && zs.stalls[v.stall - 1].vehicle >= 0)
        continue;  // boxed in by the car in front
      if (z.spec.discipline == CurbDiscipline::kPlatoon) {
        const bool all_done = std::all_of(zs.stalls.begin(), zs.stalls.end(), [&](const StallState& s) {
          if (s.vehicle < 0) return true;
          const Vehicle& o = vehicles_[s.vehicle];
          return (o.phase == VehiclePhase::kParked && t >= o.until - 1e-9 && o.awaiting == 0) ||
                 o.phase == VehiclePhase::kLeaving;
        });
        // Staff release a full platoon, or a partial one when nobody else is coming.
        const bool coming = std::any_of(vehicles_.begin(), vehicles_.end(), [&](const Vehicle& o) {
          return street_.vehicles[o.demand].zone == d.zone && !o.stopped && o.stall < 0 &&
                 (o.phase == VehiclePhase::kDriving || o.phase == VehiclePhase::kPending);
        });
        if (!all_done || (!zs.platoon_closed && coming)) continue;
        zones_[d.zone].platoon_closed = true;
      }
      // Off the road (a lay-by, a lot, a garage) the exit manoeuvre (and the
      // ramp) happens beside the lane, then the car waits for a gap to join;
      // a car stopped in the lane just drives off after it.
      v.phase = VehiclePhase::kLeaving;
      v.until = t + z.spec.exit_time + (z.spec.kind == CurbKind::kUnderground ? z.spec.ramp_time : 0.0);
      continue;
    }
    if (v.phase == VehiclePhase::kLeaving && t >= v.until - 1e-9 && v.off_lane) {
      // Out of a lot or garage: joins the road at its exit when there is a gap.
      const StreetZone& z = street_.zones[d.zone];
      std::uint32_t link = static_cast<std::uint32_t>(z.spec.link);
      double front = z.spec.kind == CurbKind::kLayBy ? z.stalls[v.stall].front : z.spec.end;
      if (z.spec.kind == CurbKind::kUnderground) {
        link = static_cast<std::uint32_t>(z.spec.exit_link);
        front = z.spec.exit_position;
      }
      front = std::max(front, length(v));
      // Pulling out from a standstill, a driver waits for the car behind to
      // be a safe gap back (it could stop behind at its comfortable
      // deceleration after its headway time), and never pulls out in front
      // of one standing closer than s0.
      if (!lane_has_room(link, 0, front, length(v), static_cast<std::int32_t>(i), FollowerRule::kSecureGap)) continue;
      const auto& links = routes_[v.route];
      v.step = static_cast<std::uint32_t>(std::find(links.begin() + v.step, links.end(), link) - links.begin());
      v.link = link;
      v.lane = 0;
      v.s = front;
      finish_stop(i, t);
      place_in_lane(lane_id(link, 0), i);  // visible to other exits this tick
      continue;
    }
    if (v.phase == VehiclePhase::kLeaving && t >= v.until - 1e-9) finish_stop(i, t);
  }
  for (std::size_t z = 0; z < zones_.size(); ++z)
    for (std::size_t k = 0; k < zones_[z].stalls.size(); ++k) {
      const std::int32_t o = zones_[z].stalls[k].vehicle;
      if (o >= 0 && vehicles_[o].phase != VehiclePhase::kDriving) stall_busy_[stall_base_[z] + k] += dt;
    }
}

}  // namespace campusflow
