#include "sim/geometry/segment_grid.hpp"

#include <cmath>

namespace campusflow {

namespace {

// Distance from a segment to an axis-aligned square (0 if they touch),
// bounded below by the distance to the square's centre minus its half diagonal.
bool within_range(const Segment& s, const Vec2& centre, double half, double range) {
  return distance(s, centre) <= range + half * std::sqrt(2.0);
}

}  // namespace

SegmentGrid::SegmentGrid(std::vector<Segment> segments, const Box& bounds, double cell, double range)
    : grid_(GridSpec::covering(bounds, cell, range + cell)), range_(range), segments_(std::move(segments)) {
  // Each segment visits only the cells whose centres can pass within_range:
  // those inside its box grown by the reach (plus a cell against rounding).
  // Segments go in ascending order, so every bucket lists them as before.
  const double reach = range + 0.5 * cell * std::sqrt(2.0) + cell;
  std::vector<std::vector<std::uint32_t>> buckets(grid_.size());
  for (std::uint32_t s = 0; s < segments_.size(); ++s) {
    const Segment& seg = segments_[s];
    const Vec2 lo = seg.a.cwiseMin(seg.b) - Vec2(reach, reach), hi = seg.a.cwiseMax(seg.b) + Vec2(reach, reach);
    for (int j = grid_.row(lo.y()); j <= grid_.row(hi.y()); ++j)
      for (int i = grid_.column(lo.x()); i <= grid_.column(hi.x()); ++i)
        if (within_range(seg, grid_.centre(i, j), 0.5 * cell, range)) buckets[grid_.index(i, j)].push_back(s);
  }
  start_.assign(grid_.size() + 1, 0);
  for (std::size_t k = 0; k < buckets.size(); ++k)
    start_[k + 1] = start_[k] + static_cast<std::uint32_t>(buckets[k].size());
  items_.reserve(start_.back());
  for (const auto& b : buckets) items_.insert(items_.end(), b.begin(), b.end());
}

}  // namespace campusflow
