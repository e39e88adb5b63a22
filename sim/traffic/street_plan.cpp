// The plan stage: each driving vehicle's acceleration (IDM towards the
// nearest of its leader and the places it must stop at) and its lane change
// (MOBIL), computed from the frozen state of the tick.
#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/traffic/idm/idm.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLookahead = 250.0;   // [m] how far drivers look for leaders and stop lines
constexpr double kStopMargin = 0.5;    // [m] a front bumper stops this short of a stop line
constexpr double kOnMark = 0.05;       // [m] closer than this to a mark, a car has reached it
// [s] a driver goes ahead of an announced pupil only if across its lanes this
// long before the pupil reaches them (SUMO's junction model, jmTimegapMinor).
constexpr double kCrossingTimeGap = 1.0;

// The phase signal `s` is in at time t (nullptr past the plan's end).
const SignalPhaseSpec* current_phase(const StreetSignal& s, double t) {
  const double in_cycle = std::fmod(t + s.offset, s.cycle);
  for (std::size_t p = 0; p < s.phases.size(); ++p)
    if (in_cycle < s.phase_end[p]) return &s.phases[p];
  return nullptr;
}

// Time to drive d metres from speed v accelerating at a up to vmax [s].
double time_to_cover(double d, double v, double a, double vmax) {
  if (d <= 0.0) return 0.0;
  const double t_acc = std::max(0.0, (vmax - v) / a);
  const double d_acc = v * t_acc + 0.5 * a * t_acc * t_acc;
  if (d <= d_acc) return (std::sqrt(v * v + 2.0 * a * d) - v) / a;
  return t_acc + (d - d_acc) / std::max(vmax, 1e-3);
}

}  // namespace

Ahead StreetSim::leader(std::size_t route, std::uint32_t step, std::uint32_t lane, double s, double range,
                        std::int32_t self) const {
  const auto& links = routes_[route];
  double dist = 0.0;  // from s to the start of the link being searched
  for (std::uint32_t k = step; k < links.size() && dist <= range; ++k) {
    const auto link = static_cast<std::uint32_t>(links[k]);
    const StreetLink& l = street_.links[link];
    const std::uint32_t ln = std::min(lane, l.lanes - 1);
    const auto& q = lanes_[lane_id(link, ln)];
    const double from = k == step ? s : -kInf;
    // q is front first: the leader is the last vehicle in it that is ahead of `from`.
    const Vehicle* best = nullptr;
    for (auto it = q.rbegin(); it != q.rend(); ++it) {
      const Vehicle& o = vehicles_[*it];
      if (static_cast<std::int32_t>(*it) == self || o.s <= from) continue;
      best = &o;
      break;
    }
    if (best) {
      const double gap = k == step ? best->s - length(*best) - s : dist + best->s - length(*best);
      return {gap, best->v};
    }
    dist += k == step ? l.length - s : l.length;
  }
  return {kInf, 0.0};
}

std::int32_t StreetSim::follower(std::uint32_t link, std::uint32_t lane, double rear, double& gap_out,
                                 std::int32_t self) const {
  for (std::uint32_t i : lanes_[lane_id(link, lane)]) {
    if (static_cast<std::int32_t>(i) == self || vehicles_[i].s > rear) continue;
    gap_out = rear - vehicles_[i].s;
    return static_cast<std::int32_t>(i);
  }
  gap_out = kInf;
  return -1;
}

double StreetSim::idm_accel(const Vehicle& v, double limit, const Ahead& ahead) const {
  IdmParams p = idm(v);
  p.desired_speed = std::min(p.desired_speed, limit);
  return idm_acceleration(p, v.v, ahead.gap, ahead.speed);
}

