#pragma once
// Vehicles on one lane following the intelligent driver model, with an
// optional stop line (a signal or a crossing guard holding traffic). The
// first building block of the gate-traffic system: two-phase like the
// pedestrian tick (accelerations from the frozen state, then the ballistic
// update), so the order of vehicles cannot change the result.
#include <cstdint>
#include <vector>

#include "sim/traffic/idm/idm.hpp"

namespace campusflow {

class LaneTraffic {
 public:
  explicit LaneTraffic(IdmParams params) : p_(params) {}

  // Adds a vehicle with its front bumper at `position` [m] (along the lane)
  // and speed [m/s]; vehicles must be added front first. Returns its index.
  std::uint32_t add(double position, double speed);

  // A stop line at `position` [m]: while closed, vehicles behind it stop
  // before it as before a standing vehicle.
  void set_stop_line(double position, bool closed) {
    stop_line_ = position;
    closed_ = closed;
  }
  // The lead vehicle keeps this speed [m/s] instead of following the model
  // (a test fixture's pace car); negative: it follows the model.
  void set_lead_speed(double speed) { lead_speed_ = speed; }

  // One tick of dt [s]; returns how many front bumpers crossed the stop line.
  std::size_t step(double dt);

  std::size_t size() const { return position_.size(); }
  double position(std::uint32_t i) const { return position_[i]; }
  double speed(std::uint32_t i) const { return speed_[i]; }
  // Bumper-to-bumper gap of vehicle i to the one ahead [m]; +infinity for the first.
  double gap(std::uint32_t i) const;

 private:
  IdmParams p_;
  std::vector<double> position_;  // (n) front bumper [m], descending: index 0 is in front
  std::vector<double> speed_;     // (n) [m/s]
  std::vector<double> accel_;     // (n) scratch [m/s^2]
  double stop_line_ = 0.0;        // [m]
  bool closed_ = false;
  double lead_speed_ = -1.0;      // [m/s]
};

}  // namespace campusflow
