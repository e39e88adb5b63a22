#pragma once
// Buckets wall segments by grid cell so an agent finds the walls within a
// fixed range by looking in one cell. A segment is listed in every cell whose
// square, grown by `range`, it touches.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/geometry/grid_spec.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow {

class SegmentGrid {
 public:
  SegmentGrid() = default;
  SegmentGrid(std::vector<Segment> segments, const Box& bounds, double cell, double range);

  // The segments that may lie within `range` of p.
  std::span<const std::uint32_t> near(const Vec2& p) const {
    const std::size_t k = grid_.index(grid_.column(p.x()), grid_.row(p.y()));
    return {items_.data() + start_[k], items_.data() + start_[k + 1]};
  }
  const Segment& segment(std::uint32_t i) const { return segments_[i]; }
  std::span<const Segment> segments() const { return segments_; }
  double range() const { return range_; }

 private:
  GridSpec grid_;
  double range_ = 0.0;
  std::vector<Segment> segments_;
  std::vector<std::uint32_t> start_;  // (cells + 1) offsets into items_
  std::vector<std::uint32_t> items_;  // segment indices, cell by cell
};

}  // namespace campusflow