// A lower limit `next` starting `seen` metres ahead: the IDM (s0 = 0)
// towards a standing obstacle at the limit's start, but never nearer than
// the gap at which that obstacle holds a driver at `next` (v T + v^2 /
// (2 sqrt(a b)) for v = next), and at most `next` from there on; never
// harder than b. Drivers slow down before the sign, as SUMO's IDM drivers
// do (MSCFModel_IDM::freeSpeed), instead of braking where it stands.
double StreetSim::limit_accel(const Vehicle& v, double limit, double seen, double next) const {
  IdmParams p = idm(v);
  p.desired_speed = std::min(p.desired_speed, limit);
  p.min_gap = 0.0;
  const double hold = next * p.time_headway + next * next / (2.0 * std::sqrt(p.max_acceleration * p.comfortable_deceleration));
  double a = idm_acceleration(p, v.v, std::max(seen, hold), 0.0);
  if (seen < hold) a = std::min(a, (next - v.v) / street_.spec.vehicle_dt);
  // A sign is no obstacle: nobody brakes harder than b for it (the IDM
  // towards a standing obstacle briefly asks for about 1.2 b on the way).
  return std::max(a, -p.comfortable_deceleration);
}

bool StreetSim::signal_green(std::int32_t connection, double t) const {
  const int aspect = signal_aspect(connection, t);
  return aspect < 0 || aspect == 2;  // no signal, or green
}

int StreetSim::signal_aspect(std::int32_t connection, double t) const {
  const std::int32_t sg = street_.connection_signal[connection];
  if (sg < 0) return -1;
  const SignalPhaseSpec* phase = current_phase(street_.signals[sg], t);
  if (!phase) return 0;
  auto has = [&](const std::vector<std::size_t>& v) {
    return std::find(v.begin(), v.end(), static_cast<std::size_t>(connection)) != v.end();
  };
  return has(phase->green) ? 2 : has(phase->amber) ? 1 : 0;
}

// Towards a stop line or a stall's mark the IDM with s0 = 0: the driver
// wants to reach the mark, so the approach ends in a slow creep onto it (as
// SUMO's IDM drivers approach their stops) rather than s0 short of an
// obstacle placed beyond it.
double StreetSim::stop_accel(const Vehicle& v, double limit, double gap) const {
  // On the mark: stand (the IDM with s0 = 0 would pull away from it).
  if (gap <= kOnMark) return -v.v / street_.spec.vehicle_dt;
  IdmParams p = idm(v);
  p.desired_speed = std::min(p.desired_speed, limit);
  p.min_gap = 0.0;
  const double a = idm_acceleration(p, v.v, gap, 0.0);
  // Without s0 the IDM can overrun the mark within one tick; then the
  // deceleration that stops exactly on it (as SUMO caps its stop speed).
  const BallisticStep step = ballistic_step(v.v, a, street_.spec.vehicle_dt);
  if (step.distance > gap && v.v > 0.0) return -v.v * v.v / (2.0 * std::max(gap, 1e-3));
  return a;
}

bool StreetSim::walk_phase(std::uint32_t crossing, double t) const {
  const StreetCrossing& x = street_.crossings[crossing];
  if (x.signal < 0) return false;
  const SignalPhaseSpec* phase = current_phase(street_.signals[x.signal], t);
  return phase && std::find(phase->walk.begin(), phase->walk.end(), crossing) != phase->walk.end();
}

bool StreetSim::crossing_blocked_for(std::uint32_t crossing, std::size_t leg, double t, const Vehicle& v,
                                     double to_leg) const {
  const StreetCrossing& x = street_.crossings[crossing];
  if (x.guard >= 0 && guards_[x.guard].holding) return true;
  if (walk_phase(crossing, t)) return true;
  const CrossingState& st = crossings_[crossing];
  if (st.leg_claimed[leg] != 0) return true;
  if (!std::isfinite(st.leg_arrival[leg])) return false;
  // Would the driver be across (front to the far side, plus its length) before the pupil arrives?
  const CrossingLeg& l = x.legs[leg];
  const double clear =
      time_to_cover(to_leg + (l.end - l.start) + length(v), v.v, idm(v).max_acceleration, speed_limit(l.link, t));
  return st.leg_arrival[leg] < t + clear + kCrossingTimeGap;
}

