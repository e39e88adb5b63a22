#pragma once
// A uniform grid of agents, rebuilt once per tick by counting sort. Agents are
// stored cell by cell in ascending id order, so a neighbour query visits
// neighbours in an order that depends only on positions and ids, never on
// threads: sums over neighbours are bit-reproducible.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/geometry/grid_spec.hpp"

namespace campusflow {

class NeighbourGrid {
 public:
  NeighbourGrid() = default;
  explicit NeighbourGrid(GridSpec spec) : spec_(spec), start_(spec.size() + 1, 0) {}

  // `ids` ascending; positions indexed by id.
  void rebuild(std::span<const std::uint32_t> ids, std::span<const Vec2> positions);

  // Calls f(id) for every agent in the 3 x 3 cells around p. With the cell
  // edge at least the interaction range, this finds every agent within it.
  template <class F>
  void for_each_near(const Vec2& p, F&& f) const {
    const int ci = spec_.column(p.x()), cj = spec_.row(p.y());
    for (int j = std::max(cj - 1, 0); j <= std::min(cj + 1, spec_.ny - 1); ++j) {
      const std::size_t row = static_cast<std::size_t>(j) * static_cast<std::size_t>(spec_.nx);
      const std::size_t lo = row + static_cast<std::size_t>(std::max(ci - 1, 0));
      const std::size_t hi = row + static_cast<std::size_t>(std::min(ci + 1, spec_.nx - 1));
      for (std::uint32_t k = start_[lo]; k < start_[hi + 1]; ++k) f(items_[k]);
    }
  }

  const GridSpec& spec() const { return spec_; }

 private:
  GridSpec spec_;
  std::vector<std::uint32_t> start_;  // (cells + 1) offsets into items_
  std::vector<std::uint32_t> items_;  // agent ids, cell by cell
  std::vector<std::uint32_t> cell_of_;  // scratch: cell of each entry of ids
  std::vector<std::uint32_t> cursor_;   // scratch: next free slot per cell
};

}  // namespace campusflow
