#include "sim/traffic/idm/idm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace campusflow {

namespace {

// x^delta; delta = 4 (the usual value) without calling pow.
double power(double x, double delta) {
  if (delta == 4.0) {
    const double x2 = x * x;
    return x2 * x2;
  }
  return std::pow(x, delta);
}

}  // namespace

double idm_acceleration(const IdmParams& p, double v, double s, double v_leader) {
  // Free road term. Above the desired speed (a lower limit ahead, say) the
  // plain IDM brakes with a (1 - (v/v0)^delta): -17 m/s^2 at 50 km/h in a
  // 30 zone. There the free term of the improved IDM (Treiber & Kesting
  // 2013, sec. 11.3.6) brakes at most b: -b (1 - (v0/v)^(a delta / b)).
  double free_road;
  if (v > p.desired_speed) {
    const double b = p.comfortable_deceleration;
    free_road = -b * (1.0 - std::pow(p.desired_speed / v, p.max_acceleration * p.exponent / b));
  } else {
    free_road = p.max_acceleration * (1.0 - power(std::max(0.0, v) / p.desired_speed, p.exponent));
  }
  if (!std::isfinite(s)) return free_road;
  const double dv = v - v_leader;
  const double desired =
      p.min_gap + std::max(0.0, v * p.time_headway + v * dv / (2.0 * std::sqrt(p.max_acceleration * p.comfortable_deceleration)));
  // A gap of zero or less is a collision in the making: brake as hard as the
  // formula allows at the smallest positive gap rather than divide by zero.
  const double gap = std::max(s, 1e-3);
  return free_road - p.max_acceleration * (desired / gap) * (desired / gap);
}

double idm_equilibrium_gap(const IdmParams& p, double v) {
  const double free_term = std::pow(v / p.desired_speed, p.exponent);
  if (free_term >= 1.0) return std::numeric_limits<double>::infinity();
  return (p.min_gap + v * p.time_headway) / std::sqrt(1.0 - free_term);
}

BallisticStep ballistic_step(double v, double accel, double dt) {
  const double end_speed = v + accel * dt;
  if (end_speed >= 0.0) return {v * dt + 0.5 * accel * dt * dt, end_speed};
  // Stops within the tick, after v^2 / (2 |accel|).
  return {accel < 0.0 ? -v * v / (2.0 * accel) : 0.0, 0.0};
}

}  // namespace campusflow