std::int32_t StreetSim::needed_lane(const Vehicle& v) const {
  const DemandVehicle& d = street_.vehicles[v.demand];
  const auto& links = routes_[v.route];
  const StreetLink& l = street_.links[v.link];
  if (!v.stopped && v.step <= v.stop_step) {
    // Path distance to where it stops (a zone's entrance, or its place in the lane).
    const double at = d.zone >= 0 ? street_.zones[d.zone].spec.start : d.stop_front;
    double dist = at - v.s;
    for (std::uint32_t k = v.step; k < v.stop_step; ++k) dist += street_.links[links[k]].length;
    if (dist < street_.spec.vehicle_types[v.type].mobil.strategic_distance + l.length) return 0;
  }
  if (v.step + 1 < links.size()) {
    const StreetLink& next = street_.links[links[v.step + 1]];
    if (v.lane >= next.lanes && l.length - v.s < street_.spec.vehicle_types[v.type].mobil.strategic_distance)
      return static_cast<std::int32_t>(next.lanes - 1);
  }
  return -1;
}

double StreetSim::stop_ahead(std::uint32_t i, double t) const {
  const Vehicle& v = vehicles_[i];
  const DemandVehicle& d = street_.vehicles[v.demand];
  const auto& links = routes_[v.route];
  // A driver yields only where it can stop at half its comfortable
  // deceleration (the IDM brakes harder than the kinematic minimum when an
  // obstacle appears); closer, it goes on. Pupils use the same distance
  // (yield_distance) to decide whether a car can still stop for them.
  const double braking = yield_distance(idm(v), v.v);
  double gap = kInf;
  // A mark at distance m: a standing obstacle the driver wants to reach, not
  // keep s0 from (see stop_accel).
  // Stop lines are kept kStopMargin short of, so that nobody stands on a
  // crossing or in a junction; a stall's mark is driven onto.
  auto mark = [&](double m, double margin = kStopMargin) { gap = std::min(gap, std::max(0.0, m - margin)); };
  double dist = -v.s;  // from the front bumper to the start of link `k`
  for (std::uint32_t k = v.step; k < links.size() && dist <= kLookahead; ++k) {
    const auto link = static_cast<std::uint32_t>(links[k]);
    const StreetLink& l = street_.links[link];
    // Its stop: a stall, the wait point before a full zone, a lot entry, a place in the lane.
    if (!v.stopped && k == v.stop_step) {
      double at = d.stop_front;
      if (d.zone >= 0) {
        const StreetZone& z = street_.zones[d.zone];
        const bool along = z.spec.kind == CurbKind::kLayBy || z.spec.kind == CurbKind::kInLane;
        if (v.stall >= 0) at = along ? z.stalls[v.stall].front : z.spec.start;
        else at = wait_point(d.zone, v);
      }
      if (dist + at >= -0.5) {
        mark(dist + at, 0.0);
      } else if (d.zone >= 0 && v.stall < 0 && dist + street_.zones[d.zone].spec.end > 0.0) {
        mark(braking / 2.0, 0.0);  // past the entrance of a full zone: stop where it is, comfortably
      }
    }
    // Crossings it is about to drive over.
    for (std::uint32_t c = 0; c < street_.crossings.size(); ++c)
      for (std::size_t leg_i = 0; leg_i < street_.crossings[c].legs.size(); ++leg_i) {
        const CrossingLeg& leg = street_.crossings[c].legs[leg_i];
        if (leg.link != link) continue;
        const double to_leg = dist + leg.start;
        if (to_leg < 0.0 || to_leg < braking - 0.5) continue;  // on it, or cannot stop comfortably: go on
        if (crossing_blocked_for(c, leg_i, t, v, to_leg)) mark(to_leg);
      }
    // The connection at its end: a red signal, or a gap to wait for. The
    // stop line lies before a crossing strip at the link's end, so that a car
    // waiting there never stands where pupils walk.
    if (k + 1 < links.size()) {
      const std::int32_t con = street_.connection(link, static_cast<std::uint32_t>(links[k + 1]));
      const double to_end = dist + l.stop_line;
      if (con >= 0 && to_end >= braking - 0.5) {
        if (!signal_green(con, t)) mark(to_end);
        if (street_.spec.connections[con].rule == RightOfWay::kYield) {
          const std::uint32_t into = static_cast<std::uint32_t>(links[k + 1]);
          for (const ConnectionSpec& foe : street_.spec.connections) {
            if (foe.to_link != into || foe.rule != RightOfWay::kPriority) continue;
            const StreetLink& fl = street_.links[foe.from_link];
            for (std::uint32_t ln = 0; ln < fl.lanes; ++ln)
              for (std::uint32_t o : lanes_[lane_id(static_cast<std::uint32_t>(foe.from_link), ln)]) {
                const Vehicle& f = vehicles_[o];
                const double arrive = (fl.length - f.s) / std::max(f.v, 0.1);
                if (arrive < 4.0 && fl.length - f.s < 60.0) mark(to_end);
              }
          }
        }
      }
    }
    dist += l.length;
  }
  return gap;
}

