// Pupils (and escorting parents) on the sidewalks: they appear at a car's
// stall or as walk-ins, walk their shortest way to the gate and wait at
// crossings until they may step on: at a zebra when no vehicle is too close
// to stop comfortably (having announced themselves, every other driver
// yields), at a guarded crossing while the guard holds traffic, at a signal
// on the walk phase, elsewhere for a gap.
#include <algorithm>
#include <cmath>

#include <limits>

#include "sim/core/random.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

namespace {

constexpr double kAdultSpeed = 1.34;    // [m/s] escorting parents (Weidmann 1993)
constexpr double kGapMargin = 2.0;      // [s] pupils at uncontrolled crossings want this beyond their crossing time
// [m] drivers yield to a pupil walking towards their lanes from this close (on
// the crossing or still on the sidewalk): SUMO's junction model default
// (jmCrossingGap, 10 m).
constexpr double kClaimDistance = 10.0;

// Where a crossing leg's lanes lie for a pupil walking `piece` (in its
// direction, from where it stepped on) [m].
struct LegSpan {
  double near, far;
};
LegSpan leg_span(const WalkPiece& piece, const CrossingLeg& leg) {
  return piece.reversed ? LegSpan{piece.length - leg.to, piece.length - leg.from} : LegSpan{leg.from, leg.to};
}

}  // namespace

std::vector<WalkPiece> StreetSim::way_to_gate(std::uint32_t link, double pos, double access) const {
  const std::uint32_t gate = 0;
  std::vector<WalkPiece> way = street_.sidewalks.walk_to_gate(link, std::clamp(pos, 0.0, street_.links[link].length), gate);
  if (!way.empty() && access > 0.0) way.insert(way.begin(), WalkPiece{way.front().a, way.front().a, access, -1});
  return way;
}

std::vector<WalkPiece> StreetSim::reversed(const std::vector<WalkPiece>& way) {
  std::vector<WalkPiece> back;
  for (auto it = way.rbegin(); it != way.rend(); ++it) back.push_back({it->b, it->a, it->length, it->crossing});
  return back;
}

void StreetSim::spawn_children(std::uint32_t i, double t) {
  Vehicle& v = vehicles_[i];
  const DemandVehicle& d = street_.vehicles[v.demand];
  if (d.spec.children == 0 || street_.spec.gates.empty()) return;
  // Pupils get out where the car stands: at its front bumper's place along
  // the curb (the convention of SUMO's rides, so walks compare).
  std::uint32_t link = v.link;
  double pos = v.s;
  double access = 0.0;
  if (d.zone >= 0) {
    const CurbZoneSpec& z = street_.zones[d.zone].spec;
    access = z.walk_access;
    if (z.kind == CurbKind::kLot || z.kind == CurbKind::kUnderground) pos = z.start;
  }
  std::vector<WalkPiece> way = way_to_gate(link, pos, access);
  if (way.empty()) return;
  const bool bus = street_.spec.vehicle_types[v.type].vehicle_class == VehicleClass::kBus;
  const std::vector<WalkPiece> back = reversed(way);  // from the gate to the car, for pick-ups
  for (std::uint32_t c = 0; c < d.spec.children; ++c) {
    if (d.spec.pick_up && from_building_) {
      // A pupil from the building; one its car called is on its way already.
      // Without a call line a parent fetches it from the gate (below): it
      // sets off when the parent is there. Bus pupils board by themselves.
      const bool fetched = !call_distance_ && !bus;
      if (slot_walker_[static_cast<std::size_t>(slot_base_[i]) + c] < 0)
        add_pupil_walker(i, c, back, fetched ? std::numeric_limits<double>::infinity() : t);
      continue;
    }
    Walker w;
    w.id = d.spec.id + "/" + std::to_string(c);
    w.kind = d.spec.pick_up ? WalkerKind::kToCar : bus ? WalkerKind::kFromBus : WalkerKind::kFromCar;
    w.pieces = d.spec.pick_up ? back : way;
    w.start = d.spec.pick_up ? std::max(t, d.spec.release) : t;
    if (d.spec.pick_up) {
      w.vehicle = static_cast<std::int32_t>(i);
      ++v.awaiting;
    }
    const RandomStream rs(seed_, RandomPurpose::kStreetWalkSpeed, walkers_.size());
    w.speed = std::max(0.3, street_.spec.child_speed.sample(rs));
    walkers_.push_back(std::move(w));
  }
  // A parent walks to the gate and back: escorting the children in, or
  // fetching pupils from the building on foot (no call line; a bus's pupils
  // board by themselves).
  const bool escort = d.spec.escort && !d.spec.pick_up;
  const bool fetch = d.spec.pick_up && from_building_ && !call_distance_ && !bus;
  if (escort || fetch) {
    Walker w;
    w.id = d.spec.id + "/parent";
    w.kind = fetch ? WalkerKind::kFetch : WalkerKind::kEscort;
    w.pieces = way;
    w.returns_from = static_cast<std::uint32_t>(way.size());
    w.pieces.insert(w.pieces.end(), back.begin(), back.end());
    w.start = t;
    w.speed = kAdultSpeed;
    w.vehicle = static_cast<std::int32_t>(i);
    ++v.awaiting;
    walkers_.push_back(std::move(w));
  }
}

