#include "analysis/queue_map.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "sim/geometry/polygon.hpp"

namespace campusflow::analysis {

std::vector<LaneOccupancy> queue_occupancy(std::span<const io::StreetFrameRow> frames, std::span<const io::LaneRow> lanes,
                                           double stretch, double queued_below) {
  std::vector<LaneOccupancy> out;
  for (const io::LaneRow& l : lanes) {
    const double len = std::hypot(l.x1 - l.x0, l.y1 - l.y0);
    out.push_back({l, stretch, std::vector<double>(static_cast<std::size_t>(std::max(1.0, std::ceil(len / stretch))), 0.0)});
  }
  std::set<std::int64_t> sampled;
  for (const io::StreetFrameRow& r : frames) {
    sampled.insert(r.frame);
    if (r.kind != 0 || r.speed >= queued_below) continue;
    const Vec2 p(r.x, r.y);
    double best = std::numeric_limits<double>::infinity();
    LaneOccupancy* on = nullptr;
    double along = 0.0;
    for (LaneOccupancy& o : out) {
      const Segment s{{o.lane.x0, o.lane.y0}, {o.lane.x1, o.lane.y1}};
      const Vec2 q = closest_point(s, p);
      const double d = (q - p).norm();
      if (d <= o.lane.width / 2.0 && d < best) {
        best = d;
        on = &o;
        along = (q - s.a).norm();
      }
    }
    if (!on) continue;  // in a stall or a junction
    const auto k = std::min(on->share.size() - 1, static_cast<std::size_t>(along / stretch));
    on->share[k] += 1.0;
  }
  const auto n = static_cast<double>(std::max<std::size_t>(1, sampled.size()));
  for (LaneOccupancy& o : out)
    for (double& s : o.share) s /= n;
  return out;
}

}  // namespace campusflow::analysis
