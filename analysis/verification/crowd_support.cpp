#include "analysis/verification/crowd_support.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace campusflow::verification {

std::string point_text(double x, double y) { return format("[%.6g, %.6g]", x, y); }

std::string points_text(const std::vector<Vec2>& points) {
  std::string out;
  for (const Vec2& p : points) out += (out.empty() ? "" : ", ") + point_text(p.x(), p.y());
  return out;
}

std::string rect_text(double x0, double y0, double x1, double y1) {
  return points_text({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
}

std::vector<Vec2> single_file(double density, double y, double start, double end) {
  std::vector<Vec2> out;
  for (double x = start + 0.5 / density; x < end; x += 1.0 / density) out.emplace_back(x, y);
  return out;
}

std::vector<char> FrozenWatch::way_free(const Simulation& s) const {
  // Agents by level and 1 m cell, so that each looks only at its neighbourhood.
  const Agents& a = s.agents();
  const double reach = 2.0 * s.scenario().max_radius + kClearance;
  auto key = [](std::uint32_t level, const Vec2& p) {
    return (static_cast<std::int64_t>(level) << 40) ^ (static_cast<std::int64_t>(std::floor(p.x())) << 20) ^
           static_cast<std::int64_t>(std::floor(p.y()) + (1 << 19));
  };
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells;
  for (std::uint32_t j : s.active()) cells[key(a.level[j], a.position[j])].push_back(j);
  std::vector<char> free(a.size(), 0);
  for (std::uint32_t i : s.active()) {
    if (a.status[i] != AgentStatus::kWalking) continue;
    const WalkableLevel& level = s.scenario().levels[a.level[i]];
    const Opening* target = a.target[i] == kNoPlace ? nullptr : level.opening_for(a.target[i]);
    if (!target) continue;  // waits for a way out: not the model's fault
    const Vec2 p = a.position[i];
    const Vec2 e0 = target->field.direction(p);
    bool clear = true;
    for (double dx = -1; dx <= 1 && clear; ++dx)
      for (double dy = -1; dy <= 1 && clear; ++dy) {
        const auto c = cells.find(key(a.level[i], p + Vec2(dx, dy)));
        if (c == cells.end()) continue;
        for (std::uint32_t j : c->second) {
          const Vec2 d = a.position[j] - p;
          if (j != i && a.level[j] == a.level[i] && d.dot(e0) > 0.0 &&
              d.norm() < std::min(reach, a.radius[i] + a.radius[j] + kClearance)) {
            clear = false;
            break;
          }
        }
      }
    free[i] = clear;
  }
  return free;
}

void FrozenWatch::observe(const Simulation& s) {
  const double t = us_to_seconds(s.now());
  if (t + 1e-9 < next_sample_) return;
  next_sample_ = t + kSample;
  const Agents& a = s.agents();
  Snapshot now{t, a.position, a.level, std::vector<char>(a.size(), 0)};
  for (std::uint32_t i : s.active()) now.walking[i] = a.status[i] == AgentStatus::kWalking;
  frozen_.resize(a.size(), 0);
  stalled_.resize(a.size(), 0);
  free_since_.resize(a.size(), -1.0);
  const std::vector<char> free = way_free(s);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!free[i]) free_since_[i] = -1.0;
    else if (free_since_[i] < 0) free_since_[i] = t;
  }
  while (!snapshots_.empty() && snapshots_.front().time < t - kWindow - 1e-9) snapshots_.pop_front();
  if (!snapshots_.empty() && snapshots_.front().time <= t - kWindow + 1e-9) {
    const Snapshot& then = snapshots_.front();
    for (std::uint32_t i : s.active()) {
      if (!now.walking[i] || i >= then.walking.size() || !then.walking[i] || then.level[i] != now.level[i]) continue;
      if ((now.position[i] - then.position[i]).norm() >= kMinMove) continue;
      if (!stalled_[i]) ++stalled_count_;
      stalled_[i] = 1;
      if (frozen_[i] || free_since_[i] < 0 || free_since_[i] > then.time + 1e-9) continue;
      frozen_[i] = 1;
      if (frozen_count_++ == 0)
        example_ = format("agent %u at (%.2f, %.2f) from %.0f to %.0f s", i, now.position[i].x(),
                          now.position[i].y(), then.time, t);
    }
  }
  snapshots_.push_back(std::move(now));
}

}  // namespace campusflow::verification
