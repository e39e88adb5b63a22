#include "sim/traffic/lane_traffic.hpp"

#include <limits>

namespace campusflow {

std::uint32_t LaneTraffic::add(double position, double speed) {
  position_.push_back(position);
  speed_.push_back(speed);
  accel_.push_back(0.0);
  return static_cast<std::uint32_t>(position_.size() - 1);
}

double LaneTraffic::gap(std::uint32_t i) const {
  if (i == 0) return std::numeric_limits<double>::infinity();
  return position_[i - 1] - p_.length - position_[i];
}

std::size_t LaneTraffic::step(double dt) {
  // Plan: every acceleration from the positions and speeds of this tick.
  for (std::size_t i = 0; i < position_.size(); ++i) {
    double s = gap(static_cast<std::uint32_t>(i));
    double v_ahead = i == 0 ? speed_[i] : speed_[i - 1];
    // A closed stop line ahead is a standing obstacle at the line.
    if (closed_ && position_[i] <= stop_line_ && stop_line_ - position_[i] < s) {
      s = stop_line_ - position_[i];
      v_ahead = 0.0;
    }
    accel_[i] = idm_acceleration(p_, speed_[i], s, v_ahead);
  }
  if (lead_speed_ >= 0.0 && !position_.empty()) accel_[0] = (lead_speed_ - speed_[0]) / dt;
  // Commit: the ballistic update.
  std::size_t crossed = 0;
  for (std::size_t i = 0; i < position_.size(); ++i) {
    const BallisticStep st = ballistic_step(speed_[i], accel_[i], dt);
    const bool before = position_[i] < stop_line_;
    position_[i] += st.distance;
    speed_[i] = st.speed;
    if (before && position_[i] >= stop_line_) ++crossed;
  }
  return crossed;
}

}  // namespace campusflow
