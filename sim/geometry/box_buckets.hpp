#pragma once
// A uniform grid that files items by their bounding boxes, so that a check
// against thousands of obstacles or walls looks at the few near a point
// instead of all of them. Every index here is a filter only: the caller still
// runs its exact test on what the filter returns, so answers are those of the
// all-pairs loop they replace, in the same order (items come back ascending).
#include <cstdint>
#include <span>
#include <vector>

#include "sim/geometry/grid_spec.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow {

// How far every box is grown before it is filed [m]: far above the rounding
// of coordinates up to the scenario limit of 1e6 m (about 1e-10 m), so that
// no rounding in an exact test can reach an item the filter left out; far
// below any feature of a plan.
constexpr double kIndexMargin = 1e-6;

Box grown(const Box& box, double by);
bool overlap(const Box& a, const Box& b);  // closed boxes: touching counts

class BoxBuckets {
 public:
  BoxBuckets() = default;
  // Picks a cell about the size of a typical item, with at most a few
  // dozen cells per item over the boxes' common extent.
  explicit BoxBuckets(std::span<const Box> boxes);

  // The items whose boxes (grown by kIndexMargin) may hold p, ascending.
  std::span<const std::uint32_t> at(const Vec2& p) const { return cell(grid_.column(p.x()), grid_.row(p.y())); }
  std::span<const std::uint32_t> cell(int i, int j) const {
    const std::size_t k = grid_.index(i, j);
    return {items_.data() + start_[k], items_.data() + start_[k + 1]};
  }
  // The items whose boxes may overlap `box`, ascending, each once.
  void overlapping(const Box& box, std::vector<std::uint32_t>& out) const;
  const GridSpec& grid() const { return grid_; }
  bool empty() const { return items_.empty(); }

 private:
  GridSpec grid_;
  std::vector<std::uint32_t> start_;  // (cells + 1) offsets into items_
  std::vector<std::uint32_t> items_;  // item indices, cell by cell, ascending within a cell
};

}  // namespace campusflow
