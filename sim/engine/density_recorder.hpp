#pragma once
// Density maps over time: once every `interval`, the number of agents in each
// square cell of every level, divided by the cell's area (the classic density
// of a 1 m^2 cell, as in Fruin's levels of service). Only occupied cells are
// reported. Also keeps the highest density seen, with its place and time: the
// first thing a planner asks about crowding on a stair.
#include <cstdint>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace campusflow {

struct DensityCell {
  double time;      // [s]
  std::uint32_t level;
  double x, y;      // cell centre in the level's own coordinates [m]
  double density;   // [P/m^2]
};

struct PeakDensity {
  double density = 0.0;  // [P/m^2]
  double time = -1.0;    // [s]
  std::uint32_t level = 0;
  Vec2 place = Vec2::Zero();  // cell centre, level coordinates [m]
};

class DensityRecorder {
 public:
  static constexpr double kCell = 1.0;      // [m]
  static constexpr double kInterval = 1.0;  // [s]

  explicit DensityRecorder(const CompiledScenario& sc);
  // After a step; returns the cells of a sample when one is due, else nothing.
  const std::vector<DensityCell>& sample(const Simulation& sim);
  const PeakDensity& peak() const { return peak_; }
  // The highest density on each level, (levels); a stair's flight is a level
  // of its own, so this is the peak per flight too.
  const std::vector<PeakDensity>& level_peaks() const { return level_peaks_; }

 private:
  TimeUs next_ = 0;
  std::vector<Vec2> origin_;                  // (levels) lower-left corner of the grid [m]
  std::vector<int> nx_;                       // (levels) columns
  std::vector<std::uint64_t> keys_;           // scratch: occupied cells of this sample
  std::vector<DensityCell> cells_;
  PeakDensity peak_;
  std::vector<PeakDensity> level_peaks_;
};

}  // namespace campusflow
