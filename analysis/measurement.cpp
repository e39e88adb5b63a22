#include "analysis/measurement.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace campusflow::analysis {

namespace {
double side(const Segment& s, double x, double y) {
  return (s.b.x() - s.a.x()) * (y - s.a.y()) - (s.b.y() - s.a.y()) * (x - s.a.x());
}
}  // namespace

std::vector<std::int64_t> line_crossing_frames(const TrajectorySet& t, const Segment& line) {
  std::vector<std::int64_t> out;
  const auto rows = t.rows();
  for (const auto& track : t.tracks()) {
    for (std::size_t r = track.begin + 1; r < track.end; ++r) {
      const auto& p = rows[r - 1];
      const auto& q = rows[r];
      const double sp = side(line, p.x, p.y), sq = side(line, q.x, q.y);
      if (!(sp > 0.0 && sq <= 0.0)) continue;
      // Where the step meets the line, it must lie on the segment.
      const double f = sp / (sp - sq);
      const Vec2 hit(p.x + f * (q.x - p.x), p.y + f * (q.y - p.y));
      if (distance(line, hit) > 1e-9) continue;
      out.push_back(q.frame);
      break;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

double flow(std::span<const std::int64_t> frames, std::int64_t first, std::int64_t last, double fps) {
  std::vector<std::int64_t> in;
  for (std::int64_t f : frames)
    if (f >= first && f <= last) in.push_back(f);
  if (in.size() < 2 || in.back() == in.front()) return 0.0;
  return static_cast<double>(in.size() - 1) / (static_cast<double>(in.back() - in.front()) / fps);
}

AreaMeasure measure_area(const TrajectorySet& t, const Ring& area, std::int64_t first, std::int64_t last, int k) {
  const double size = std::abs(signed_area2(area)) / 2.0;
  const std::vector<double> speeds = t.speeds(k);
  std::map<std::int64_t, std::pair<int, std::pair<double, int>>> per_frame;  // count, (speed sum, n)
  const auto rows = t.rows();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.frame < first || row.frame > last || !contains(area, Vec2(row.x, row.y))) continue;
    auto& slot = per_frame[row.frame];
    ++slot.first;
    if (speeds[r] >= 0.0) {
      slot.second.first += speeds[r];
      ++slot.second.second;
    }
  }
  const double frames = static_cast<double>(last - first + 1);
  double density = 0.0, speed = 0.0;
  int speed_frames = 0;
  for (const auto& [frame, slot] : per_frame) {
    density += slot.first / size;
    if (slot.second.second > 0) {
      speed += slot.second.first / slot.second.second;
      ++speed_frames;
    }
  }
  return {density / frames, speed_frames ? speed / speed_frames : 0.0};
}

}  // namespace campusflow::analysis
