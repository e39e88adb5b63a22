#pragma once
// A regular grid of square cells laid over a level's bounding box. Cell (i, j)
// covers [origin + (i, j) * cell, origin + (i + 1, j + 1) * cell).
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "sim/geometry/polygon.hpp"

namespace campusflow {

struct GridSpec {
  Vec2 origin = Vec2::Zero();  // lower-left corner [m]
  double cell = 1.0;           // edge length [m]
  int nx = 0;
  int ny = 0;

  // Covers `box` grown by `margin` on every side.
  static GridSpec covering(const Box& box, double cell, double margin) {
    GridSpec g;
    g.cell = cell;
    g.origin = box.min - Vec2(margin, margin);
    const Vec2 size = box.max - box.min + Vec2(2 * margin, 2 * margin);
    g.nx = std::max(1, static_cast<int>(std::ceil(size.x() / cell)));
    g.ny = std::max(1, static_cast<int>(std::ceil(size.y() / cell)));
    return g;
  }

  std::size_t size() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i);
  }
  bool inside(int i, int j) const { return i >= 0 && j >= 0 && i < nx && j < ny; }
  Vec2 centre(int i, int j) const { return origin + Vec2((i + 0.5) * cell, (j + 0.5) * cell); }

  // The cell holding p, clamped to the grid.
  int column(double x) const { return std::clamp(static_cast<int>(std::floor((x - origin.x()) / cell)), 0, nx - 1); }
  int row(double y) const { return std::clamp(static_cast<int>(std::floor((y - origin.y()) / cell)), 0, ny - 1); }
};

}  // namespace campusflow