// May a pupil step onto the crossing of `piece` now, at `speed`? Each leg
// (one direction's lanes) is judged by when the pupil will be on it: a
// vehicle that can no longer stop comfortably (or, without priority, any
// vehicle) must have passed before the pupil reaches its lanes.
static bool vehicles_clear(const CompiledStreet& st, const std::vector<Vehicle>& vehicles,
                           const std::vector<std::uint32_t>& active, const WalkPiece& piece, double speed,
                           bool priority) {
  const StreetCrossing& x = st.crossings[static_cast<std::size_t>(piece.crossing)];
  for (const std::uint32_t i : active) {
    const Vehicle& v = vehicles[i];
    if (v.phase == VehiclePhase::kPending || v.phase == VehiclePhase::kDone || v.off_lane) continue;
    const double len = st.spec.vehicle_types[v.type].idm.length;
    for (const CrossingLeg& leg : x.legs) {
      const auto [near, far] = leg_span(piece, leg);
      double to_leg;  // from the front bumper to the leg
      if (v.link == leg.link) {
        to_leg = leg.start - v.s;
        if (to_leg < 0.0 && v.s - len < leg.end) {
          // On the leg: only a problem if it is still there when the pupil arrives.
          if (v.v < 0.1 || (leg.end + len - v.s) / v.v > near / speed) return false;
          continue;
        }
        if (to_leg < 0.0) continue;
      } else if (st.links[v.link].to == st.links[leg.link].from && leg.start == 0.0) {
        to_leg = st.links[v.link].length - v.s;  // about to turn onto the leg's link
      } else {
        continue;
      }
      if (v.v < 0.1) continue;  // standing: it has yielded
      const double reach = to_leg / v.v, clear = (to_leg + (leg.end - leg.start) + len) / v.v;
      const double on = near / speed, off = far / speed;
      const bool overlap = reach < off + kGapMargin && clear > on - kGapMargin;
      if (!overlap) continue;
      // Its yielding distance, with half a second to react.
      const double braking = yield_distance(st.spec.vehicle_types[v.type].idm, v.v) + v.v * 0.5;
      if (!priority || to_leg < braking) return false;
    }
  }
  return true;
}

