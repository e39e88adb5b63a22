#pragma once
// Maps of a run over a level's plan, cell by cell (the heatmaps of the
// report and of `campusflow render --heatmaps`): the highest density, the
// time spent above a density (the crush-risk map: above 4 P/m^2 is where
// crowd pressure becomes dangerous, Fruin 1993), and how many people passed.
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/trajectory_set.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow::analysis {

struct Heatmap {
  Vec2 origin = Vec2::Zero();  // lower-left corner of cell (0, 0) [m]
  double cell = 1.0;           // [m]
  int nx = 0, ny = 0;
  std::vector<double> values;  // row-major from the bottom row: values[iy * nx + ix]

  // 10^8 cells (800 MB of values): a campus at 0.1 m, or a damaged extent.
  static constexpr double kMaxCells = 1e8;

  Heatmap() = default;
  // Throws std::length_error when `extent` is not finite or needs more
  // than kMaxCells cells.
  Heatmap(const Box& extent, double cell_size);
  double& at(int ix, int iy) { return values[static_cast<std::size_t>(iy) * nx + ix]; }
  double at(int ix, int iy) const { return values[static_cast<std::size_t>(iy) * nx + ix]; }
  // The cell holding p, or false outside the map (and for NaN).
  bool cell_of(const Vec2& p, int& ix, int& iy) const;
  double max() const;
};

struct DensityMaps {
  Heatmap max_density;    // the highest density seen in the cell [P/m^2]
  Heatmap above_2;        // time with more than 2 P/m^2 [s]
  Heatmap above_4;        // time with more than 4 P/m^2 [s]
};

// Classic density per cell (people in it / its area), sampled every
// `interval` seconds rounded to whole frames (every 10th frame at 10 fps for
// 1 s; each sample stands for that many frames' time in the above-2 and
// above-4 maps); rows outside `extent` are left out. Select a level's rows
// beforehand.
DensityMaps density_maps(const TrajectorySet& t, const Box& extent, double cell, double interval = 1.0);

// People who were in the cell at some frame (each counted once per cell).
Heatmap passage_map(const TrajectorySet& t, const Box& extent, double cell);

}  // namespace campusflow::analysis