StreetPlan StreetSim::plan(std::uint32_t i, double t) const {
  const Vehicle& v = vehicles_[i];
  const double limit = speed_limit(v.link, t);
  const double stop_gap = stop_ahead(i, t);
  // The nearest lower limit ahead (distance to where it starts, the limit).
  Ahead slower{std::numeric_limits<double>::infinity(), 0.0};
  {
    const auto& links = routes_[v.route];
    double dist = street_.links[v.link].length - v.s;
    for (std::uint32_t k = v.step + 1; k < links.size() && dist < kLookahead; ++k) {
      const double next = speed_limit(static_cast<std::uint32_t>(links[k]), t);
      if (next < std::max(v.v, limit) && dist < slower.gap) slower = {dist, next};
      dist += street_.links[links[k]].length;
    }
  }
  // The nearest constraint is usually the leader: stop marks and lower
  // limits ahead are only evaluated when there are any.
  auto bounded = [&](double a) {
    if (std::isfinite(stop_gap)) a = std::min(a, stop_accel(v, limit, stop_gap));
    if (std::isfinite(slower.gap)) a = std::min(a, limit_accel(v, limit, slower.gap, slower.speed));
    return a;
  };
  auto accel_in = [&](std::uint32_t lane) {
    return bounded(idm_accel(v, limit, leader(v.route, v.step, lane, v.s, kLookahead, static_cast<std::int32_t>(i))));
  };
  StreetPlan out{accel_in(v.lane), -1};
  const StreetLink& l = street_.links[v.link];
  const MobilParams& m = street_.spec.vehicle_types[v.type].mobil;
  if (l.lanes < 2 || t - v.last_change < m.min_interval) return out;
  const std::int32_t need = needed_lane(v);
  const auto cls = static_cast<unsigned>(street_.spec.vehicle_types[v.type].vehicle_class);
  double best_gain = 0.0;
  for (int dir : {-1, +1}) {
    const int target = static_cast<int>(v.lane) + dir;
    if (target < 0 || target >= static_cast<int>(l.lanes) || !(l.lane_allows[target] >> cls & 1u)) continue;
    if (need >= 0 && static_cast<int>(v.lane) == need) continue;  // keeps the lane it needs
    double bias = 0.0;
    if (need >= 0) bias = (target - static_cast<int>(v.lane)) * (need - static_cast<int>(v.lane)) > 0 ? m.strategic_bias : -1e9;
    // Safety: room beside it, and the new follower brakes no harder than b_safe.
    const auto tl = static_cast<std::uint32_t>(target);
    const Ahead new_lead = leader(v.route, v.step, tl, v.s, kLookahead, static_cast<std::int32_t>(i));
    if (new_lead.gap < 0.5) continue;
    double f_gap = kInf;
    const std::int32_t nf = follower(v.link, tl, v.s - length(v), f_gap, static_cast<std::int32_t>(i));
    double follower_loss = 0.0;
    if (nf >= 0) {
      const Vehicle& f = vehicles_[nf];
      if (f_gap < 0.5) continue;
      const double f_limit = speed_limit(f.link, t);
      const double f_after = idm_accel(f, f_limit, {f_gap, v.v});
      if (f_after < -m.safe_deceleration) continue;
      const Ahead f_lead_now = leader(f.route, f.step, tl, f.s, kLookahead, nf);
      follower_loss = idm_accel(f, f_limit, f_lead_now) - f_after;
    }
    const double a_new = bounded(idm_accel(v, limit, new_lead));
    const double gain = a_new - out.accel - m.politeness * follower_loss + bias;
    if (gain > m.threshold && gain > best_gain) {
      best_gain = gain;
      out.change_to = target;
      out.change_accel = a_new;
    }
  }
  return out;
}

}  // namespace campusflow
