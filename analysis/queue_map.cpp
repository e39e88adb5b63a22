#include "analysis/queue_map.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

#include "sim/geometry/polygon.hpp"

namespace campusflow::analysis {

std::vector<LaneOccupancy> queue_occupancy(std::span<const io::StreetFrameRow> frames, std::span<const io::LaneRow> lanes,
                                           double stretch, double queued_below) {
  std::vector<LaneOccupancy> out;
  for (const io::LaneRow& l : lanes) {
    const double len = std::hypot(l.x1 - l.x0, l.y1 - l.y0);
    out.push_back({l, stretch, std::vector<double>(static_cast<std::size_t>(std::max(1.0, std::ceil(len / stretch))), 0.0)});
  }
  // Stretches with a queued vehicle, counted once per frame however many
  // vehicles stand on them (short vehicles fit two to a stretch).
  std::set<std::tuple<std::int64_t, std::size_t, std::size_t>> occupied;  // frame, lane, stretch
  std::int64_t last = -1;
  for (const io::StreetFrameRow& r : frames) {
    last = std::max(last, r.frame);
    if (r.kind != io::kFrameVehicle || r.speed >= queued_below) continue;
    const Vec2 p(r.x, r.y);
    double best = std::numeric_limits<double>::infinity();
    std::size_t on = out.size();
    double along = 0.0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const io::LaneRow& l = out[i].lane;
      const Segment s{{l.x0, l.y0}, {l.x1, l.y1}};
      const Vec2 q = closest_point(s, p);
      const double d = (q - p).norm();
      if (d <= l.width / 2.0 && d < best) {
        best = d;
        on = i;
        along = (q - s.a).norm();
      }
    }
    if (on == out.size()) continue;  // in a stall or a junction
    occupied.emplace(r.frame, on, std::min(out[on].share.size() - 1, static_cast<std::size_t>(along / stretch)));
  }
  for (const auto& [frame, lane, k] : occupied) out[lane].share[k] += 1.0;
  // Frames count from the start of the run: those the street was empty in
  // (it writes no rows for them) are samples without a queue.
  const auto n = static_cast<double>(last + 1);
  for (LaneOccupancy& o : out)
    for (double& s : o.share) s /= std::max(1.0, n);
  return out;
}

}  // namespace campusflow::analysis