void StreetSim::run_entry_checks(double t) {
  std::vector<CheckCall> calls;
  for (std::size_t g = 0; g < entry_lines_.size(); ++g) {
    EntryLine& line = entry_lines_[g];
    if (line.queue.servers() == 0) continue;  // no check at this gate
    // Checks that ended by t: the pupil is at school then (not at t).
    std::erase_if(line.checking, [&](std::uint32_t k) {
      Walker& w = walkers_[k];
      if (w.check_end > t) return false;
      w.arrival = w.check_end;
      return true;
    });
    calls.clear();
    const Distribution& service = street_.spec.gates[g].entry_check->service;
    line.queue.call(t, [&](std::uint32_t who) { return service.sample(RandomStream(seed_, RandomPurpose::kEntryCheck, who)); },
                    calls);
    for (const CheckCall& c : calls) {
      walkers_[c.who].check_start = c.start;
      walkers_[c.who].check_end = c.end;
      line.checking.push_back(c.who);
    }
  }
}

void StreetSim::move_walkers(double t, double dt) {
  while (next_walk_in_ < street_.walk_ins.size() && street_.walk_ins[next_walk_in_].time <= t) {
    const WalkInDemand& d = street_.walk_ins[next_walk_in_++];
    Walker w;
    w.id = d.id;
    w.kind = WalkerKind::kWalkIn;
    w.pieces = street_.spec.gates.empty() ? std::vector<WalkPiece>{} : street_.sidewalks.walk_to_gate(static_cast<std::uint32_t>(d.link), d.position, 0);
    w.start = t;
    const RandomStream rs(seed_, RandomPurpose::kStreetWalkSpeed, walkers_.size());
    w.speed = std::max(0.3, street_.spec.child_speed.sample(rs));
    if (w.pieces.empty()) w.arrival = t;  // cannot reach the gate: nothing to walk (compile warns)
    walkers_.push_back(std::move(w));
  }
  for (CrossingState& c : crossings_) {
    c.walkers_on = false;
    std::fill(c.leg_claimed.begin(), c.leg_claimed.end(), 0);
    std::fill(c.leg_arrival.begin(), c.leg_arrival.end(), std::numeric_limits<double>::infinity());
  }
  for (Walker& w : walkers_) {
    if (w.arrival >= 0.0 || w.start > t || w.queued >= 0.0) continue;  // done, still inside the school, or in line
    double left = w.speed * dt;
    while (left > 0.0 && w.piece < w.pieces.size()) {
      if (w.kind == WalkerKind::kFetch && w.piece == w.returns_from && w.along == 0.0 && !children_ready(w, t)) break;
      const WalkPiece& p = w.pieces[w.piece];
      if (p.crossing >= 0 && w.along == 0.0) {
        const auto c = static_cast<std::uint32_t>(p.crossing);
        const StreetCrossing& x = street_.crossings[c];
        bool may = true;
        if (x.guard >= 0 && t >= street_.spec.guards[x.guard].from && t < street_.spec.guards[x.guard].to)
          may = guards_[x.guard].holding && vehicles_clear(street_, vehicles_, active_, p, w.speed, true);
        else if (x.signal >= 0)
          may = walk_phase(c, t);
        else
          may = vehicles_clear(street_, vehicles_, active_, p, w.speed, x.pedestrian_priority);
        if (!may) {
          if (w.waiting_since < 0.0) w.waiting_since = t - dt;
          w.waited += dt;
          break;
        }
        // Stepping on: the pupil reaches each leg's lanes `near` metres on
        // and leaves them `far` metres on. PET against the last vehicle out.
        CrossingState& cs = crossings_[c];
        for (std::size_t k = 0; k < x.legs.size(); ++k) {
          const auto [near, far] = leg_span(p, x.legs[k]);
          const double reach = t + near / w.speed;
          if (reach - cs.last_vehicle_exit[k] <= kPetThreshold) {
            const Vec2 q = walker_position(w);
            conflicts_.push_back({ConflictKind::kPostEncroachment, reach, -1,
                                  static_cast<std::int32_t>(&w - walkers_.data()),
                                  std::max(0.0, reach - cs.last_vehicle_exit[k]), q.x(), q.y()});
          }
          cs.last_walker_exit[k] = std::max(cs.last_walker_exit[k], t + far / w.speed);
        }
        w.waiting_since = -1.0;
      }
      const double step = std::min(left, p.length - w.along);
      w.along += step;
      w.distance += step;
      left -= step;
      if (w.along >= p.length - 1e-9) {
        ++w.piece;
        w.along = 0.0;
      }
    }
    if (w.piece >= w.pieces.size()) {
      // Pupils coming to school (not a parent walking back, nor a pupil
      // walking to a car) join the gate's check while it is held.
      const std::optional<EntryCheckSpec>& check = street_.spec.gates[0].entry_check;
      const bool entering = w.kind == WalkerKind::kFromCar || w.kind == WalkerKind::kWalkIn || w.kind == WalkerKind::kFromBus;
      if (entering && check && t >= check->from && t < check->to) {
        w.queued = t;
        entry_lines_[0].queue.join(static_cast<std::uint32_t>(&w - walkers_.data()), t);
      } else {
        w.arrival = t;
      }
      if (w.vehicle >= 0) --vehicles_[w.vehicle].awaiting;
      continue;
    }
    const WalkPiece& p = w.pieces[w.piece];
    if (p.crossing >= 0) {
      if (w.along > 0.0) crossings_[p.crossing].walkers_on = true;
      claim_legs(p, w.along, w.speed, t);
    } else {  // a crossing ahead on its way, within reach: it has announced itself
      double ahead = p.length - w.along;
      for (std::size_t k = w.piece + 1; k < w.pieces.size() && ahead < kClaimDistance; ++k) {
        if (w.pieces[k].crossing >= 0) {
          claim_legs(w.pieces[k], -ahead, w.speed, t);
          break;
        }
        ahead += w.pieces[k].length;
      }
    }
  }
}

