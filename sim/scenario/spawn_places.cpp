#include "sim/scenario/spawn_places.hpp"

#include <cmath>

namespace campusflow {

namespace {

constexpr double kSpawnGap = 0.05;  // free space between bodies and to walls at spawn [m]

std::vector<Box> body_boxes(const std::vector<std::pair<Vec2, double>>& bodies) {
  std::vector<Box> boxes;
  boxes.reserve(bodies.size());
  for (const auto& [p, radius] : bodies) boxes.push_back({p - Vec2(radius, radius), p + Vec2(radius, radius)});
  return boxes;
}

}  // namespace

double spawn_spacing(double radius) { return 2.0 * radius + kSpawnGap; }

SpawnFloor::SpawnFloor(const Polygon& walkable, std::vector<std::pair<Vec2, double>> taken)
    : floor_(walkable), boundary_(edges(walkable)), taken_(std::move(taken)), taken_boxes_(body_boxes(taken_)) {}

bool SpawnFloor::clear_of_taken(const Vec2& p, double r) const {
  // A body closer than the two radii and the gap lies in the box around p
  // that far out.
  const double reach = r + kSpawnGap;
  std::vector<std::uint32_t> near;
  taken_boxes_.overlapping({p - Vec2(reach, reach), p + Vec2(reach, reach)}, near);
  for (std::uint32_t k : near)
    if ((taken_[k].first - p).norm() < taken_[k].second + r + kSpawnGap) return false;
  return true;
}

std::vector<Vec2> SpawnFloor::places(const Ring& area, double r) const {
  const RingIndex inside(area);
  const double d = spawn_spacing(r);
  const double row_step = d * std::sqrt(3.0) / 2.0;
  const Box box = bounding_box(area);
  std::vector<Vec2> out;
  int row = 0;
  for (double y = box.min.y() + r + kSpawnGap; y <= box.max.y(); y += row_step, ++row) {
    const double shift = (row % 2) ? 0.5 * d : 0.0;
    for (double x = box.min.x() + r + kSpawnGap + shift; x <= box.max.x(); x += d) {
      const Vec2 p(x, y);
      if (!inside.contains(p) || !floor_.contains(p)) continue;
      if (boundary_.distance(p) < r + kSpawnGap) continue;
      if (clear_of_taken(p, r)) out.push_back(p);
    }
  }
  return out;
}

}  // namespace campusflow
