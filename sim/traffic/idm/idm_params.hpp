#pragma once
// Parameters of the intelligent driver model (Treiber, Hennecke & Helbing,
// "Congested traffic states in empirical observations and microscopic
// simulations", Phys. Rev. E 62, 1805-1824, 2000; Treiber & Kesting,
// "Traffic Flow Dynamics", Springer 2013, ch. 11). See docs/models/idm.md.
// Defaults: T, s0, a and b are SUMO's for a passenger car (tau 1 s, minGap
// 2.5 m, accel 2.6 m/s^2, decel 4.5 m/s^2), so that the side-by-side runs of
// bench/sumo compare the same drivers.

namespace campusflow {

struct IdmParams {
  // v0: desired speed on a free road. [m/s], (0, 60]
  double desired_speed = 13.89;  // 50 km/h
  // T: desired time headway to the vehicle ahead. [s], (0, 5]
  double time_headway = 1.0;
  // s0: minimum gap to the vehicle ahead at standstill. [m], [0, 10]
  double min_gap = 2.5;
  // a: maximum acceleration. [m/s^2], (0, 10]
  double max_acceleration = 2.6;
  // b: comfortable deceleration. [m/s^2], (0, 10]
  double comfortable_deceleration = 4.5;
  // delta: acceleration exponent. [-], (0, 10]
  double exponent = 4.0;
  // Vehicle length (front bumper to rear bumper). [m], (0, 30]
  double length = 4.6;  // a passenger car, as SUMO's vehicle type "parent" in the gate scenario
};

}  // namespace campusflow
