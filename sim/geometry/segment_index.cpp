#include "sim/geometry/segment_index.hpp"

#include <algorithm>
#include <limits>

namespace campusflow {

namespace {

Box box_of(const Segment& s) { return {s.a.cwiseMin(s.b), s.a.cwiseMax(s.b)}; }

std::vector<Box> boxes_of(std::span<const Segment> segments) {
  std::vector<Box> boxes;
  boxes.reserve(segments.size());
  for (const Segment& s : segments) boxes.push_back(box_of(s));
  return boxes;
}

}  // namespace

SegmentIndex::SegmentIndex(std::vector<Segment> segments)
    : segments_(std::move(segments)), buckets_(boxes_of(segments_)) {}

double SegmentIndex::distance(const Vec2& p) const {
  double best = std::numeric_limits<double>::infinity();
  if (segments_.empty()) return best;
  const GridSpec& g = buckets_.grid();
  const int ci = g.column(p.x()), cj = g.row(p.y());
  auto visit = [&](int i, int j) {
    for (std::uint32_t s : buckets_.cell(i, j)) best = std::min(best, campusflow::distance(segments_[s], p));
  };
  for (int r = 0;; ++r) {
    // The cells at Chebyshev distance r from p's cell, inside the grid.
    const int i0 = std::max(ci - r, 0), i1 = std::min(ci + r, g.nx - 1);
    if (cj - r >= 0)
      for (int i = i0; i <= i1; ++i) visit(i, cj - r);
    if (r > 0 && cj + r < g.ny)
      for (int i = i0; i <= i1; ++i) visit(i, cj + r);
    for (int j = std::max(cj - r + 1, 0); j <= std::min(cj + r - 1, g.ny - 1); ++j) {
      if (ci - r >= 0) visit(ci - r, j);
      if (r > 0 && ci + r < g.nx) visit(ci + r, j);
    }
    // Every segment not seen yet lies in cells beyond this square of cells,
    // at least `beyond` from p; one nearer has been seen.
    double beyond = std::numeric_limits<double>::infinity();
    if (ci - r > 0) beyond = std::min(beyond, p.x() - (g.origin.x() + (ci - r) * g.cell));
    if (ci + r + 1 < g.nx) beyond = std::min(beyond, g.origin.x() + (ci + r + 1) * g.cell - p.x());
    if (cj - r > 0) beyond = std::min(beyond, p.y() - (g.origin.y() + (cj - r) * g.cell));
    if (cj + r + 1 < g.ny) beyond = std::min(beyond, g.origin.y() + (cj + r + 1) * g.cell - p.y());
    if (beyond == std::numeric_limits<double>::infinity() || best <= beyond - kIndexMargin) return best;
  }
}

}  // namespace campusflow
