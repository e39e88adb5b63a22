#include "sim/geometry/box_buckets.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

namespace {

// Cells per item at most: bounds memory when a few items lie far apart.
constexpr double kCellsPerItem = 16.0;
constexpr double kMinCells = 4096.0;

}  // namespace

Box grown(const Box& box, double by) { return {box.min - Vec2(by, by), box.max + Vec2(by, by)}; }

bool overlap(const Box& a, const Box& b) {
  return a.min.x() <= b.max.x() && b.min.x() <= a.max.x() && a.min.y() <= b.max.y() && b.min.y() <= a.max.y();
}

BoxBuckets::BoxBuckets(std::span<const Box> boxes) {
  if (boxes.empty()) {
    grid_ = GridSpec::covering({Vec2::Zero(), Vec2::Zero()}, 1.0, 0.0);
    start_.assign(grid_.size() + 1, 0);
    return;
  }
  Box all = grown(boxes.front(), kIndexMargin);
  std::vector<double> extents;
  extents.reserve(boxes.size());
  for (const Box& b : boxes) {
    const Box g = grown(b, kIndexMargin);
    all = {all.min.cwiseMin(g.min), all.max.cwiseMax(g.max)};
    extents.push_back((b.max - b.min).maxCoeff());
  }
  // A typical item spans one or two cells; the cap keeps the grid's size in
  // proportion to the number of items.
  auto middle = extents.begin() + static_cast<std::ptrdiff_t>(extents.size() / 2);
  std::nth_element(extents.begin(), middle, extents.end());
  const Vec2 size = all.max - all.min;
  const double cap = kCellsPerItem * static_cast<double>(boxes.size()) + kMinCells;
  double cell = std::max({*middle, std::sqrt(size.x() * size.y() / cap), (size.x() + size.y()) / cap});
  if (!(cell > 0.0)) cell = 1.0;
  grid_ = GridSpec::covering(all, cell, 0.0);

  // Count, then fill: items go in ascending order, so every cell is sorted.
  auto cells_of = [&](const Box& b, auto&& visit) {
    const Box g = grown(b, kIndexMargin);
    const int i0 = grid_.column(g.min.x()), i1 = grid_.column(g.max.x());
    const int j0 = grid_.row(g.min.y()), j1 = grid_.row(g.max.y());
    for (int j = j0; j <= j1; ++j)
      for (int i = i0; i <= i1; ++i) visit(grid_.index(i, j));
  };
  start_.assign(grid_.size() + 1, 0);
  for (const Box& b : boxes) cells_of(b, [&](std::size_t k) { ++start_[k + 1]; });
  for (std::size_t k = 0; k < grid_.size(); ++k) start_[k + 1] += start_[k];
  items_.resize(start_.back());
  std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t n = 0; n < boxes.size(); ++n)
    cells_of(boxes[n], [&](std::size_t k) { items_[fill[k]++] = static_cast<std::uint32_t>(n); });
}

void BoxBuckets::overlapping(const Box& box, std::vector<std::uint32_t>& out) const {
  out.clear();
  const Box g = grown(box, kIndexMargin);
  const int i0 = grid_.column(g.min.x()), i1 = grid_.column(g.max.x());
  const int j0 = grid_.row(g.min.y()), j1 = grid_.row(g.max.y());
  for (int j = j0; j <= j1; ++j)
    for (int i = i0; i <= i1; ++i) {
      const auto c = cell(i, j);
      out.insert(out.end(), c.begin(), c.end());
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace campusflow
