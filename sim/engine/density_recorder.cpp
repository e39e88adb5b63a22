#include "sim/engine/density_recorder.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

DensityRecorder::DensityRecorder(const CompiledScenario& sc) {
  level_peaks_.resize(sc.levels.size());
  for (std::uint32_t l = 0; l < sc.levels.size(); ++l) level_peaks_[l].level = l;
  for (const WalkableLevel& level : sc.levels) {
    const Box box = bounding_box(level.walkable.outer);
    origin_.push_back(box.min);
    nx_.push_back(static_cast<int>(std::ceil((box.max.x() - box.min.x()) / kCell)) + 1);
  }
}

const std::vector<DensityCell>& DensityRecorder::sample(const Simulation& sim) {
  cells_.clear();
  if (sim.now() < next_) return cells_;
  next_ = sim.now() + seconds_to_us(kInterval);
  const Agents& a = sim.agents();
  // One key per agent, (level, row, column), sorted: equal keys are one cell.
  keys_.clear();
  for (std::uint32_t i : sim.active()) {
    const std::uint32_t l = a.level[i];
    const Vec2 d = (a.position[i] - origin_[l]) / kCell;
    const auto col = static_cast<std::uint64_t>(std::max(0.0, std::floor(d.x())));
    const auto row = static_cast<std::uint64_t>(std::max(0.0, std::floor(d.y())));
    keys_.push_back((static_cast<std::uint64_t>(l) << 48) | (row << 24) | col);
  }
  std::sort(keys_.begin(), keys_.end());
  const double t = us_to_seconds(sim.now());
  for (std::size_t k = 0; k < keys_.size();) {
    std::size_t n = 1;
    while (k + n < keys_.size() && keys_[k + n] == keys_[k]) ++n;
    const auto l = static_cast<std::uint32_t>(keys_[k] >> 48);
    const double row = static_cast<double>((keys_[k] >> 24) & 0xffffff);
    const double col = static_cast<double>(keys_[k] & 0xffffff);
    const DensityCell c{t, l, origin_[l].x() + (col + 0.5) * kCell, origin_[l].y() + (row + 0.5) * kCell,
                        static_cast<double>(n) / (kCell * kCell)};
    cells_.push_back(c);
    if (c.density > peak_.density) peak_ = {c.density, t, l, Vec2(c.x, c.y)};
    if (c.density > level_peaks_[l].density) level_peaks_[l] = {c.density, t, l, Vec2(c.x, c.y)};
    k += n;
  }
  return cells_;
}

}  // namespace campusflow
