#include "sim/ped/neighbour_grid.hpp"

#include <algorithm>

namespace campusflow {

void NeighbourGrid::rebuild(std::span<const std::uint32_t> ids, std::span<const Vec2> positions) {
  std::fill(start_.begin(), start_.end(), 0u);
  cell_of_.resize(ids.size());
  for (std::size_t n = 0; n < ids.size(); ++n) {
    const Vec2& p = positions[ids[n]];
    const auto k = static_cast<std::uint32_t>(spec_.index(spec_.column(p.x()), spec_.row(p.y())));
    cell_of_[n] = k;
    ++start_[k + 1];
  }
  for (std::size_t k = 1; k < start_.size(); ++k) start_[k] += start_[k - 1];
  items_.resize(ids.size());
  // A stable scatter keeps ids ascending within each cell.
  cursor_.assign(start_.begin(), start_.end() - 1);
  for (std::size_t n = 0; n < ids.size(); ++n) items_[cursor_[cell_of_[n]]++] = ids[n];
}

}  // namespace campusflow
