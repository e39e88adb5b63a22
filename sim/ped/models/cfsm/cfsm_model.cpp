#include "sim/ped/models/cfsm/cfsm_model.hpp"

#include <cmath>
#include <limits>

namespace campusflow {

double CfsmModel::interaction_range(double max_radius, double max_speed) const {
  // Beyond s = l + v0 T the speed term saturates; beyond l + 10 D the
  // repulsion is below a * e^-10. Take the larger, for the largest agents.
  const double l = 2.0 * max_radius;
  return std::max(l + max_speed * p_.time_gap, l + 10.0 * p_.neighbour_range);
}

Vec2 CfsmModel::velocity(const Agents& agents, std::uint32_t i, const Vec2& e0, const SegmentGrid& walls,
                         const NeighbourGrid& neighbours) const {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];
  const double range = neighbours.spec().cell;

  // Direction: desired direction plus repulsion from neighbours and walls.
  Vec2 e = e0;
  neighbours.for_each_near(xi, [&](std::uint32_t j) {
    if (j == i) return;
    const Vec2 d = xi - agents.position[j];
    const double s = d.norm();
    if (s >= range || s <= 0.0) return;
    const double l = ri + agents.radius[j];
    e += p_.neighbour_strength * std::exp((l - s) / p_.neighbour_range) * (d / s);
  });
  for (std::uint32_t w : walls.near(xi)) {
    const Vec2 d = xi - closest_point(walls.segment(w), xi);
    const double s = d.norm();
    if (s <= 0.0) continue;
    e += p_.wall_strength * std::exp((ri - s) / p_.wall_range) * (d / s);
  }
  const double norm = e.norm();
  if (norm <= 1e-12) return Vec2::Zero();
  e /= norm;

  // Speed: the smallest gap to a neighbour in the agent's path.
  double gap = std::numeric_limits<double>::infinity();
  const Vec2 e_perp(-e.y(), e.x());
  neighbours.for_each_near(xi, [&](std::uint32_t j) {
    if (j == i) return;
    const Vec2 d = agents.position[j] - xi;
    const double ahead = e.dot(d);
    if (ahead <= 0.0) return;
    const double l = ri + agents.radius[j];
    if (std::abs(e_perp.dot(d)) >= l) return;
    gap = std::min(gap, d.norm() - l);
  });
  const double v0 = agents.desired_speed[i];
  const double speed = std::min(v0, std::max(0.0, gap / p_.time_gap));
  return speed * e;
}

}  // namespace campusflow