void StreetSim::claim_legs(const WalkPiece& piece, double along, double speed, double t) {
  const StreetCrossing& x = street_.crossings[static_cast<std::size_t>(piece.crossing)];
  CrossingState& st = crossings_[static_cast<std::size_t>(piece.crossing)];
  // Without priority, drivers only yield to pupils already on the lanes.
  if (!x.pedestrian_priority && along <= 0.0) return;
  for (std::size_t k = 0; k < x.legs.size(); ++k) {
    const CrossingLeg& leg = x.legs[k];
    // The leg's lanes in the pupil's direction of walking, from where it entered.
    const auto [near, far] = leg_span(piece, leg);
    if (along > far + 0.5) continue;  // already across these lanes
    if (near - along > kClaimDistance) continue;
    // On the crossing a pupil holds the lanes ahead; one still at or before
    // the curb announces when it will reach them, and drivers who would not
    // be across by then yield (see crossing_blocked_for).
    if (along > 0.0)
      st.leg_claimed[k] = 1;
    else
      st.leg_arrival[k] = std::min(st.leg_arrival[k], t + (near - along) / speed);
  }
}

void StreetSim::run_guards(double t) {
  for (std::size_t g = 0; g < guards_.size(); ++g) {
    const GuardSpec& spec = street_.spec.guards[g];
    GuardState& st = guards_[g];
    if (st.holding && t >= st.hold_until && !crossings_[spec.crossing].walkers_on) {
      st.holding = false;
      st.green_until = t + spec.min_green;
    }
    if (st.holding || t < st.green_until || t < spec.from || t >= spec.to) continue;
    std::uint32_t waiting = 0;
    double first = t;
    for (const Walker& w : walkers_)
      if (w.arrival < 0.0 && w.waiting_since >= 0.0 && w.piece < w.pieces.size() &&
          w.pieces[w.piece].crossing == static_cast<std::int32_t>(spec.crossing)) {
        ++waiting;
        first = std::min(first, w.waiting_since);
      }
    if (waiting >= spec.min_waiting || (waiting > 0 && t - first >= spec.max_wait)) {
      st.holding = true;
      st.hold_until = t + spec.hold;
    }
  }
}

}  // namespace campusflow
