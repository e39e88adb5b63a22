// Measurements taken while the street runs (definitions in docs/metrics.md):
// the queue tail of each approach and its spillback every second, and the
// vehicle-vehicle time to collision every tick.
#include <algorithm>
#include <cmath>

#include "sim/traffic/street_sim.hpp"

namespace campusflow {

namespace {

constexpr double kQueueSpeed = 2.0;    // [m/s] slower than this, a vehicle is queueing
constexpr double kQueueGap = 20.0;     // [m] a larger gap ends the queue
constexpr double kSampleInterval = 1.0;  // [s]
constexpr double kTtcThreshold = 1.5;  // [s] VALIDATION.md

}  // namespace

void StreetSim::measure(double t, double dt) {
  (void)dt;
  // Time to collision between each vehicle and the one ahead on its lane.
  for (const auto& q : lanes_)
    for (std::size_t k = 1; k < q.size(); ++k) {
      const Vehicle& lead = vehicles_[q[k - 1]];
      const Vehicle& f = vehicles_[q[k]];
      if (f.phase != VehiclePhase::kDriving || f.v <= lead.v) continue;
      const double gap = lead.s - length(lead) - f.s;
      const double ttc = gap / (f.v - lead.v);
      if (ttc > kTtcThreshold || gap < 0.0) continue;
      const auto key = std::make_pair(static_cast<std::int32_t>(q[k]), static_cast<std::int32_t>(q[k - 1]));
      const auto it = ttc_pairs_.find(key);
      if (it == ttc_pairs_.end()) {
        const Vec2 p = vehicle_position(f);
        ttc_pairs_[key] = conflicts_.size();
        conflicts_.push_back({ConflictKind::kTimeToCollision, t, key.first, key.second, ttc, p.x(), p.y()});
      } else if (ttc < conflicts_[it->second].value) {
        conflicts_[it->second].value = ttc;
        conflicts_[it->second].time = t;
      }
    }
  if (t + 1e-9 < next_sample_) return;
  next_sample_ += kSampleInterval;
  queue_times_.push_back(t);
  for (std::size_t a = 0; a < street_.approaches.size(); ++a) {
    const StreetApproach& ap = street_.approaches[a];
    std::vector<std::pair<double, double>> slow;  // (front distance, rear distance) to the reference point
    for (std::size_t k = 0; k < ap.links.size(); ++k) {
      const StreetLink& l = street_.links[ap.links[k]];
      for (std::uint32_t lane = 0; lane < l.lanes; ++lane)
        for (std::uint32_t i : lanes_[lane_id(ap.links[k], lane)]) {
          const Vehicle& v = vehicles_[i];
          const double d = ap.end_distance[k] + (l.length - v.s);
          if (d < 0.0 || v.v >= kQueueSpeed || v.phase == VehiclePhase::kDone) continue;
          slow.push_back({d, d + length(v)});
        }
    }
    std::sort(slow.begin(), slow.end());
    double tail = 0.0;
    for (const auto& [front, rear] : slow) {
      if (front - tail > kQueueGap) break;
      tail = std::max(tail, rear);
    }
    queue_tails_.push_back(tail);
    const bool spilling = tail > ap.spill_distance;
    if (spilling && open_spill_[a] < 0) {
      open_spill_[a] = static_cast<std::int32_t>(spillbacks_.size());
      spillbacks_.push_back({static_cast<std::int32_t>(a), t, t + kSampleInterval, 0.0});
    }
    if (open_spill_[a] >= 0) {
      SpillbackEpisode& e = spillbacks_[open_spill_[a]];
      e.extent = std::max(e.extent, tail - ap.spill_distance);
      e.end = t + kSampleInterval;
      if (!spilling) {
        e.end = t;
        open_spill_[a] = -1;
      }
    }
  }
}

}  // namespace campusflow
