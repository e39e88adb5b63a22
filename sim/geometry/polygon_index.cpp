#include "sim/geometry/polygon_index.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

namespace {

// Edge entries per edge at most: a ring of long edges (a comb reaching
// across the whole ring) gets fewer, taller slabs instead of quadratic memory.
constexpr std::size_t kEntriesPerEdge = 16;

}  // namespace

RingIndex::RingIndex(Ring ring) : ring_(std::move(ring)) {
  const std::size_t n = ring_.size();
  if (n == 0) return;
  y0_ = y1_ = ring_[0].y();
  for (const Vec2& v : ring_) {
    y0_ = std::min(y0_, v.y());
    y1_ = std::max(y1_, v.y());
  }
  // Slab of a height y, clamped; monotone in y, so an edge filed under the
  // slabs of its lowest and highest y is found from every height between.
  auto slab_of = [&](double y, std::size_t slabs) {
    const double s = std::floor((y - y0_) / slab_);
    return static_cast<std::size_t>(std::clamp(s, 0.0, static_cast<double>(slabs - 1)));
  };
  auto span_of = [&](std::size_t i, std::size_t slabs) {
    const Vec2& a = ring_[i];
    const Vec2& b = ring_[(i + n - 1) % n];
    return std::pair{slab_of(std::min(a.y(), b.y()), slabs), slab_of(std::max(a.y(), b.y()), slabs)};
  };
  std::size_t slabs = n;
  for (;;) {
    slab_ = y1_ > y0_ ? (y1_ - y0_) / static_cast<double>(slabs) : 1.0;
    std::size_t entries = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto [s0, s1] = span_of(i, slabs);
      entries += s1 - s0 + 1;
    }
    if (entries <= kEntriesPerEdge * n || slabs == 1) break;
    slabs = std::max<std::size_t>(1, slabs / 2);
  }
  start_.assign(slabs + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto [s0, s1] = span_of(i, slabs);
    for (std::size_t s = s0; s <= s1; ++s) ++start_[s + 1];
  }
  for (std::size_t s = 0; s < slabs; ++s) start_[s + 1] += start_[s];
  edges_.resize(start_.back());
  std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto [s0, s1] = span_of(i, slabs);
    for (std::size_t s = s0; s <= s1; ++s) edges_[fill[s]++] = static_cast<std::uint32_t>(i);
  }
}

bool RingIndex::contains(const Vec2& p) const {
  // Below the lowest vertex or at or above the highest, no edge straddles p's height.
  if (ring_.empty() || !(p.y() >= y0_ && p.y() < y1_)) return false;
  const std::size_t slabs = start_.size() - 1;
  const double s = std::floor((p.y() - y0_) / slab_);
  const auto k = static_cast<std::size_t>(std::clamp(s, 0.0, static_cast<double>(slabs - 1)));
  const std::size_t n = ring_.size();
  bool inside = false;
  for (std::uint32_t e = start_[k]; e < start_[k + 1]; ++e) {
    const std::size_t i = edges_[e];
    if (crosses_ray(ring_[i], ring_[(i + n - 1) % n], p)) inside = !inside;
  }
  return inside;
}

namespace {

std::vector<Box> hole_boxes(const std::vector<Ring>& holes) {
  std::vector<Box> boxes;
  boxes.reserve(holes.size());
  for (const Ring& h : holes) boxes.push_back(bounding_box(h));
  return boxes;
}

}  // namespace

PolygonIndex::PolygonIndex(const Polygon& polygon)
    : outer_(polygon.outer), holes_(polygon.holes), hole_boxes_(hole_boxes(holes_)) {}

std::optional<std::size_t> PolygonIndex::hole_at(const Vec2& p) const {
  for (std::uint32_t h : hole_boxes_.at(p))
    if (campusflow::contains(holes_[h], p)) return h;
  return std::nullopt;
}

}  // namespace campusflow
