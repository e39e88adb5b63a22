#include "sim/traffic/street_demand.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "sim/core/random.hpp"

namespace campusflow {

namespace {

// Stream entities: flows, the profile and walk-in flows never share one.
constexpr std::uint64_t kProfileEntity = 1u << 20;
constexpr std::uint64_t kWalkInEntity = 2u << 20;

// Arrival times of a Poisson process of `rate` per hour in [from, to).
std::vector<double> poisson_times(const RandomStream& rs, double rate, double from, double to) {
  std::vector<double> out;
  if (rate <= 0.0) return out;
  double t = from;
  for (std::uint64_t k = 0;; ++k) {
    t += -std::log(rs.uniform01(k)) * 3600.0 / rate;
    if (t >= to) return out;
    out.push_back(t);
  }
}

// Index drawn with probability proportional to `weights` from u in (0, 1).
std::size_t pick(const std::vector<double>& weights, double u) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double acc = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    acc += weights[i];
    if (u * total < acc) return i;
  }
  return weights.size() - 1;
}

void draw_profile(const DropOffProfileSpec& p, std::uint64_t seed, std::vector<VehicleDemand>& out) {
  if (p.routes.empty()) return;
  const RandomStream rs(seed, RandomPurpose::kStreetDemand, kProfileEntity);
  const auto cars = static_cast<std::size_t>(std::llround(p.pupils * p.share_driven / p.pupils_per_car));
  const std::vector<double> slices = p.profile.empty() ? std::vector<double>{1.0} : p.profile;
  const std::vector<double> weights = p.route_weights.size() == p.routes.size()
                                          ? p.route_weights
                                          : std::vector<double>(p.routes.size(), 1.0);
  const double p_two = std::clamp(p.pupils_per_car - 1.0, 0.0, 1.0);
  const double slice_len = p.window / static_cast<double>(slices.size());
  for (std::size_t k = 0; k < cars; ++k) {
    VehicleDemand v;
    v.id = "p" + std::to_string(k);
    v.type = p.type;
    const std::size_t slice = pick(slices, rs.uniform01(k, 0));
    v.time = std::max(0.0, p.bell - p.window + slice_len * (static_cast<double>(slice) + rs.uniform01(k, 1)));
    v.route = p.routes[pick(weights, rs.uniform01(k, 2))];
    v.drop_off = true;
    v.children = rs.uniform01(k, 3) < p_two ? 2 : 1;
    v.escort = rs.uniform01(k, 4) < p.escort_share;
    v.pick_up = p.pick_up;
    v.release = p.bell;
    v.dwell = std::max(0.0, p.dwell.sample(rs, k + (1u << 24)));
    out.push_back(v);
  }
}

}  // namespace

ExpandedDemand expand_demand(const StreetSpec& spec, std::uint64_t seed) {
  ExpandedDemand d{spec.vehicles, spec.walk_ins};
  for (std::size_t f = 0; f < spec.flows.size(); ++f) {
    const FlowSpec& fl = spec.flows[f];
    const RandomStream rs(seed, RandomPurpose::kStreetDemand, f);
    const std::vector<double> times = poisson_times(rs, fl.rate, fl.from, fl.to);
    const RandomStream dwell_rs(seed, RandomPurpose::kStreetDemand, f + (3u << 20));
    for (std::size_t k = 0; k < times.size(); ++k) {
      VehicleDemand v;
      v.id = "f" + std::to_string(f) + "_" + std::to_string(k);
      v.type = fl.type;
      v.time = times[k];
      v.route = fl.route;
      v.drop_off = fl.drop_off;
      v.children = fl.children;
      v.pick_up = fl.pick_up;
      v.release = fl.release;
      v.dwell = fl.drop_off ? std::max(0.0, fl.dwell.sample(dwell_rs, k)) : 0.0;
      d.vehicles.push_back(v);
    }
  }
  if (spec.drop_off_profile) draw_profile(*spec.drop_off_profile, seed, d.vehicles);
  for (std::size_t f = 0; f < spec.walk_in_flows.size(); ++f) {
    const WalkInFlowSpec& wf = spec.walk_in_flows[f];
    const RandomStream rs(seed, RandomPurpose::kStreetDemand, kWalkInEntity + f);
    const RandomStream pos_rs(seed, RandomPurpose::kStreetDemand, kWalkInEntity + (1u << 16) + f);
    const std::vector<double> times = poisson_times(rs, wf.rate, wf.from, wf.to);
    for (std::size_t k = 0; k < times.size(); ++k) {
      const double u = pos_rs.uniform01(k);
      d.walk_ins.push_back({"w" + std::to_string(f) + "_" + std::to_string(k), times[k], wf.link,
                            wf.position_min + u * (wf.position_max - wf.position_min)});
    }
  }
  std::stable_sort(d.vehicles.begin(), d.vehicles.end(),
                   [](const VehicleDemand& a, const VehicleDemand& b) { return a.time < b.time; });
  std::stable_sort(d.walk_ins.begin(), d.walk_ins.end(),
                   [](const WalkInDemand& a, const WalkInDemand& b) { return a.time < b.time; });
  return d;
}

}  // namespace campusflow
