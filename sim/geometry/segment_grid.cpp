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
  std::vector<std::vector<std::uint32_t>> buckets(grid_.size());
  for (int j = 0; j < grid_.ny; ++j)
    for (int i = 0; i < grid_.nx; ++i)
      for (std::uint32_t s = 0; s < segments_.size(); ++s)
        if (within_range(segments_[s], grid_.centre(i, j), 0.5 * cell, range))
          buckets[grid_.index(i, j)].push_back(s);
  start_.assign(grid_.size() + 1, 0);
  for (std::size_t k = 0; k < buckets.size(); ++k)
    start_[k + 1] = start_[k] + static_cast<std::uint32_t>(buckets[k].size());
  items_.reserve(start_.back());
  for (const auto& b : buckets) items_.insert(items_.end(), b.begin(), b.end());
}

}  // namespace campusflow
