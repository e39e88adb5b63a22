#include "sim/ped/models/cfsm/cfsm_model.hpp"

#include <cmath>
#include <limits>
#include <string_view>

namespace campusflow {

namespace {
// The least share of the desired direction the wall repulsion leaves in the
// sum e0 + walls (before the neighbours are added).
constexpr double kMinForward = 0.1;
// A way this long ahead with nobody in it is free. [m]
constexpr double kFreeWay = 0.5;
// A wall's push below wall_strength x this (e^-10, beyond r + 10 D_w) is out
// of its reach, as for the interaction range.
constexpr double kWallReach = 4.54e-5;

// The gap to the nearest neighbour in the agent's path along e: within a
// corridor of width l_ij, in front, by distance (eq. 2 of the paper). On a
// flight (`tread`): along e, to those on a tread in front, more than a body
// length ahead; those on the same tread, side by side or half a body ahead,
// do not count.
double gap_ahead(const Agents& agents, std::uint32_t i, const Vec2& e, const NeighbourGrid& neighbours,
                 bool tread = false) {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];
  double gap = std::numeric_limits<double>::infinity();
  const Vec2 e_perp(-e.y(), e.x());
  neighbours.for_each_near(xi, [&](std::uint32_t j) {
    if (j == i) return;
    const Vec2 d = agents.position[j] - xi;
    const double ahead = e.dot(d);
    const double l = ri + agents.radius[j];
    if (ahead <= (tread ? l : 0.0)) return;
    if (std::abs(e_perp.dot(d)) >= l) return;
    gap = std::min(gap, tread ? ahead - l : d.norm() - l);
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

void CfsmModel::add_neighbour_push(const Agents& agents, std::uint32_t i, const NeighbourGrid& neighbours,
                                   Vec2& e) const {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];
  const double range = neighbours.spec().cell;
  neighbours.for_each_near(xi, [&](std::uint32_t j) {
    if (j == i) return;
    const Vec2 d = xi - agents.position[j];
    const double s = d.norm();
    if (s >= range || s <= 0.0) return;
    const double l = ri + agents.radius[j];
    e += p_.neighbour_strength * std::exp((l - s) / p_.neighbour_range) * (d / s);
  });
}

int CfsmModel::add_wall_push(const Agents& agents, std::uint32_t i, const SegmentGrid& walls, Vec2& e,
                             Vec2& wall) const {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];
  int walls_in_reach = 0;
  for (std::uint32_t w : walls.near(xi)) {
    const Vec2 d = xi - closest_point(walls.segment(w), xi);
    const double s = d.norm();
    if (s <= 0.0) continue;
    const Vec2 push = p_.wall_strength * std::exp((ri - s) / p_.wall_range) * (d / s);
    e += push;
    wall += push;
    if (push.norm() > kWallReach * p_.wall_strength) ++walls_in_reach;
  }
  return walls_in_reach;
}

std::string_view CfsmModel::nonfinite_term(const Agents& agents, std::uint32_t i, const SegmentGrid& walls,
                                           const NeighbourGrid& neighbours) const {
  if (!agents.position[i].allFinite() || !std::isfinite(agents.desired_speed[i])) return "the agent's own state";
  Vec2 e = Vec2::Zero(), wall = Vec2::Zero();
  add_neighbour_push(agents, i, neighbours, e);
  if (!e.allFinite()) return "the neighbour repulsion a exp((l - s) / D)";
  e.setZero();
  add_wall_push(agents, i, walls, e, wall);
  if (!e.allFinite()) return "the wall repulsion a_w exp((r - s) / D_w)";
  return "the speed term min(v0, (s - l) / T)";
}

Vec2 CfsmModel::velocity(const Agents& agents, std::uint32_t i, const Vec2& e0, const SegmentGrid& walls,
                         const NeighbourGrid& neighbours, double headway) const {
  const Vec2 xi = agents.position[i];
  const double ri = agents.radius[i];

  // Direction: desired direction plus repulsion from neighbours and walls.
  Vec2 e = e0;
  add_neighbour_push(agents, i, neighbours, e);
  Vec2 wall = Vec2::Zero();
  const int walls_in_reach = add_wall_push(agents, i, walls, e, wall);
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
  // Nor do neighbours turn a stuck agent round. Where two pupils face each
  // other across a narrow aisle (from the seat rows of a bus), each one's
  // push on the other outweighs its desired direction within about
  // l + D ln(a) = 0.68 m, so neither ever enters the aisle. Deflected but
  // not turned, they close in until the speed rule stops one of them, and
  // the first to reach the aisle turns along it and walks on.
  if (agents.stuck[i] && e0.squaredNorm() > 0.0 && e.dot(e0) < kMinForward) e -= (e.dot(e0) - kMinForward) * e0;
  const double norm = e.norm();
  if (norm <= 1e-12) return Vec2::Zero();
  e /= norm;

  // Speed: the smallest gap to a neighbour in the agent's path.
  const double gap = gap_ahead(agents, i, e, neighbours);
  const double v0 = agents.desired_speed[i];
  double speed = std::min(v0, std::max(0.0, gap / p_.time_gap));
  // On a flight the one in front along the flight (the desired direction,
  // not e, which a side neighbour's push may turn) is kept a tread further
  // away. Side by side on a step nobody holds anyone back.
  if (headway > 0.0 && e0.squaredNorm() > 0.0)
    speed = std::min(speed, std::max(0.0, (gap_ahead(agents, i, e0, neighbours, true) - headway) / p_.time_gap));
  Vec2 v = speed * e;
  // Where walls face each other within the reach of their push (the 0.35 m
  // legroom between two seat rows), the push of one wall, with D_w = 0.02 m,
  // changes e^2.5-fold over one 5 cm step and threw the agent at full speed
  // against the other wall, and back, every tick, for ever. So where other
  // walls within reach push a stuck agent towards a wall, it approaches that
  // wall no faster than the time-gap rule of eq. 2 allows with the wall as
  // the one ahead, (s - r) / T, unless its desired direction itself leads
  // that way. Not in the paper; for every agent it slowed the single file
  // through a 0.5 m entrance below the Juelich measurement.
  if (agents.stuck[i] && walls_in_reach >= 2) {
    for (std::uint32_t w : walls.near(xi)) {
      const Vec2 d = closest_point(walls.segment(w), xi) - xi;
      const double s = d.norm();
      if (s <= 0.0) continue;
      const Vec2 n = d / s;
      // The walls' push along n without this wall's own (which is -push n).
      const double others = wall.dot(n) + p_.wall_strength * std::exp((ri - s) / p_.wall_range);
      const double towards = v.dot(n);
      const double limit = std::max(std::max(0.0, s - ri) / p_.time_gap, speed * e0.dot(n));
      if (others > kWallReach * p_.wall_strength && towards > limit) v -= (towards - limit) * n;
    }
  }
  return v;
}

}  // namespace campusflow
