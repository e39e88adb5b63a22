#include "analysis/heatmap.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace campusflow::analysis {

Heatmap::Heatmap(const Box& extent, double cell_size) : origin(extent.min), cell(cell_size) {
  const Vec2 size = extent.max - extent.min;
  // Cell counts are computed as doubles and checked before they become
  // integers: a NaN or a huge extent must not turn into a wrapped index.
  const double cx = std::ceil(size.x() / cell - 1e-9), cy = std::ceil(size.y() / cell - 1e-9);
  if (!(cell > 0.0 && std::isfinite(origin.x()) && std::isfinite(origin.y()) && cx <= kMaxCells && cy <= kMaxCells &&
        std::max(1.0, cx) * std::max(1.0, cy) <= kMaxCells))
    throw std::length_error("a map of " + std::to_string(size.x()) + " m x " + std::to_string(size.y()) +
                            " m in cells of " + std::to_string(cell) + " m has more than " +
                            std::to_string(static_cast<long long>(kMaxCells)) + " cells");
  nx = std::max(1, static_cast<int>(cx));
  ny = std::max(1, static_cast<int>(cy));
  values.assign(static_cast<std::size_t>(nx) * ny, 0.0);
}

bool Heatmap::cell_of(const Vec2& p, int& ix, int& iy) const {
  const double fx = std::floor((p.x() - origin.x()) / cell), fy = std::floor((p.y() - origin.y()) / cell);
  // Written so that NaN (every comparison false) lands outside the map.
  if (!(fx >= 0 && fy >= 0 && fx < nx && fy < ny)) return false;
  ix = static_cast<int>(fx);
  iy = static_cast<int>(fy);
  return true;
}

double Heatmap::max() const { return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end()); }

DensityMaps density_maps(const TrajectorySet& t, const Box& extent, double cell, double interval) {
  DensityMaps maps{Heatmap(extent, cell), Heatmap(extent, cell), Heatmap(extent, cell)};
  const auto step = std::max<std::int64_t>(1, std::llround(interval * t.fps()));
  const double seconds = static_cast<double>(step) / t.fps();  // what one sample stands for
  // People per cell in each sampled frame.
  std::map<std::int64_t, std::vector<std::int32_t>> counts;
  for (const io::TrajectoryRow& r : t.rows()) {
    if (r.frame % step != 0) continue;
    int ix = 0, iy = 0;
    if (!maps.max_density.cell_of({r.x, r.y}, ix, iy)) continue;
    auto& c = counts[r.frame];
    if (c.empty()) c.assign(maps.max_density.values.size(), 0);
    ++c[static_cast<std::size_t>(iy) * maps.max_density.nx + ix];
  }
  const double area = cell * cell;
  for (const auto& [frame, c] : counts)
    for (std::size_t k = 0; k < c.size(); ++k) {
      const double d = c[k] / area;
      maps.max_density.values[k] = std::max(maps.max_density.values[k], d);
      if (d > 2.0) maps.above_2.values[k] += seconds;
      if (d > 4.0) maps.above_4.values[k] += seconds;
    }
  return maps;
}

Heatmap passage_map(const TrajectorySet& t, const Box& extent, double cell) {
  Heatmap map(extent, cell);
  std::vector<std::size_t> visited;
  for (const TrajectorySet::Track& track : t.tracks()) {
    // Each agent counts once in every cell it was ever in.
    visited.clear();
    for (std::size_t i = track.begin; i < track.end; ++i) {
      int ix = 0, iy = 0;
      if (map.cell_of({t.rows()[i].x, t.rows()[i].y}, ix, iy))
        visited.push_back(static_cast<std::size_t>(iy) * map.nx + ix);
    }
    std::sort(visited.begin(), visited.end());
    visited.erase(std::unique(visited.begin(), visited.end()), visited.end());
    for (const std::size_t k : visited) map.values[k] += 1.0;
  }
  return map;
}

}  // namespace campusflow::analysis
