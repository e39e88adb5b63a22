#include "sim/ped/models/cfsm/cfsm_model.hpp"

#include <cmath>
#include <limits>

namespace campusflow {

namespace {
// The least share of the desired direction the wall repulsion leaves in the
// sum e0 + walls (before the neighbours are added).
constexpr double kMinForward = 0.1;
// A way this long ahead with nobody in it is free. [m]
constexpr double kFreeWay = 0.5;

// The gap to the nearest neighbour in the agent's path along e: within a
// corridor of width l_ij, in front (eq. 2 of the paper).
double gap_ahead(const Agents& agents, std::uint32_t i, const Vec2& e, const NeighbourGrid& neighbours) {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];
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
  return gap;
}
}  // namespace

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
  Vec2 wall = Vec2::Zero();
  for (std::uint32_t w : walls.near(xi)) {
    const Vec2 d = xi - closest_point(walls.segment(w), xi);
    const double s = d.norm();
    if (s <= 0.0) continue;
    const Vec2 push = p_.wall_strength * std::exp((ri - s) / p_.wall_range) * (d / s);
    e += push;
    wall += push;
  }
  // An agent held in place for a while (Agents::stuck) with nobody in its
  // way is held by a wall: beside a door jamb the corner's push points back
  // into the crowd and, with the speed rule, can hold a few agents there for
  // ever (RiMEA 14's stair heads). Then walls deflect it but do not turn it
  // round; the hard clearance (keep_clear_of_walls) still keeps bodies off
  // them. Not in the paper; agents that move, or wait behind others, are
  // not affected.
  const double back = wall.dot(e0);
  if (agents.stuck[i] && e0.squaredNorm() > 0.0 && 1.0 + back < kMinForward &&
      gap_ahead(agents, i, e0, neighbours) > kFreeWay)
    e -= (back + 1.0 - kMinForward) * e0;
  const double norm = e.norm();
  if (norm <= 1e-12) return Vec2::Zero();
  e /= norm;

  // Speed: the smallest gap to a neighbour in the agent's path.
  const double gap = gap_ahead(agents, i, e, neighbours);
  const double v0 = agents.desired_speed[i];
  const double speed = std::min(v0, std::max(0.0, gap / p_.time_gap));
  return speed * e;
}

}  // namespace campusflow
