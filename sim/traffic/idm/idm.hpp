#pragma once
// The intelligent driver model (Treiber et al. 2000) with the ballistic
// update of Treiber & Kanagaraj ("Comparing numerical integration schemes
// for time-continuous car-following models", Physica A 419, 2015):
//
//   dv/dt = a [1 - (v/v0)^delta - (s*(v, dv) / s)^2]                      (IDM)
//   s*(v, dv) = s0 + max(0, v T + v dv / (2 sqrt(a b)))                     (desired gap)
//
// with s the bumper-to-bumper gap and dv = v - v_leader the approach rate.
// Over a tick the acceleration is constant: x += v dt + a dt^2 / 2 and
// v += a dt, except that a vehicle that would stop within the tick stops
// where it reaches zero speed (never rolls backwards).
#include "sim/traffic/idm/idm_params.hpp"

namespace campusflow {

// Acceleration [m/s^2] of a vehicle at speed v [m/s] with gap s [m] to its
// leader, which drives at v_leader [m/s]. A free road is s = +infinity.
double idm_acceleration(const IdmParams& p, double v, double s, double v_leader);

// The gap [m] at which IDM holds a steady speed v behind a leader at the
// same speed: s_e(v) = s*(v, 0) / sqrt(1 - (v/v0)^delta).
double idm_equilibrium_gap(const IdmParams& p, double v);

struct BallisticStep {
  double distance;  // [m] covered in the tick, >= 0
  double speed;     // [m/s] at its end, >= 0
};

// One tick of dt [s] at constant acceleration `accel` from speed v.
BallisticStep ballistic_step(double v, double accel, double dt);

}  // namespace campusflow
