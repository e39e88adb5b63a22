#include "analysis/trajectory_set.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

namespace campusflow::analysis {

TrajectorySet::TrajectorySet(std::vector<io::TrajectoryRow> rows, double fps) : rows_(std::move(rows)), fps_(fps) {
  // Speeds and sampling steps divide by it.
  if (!(std::isfinite(fps) && fps > 0.0))
    throw std::invalid_argument("a frame rate of " + std::to_string(fps) + " fps");
  std::sort(rows_.begin(), rows_.end(),
            [](const auto& a, const auto& b) { return a.id != b.id ? a.id < b.id : a.frame < b.frame; });
  for (std::size_t i = 0; i < rows_.size();) {
    std::size_t j = i;
    while (j < rows_.size() && rows_[j].id == rows_[i].id) ++j;
    tracks_.push_back({i, j});
    i = j;
  }
}

std::vector<double> TrajectorySet::speeds(int k) const {
  std::vector<double> out(rows_.size(), -1.0);
  for (const Track& t : tracks_) {
    for (std::size_t r = t.begin; r < t.end; ++r) {
      // Frames are consecutive within a track except where an agent leaves
      // and comes back; look the partners up by frame number, not offset.
      const auto find = [&](std::int64_t frame) -> const io::TrajectoryRow* {
        const auto it = std::lower_bound(rows_.begin() + static_cast<long>(t.begin), rows_.begin() + static_cast<long>(t.end),
                                         frame, [](const auto& row, std::int64_t f) { return row.frame < f; });
        return it != rows_.begin() + static_cast<long>(t.end) && it->frame == frame ? &*it : nullptr;
      };
      const io::TrajectoryRow* a = find(rows_[r].frame - k);
      const io::TrajectoryRow* b = find(rows_[r].frame + k);
      if (a && b) out[r] = std::hypot(b->x - a->x, b->y - a->y) / (2.0 * k / fps_);
    }
  }
  return out;
}

TrajectorySet read_trajectory_text(const std::filesystem::path& path, double fps, double unit) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot be read");
  std::vector<io::TrajectoryRow> rows;
  double id, frame, x, y, z;
  // Ids and frames become integers only when they are whole numbers in
  // range (casting NaN or 1e300 is undefined); positions must be finite.
  const auto whole = [](double v) { return v >= 0.0 && v <= 9.0e15 && v == std::floor(v); };
  while (in >> id >> frame >> x >> y >> z) {
    if (!whole(id) || !whole(frame) || !std::isfinite(x * unit) || !std::isfinite(y * unit) || !std::isfinite(z * unit))
      throw std::runtime_error(path.string() + ": row " + std::to_string(rows.size() + 1) +
                               " is not 'id frame x y z' with whole ids and frames and finite positions");
    rows.push_back({static_cast<std::int64_t>(id), static_cast<std::int64_t>(frame), x * unit, y * unit, z * unit});
  }
  if (!in.eof()) throw std::runtime_error(path.string() + ": not 'id frame x y z' rows");
  return TrajectorySet(std::move(rows), fps);
}

}  // namespace campusflow::analysis
