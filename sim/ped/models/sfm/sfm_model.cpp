#include "sim/ped/models/sfm/sfm_model.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace campusflow {

namespace {

// g(x) of eqs. (2) and (3): the overlap of two bodies (or a body and a wall),
// zero while they do not touch.
double overlap(double x) { return x > 0.0 ? x : 0.0; }

// t of eqs. (2) and (3): n turned by +90 degrees. Each friction term contains
// t twice, so the choice of sign does not matter.
Vec2 tangent(const Vec2& n) { return {-n.y(), n.x()}; }

}  // namespace

double SfmModel::interaction_range(double max_radius) const {
  return 2.0 * max_radius + kCutoffDecayLengths * p_.neighbour_range;
}

double SfmModel::wall_interaction_range(double max_radius) const {
  return max_radius + kCutoffDecayLengths * p_.wall_range;
}

void SfmModel::add_neighbour_forces(const Agents& agents, std::uint32_t i, const NeighbourGrid& neighbours,
                                    Vec2& force) const {
  const Vec2 xi = agents.position[i];
  const Vec2 vi = agents.velocity[i];
  const double ri = agents.radius[i];
  // Eq. (2), summed over neighbours. for_each_near visits them in an order
  // fixed by positions and ids, so the floating-point sum is the same for
  // any thread count. Only neighbours closer than the grid cell are certain
  // to be visited; ignoring the rest too keeps the sum independent of where
  // cell borders fall (the engine makes the cell at least interaction_range).
  const double cell = neighbours.spec().cell;
  const double cutoff = kCutoffDecayLengths * p_.neighbour_range;
  neighbours.for_each_near(xi, [&](std::uint32_t j) {
    if (j == i) return;
    const Vec2 d = xi - agents.position[j];
    const double dist = d.norm();
    const double rij = ri + agents.radius[j];
    // Coincident centres give no direction to push along; any neighbour
    // moving off the spot separates them in the next tick.
    if (dist <= 0.0 || dist >= cell || dist - rij >= cutoff) return;
    const Vec2 n = d / dist;  // n_ij, from j to i
    const double g = overlap(rij - dist);
    // Social repulsion plus body compression, along n_ij.
    force += (p_.neighbour_strength * std::exp((rij - dist) / p_.neighbour_range) + p_.body_stiffness * g) * n;
    if (g > 0.0) {
      // Sliding friction: drags i along with j's tangential motion,
      // kappa g(r_ij - d_ij) dv^t_ji t_ij with dv^t_ji = (v_j - v_i) . t_ij.
      const Vec2 t = tangent(n);
      force += (p_.sliding_friction * g * (agents.velocity[j] - vi).dot(t)) * t;
    }
  });
}

void SfmModel::add_wall_forces(const Agents& agents, std::uint32_t i, const SegmentGrid& walls, Vec2& force) const {
  const Vec2 xi = agents.position[i];
  const Vec2 vi = agents.velocity[i];
  const double ri = agents.radius[i];
  // Eq. (3), summed over the wall segments near the agent, each acting from
  // its closest point. Walls beyond the grid's range are not listed for
  // every position, so they are ignored everywhere.
  const double wall_cutoff = std::min(walls.range(), ri + kCutoffDecayLengths * p_.wall_range);
  for (std::uint32_t w : walls.near(xi)) {
    const Vec2 d = xi - closest_point(walls.segment(w), xi);
    const double dist = d.norm();
    // An agent centred on the wall has no side; keep_clear_of_walls puts it
    // back on the side it came from.
    if (dist <= 0.0 || dist >= wall_cutoff) continue;
    const Vec2 n = d / dist;  // n_iW, from the wall to i
    const double g = overlap(ri - dist);
    force += (p_.wall_strength * std::exp((ri - dist) / p_.wall_range) + p_.wall_stiffness * g) * n;
    if (g > 0.0) {
      // Friction against the resting wall opposes the tangential velocity.
      const Vec2 t = tangent(n);
      force -= (p_.wall_friction * g * vi.dot(t)) * t;
    }
  }
}

std::string_view SfmModel::nonfinite_term(const Agents& agents, std::uint32_t i, const SegmentGrid& walls,
                                          const NeighbourGrid& neighbours) const {
  if (!agents.position[i].allFinite() || !agents.velocity[i].allFinite() || !std::isfinite(agents.desired_speed[i]))
    return "the agent's own state";
  Vec2 force = Vec2::Zero();
  add_neighbour_forces(agents, i, neighbours, force);
  if (!force.allFinite()) return "the neighbour force A exp((r - d) / B) + k g + kappa g dv (eq. 2)";
  force.setZero();
  add_wall_forces(agents, i, walls, force);
  if (!force.allFinite()) return "the wall force A_W exp((r - d) / B_W) + k_W g + kappa_W g v (eq. 3)";
  return "the driving force m (v0 e0 - v) / tau or the speed cap (eq. 1)";
}

Vec2 SfmModel::velocity(const Agents& agents, std::uint32_t i, const Vec2& e0, const SegmentGrid& walls,
                        const NeighbourGrid& neighbours, double dt) const {
  const Vec2 vi = agents.velocity[i];
  const double v0 = agents.desired_speed[i];

  // Eq. (1), first term: the driving force towards the desired velocity.
  Vec2 force = (p_.mass / p_.relaxation_time) * (v0 * e0 - vi);
  add_neighbour_forces(agents, i, neighbours, force);
  add_wall_forces(agents, i, walls, force);

  // Semi-implicit Euler: the new velocity from the forces of the frozen
  // state; the caller moves the agent with it.
  Vec2 v = vi + (dt / p_.mass) * force;

  // Speed cap (see SfmParams::max_speed_factor). Scaling keeps the direction.
  const double cap = p_.max_speed_factor * v0;
  const double speed = v.norm();
  if (speed > cap) v *= cap / speed;
  return v;
}

}  // namespace campusflow
