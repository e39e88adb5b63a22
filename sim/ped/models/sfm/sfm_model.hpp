#pragma once
// The social force model (Helbing, Farkas & Vicsek 2000; equations in
// docs/models/sfm.md). Second order: each agent has a velocity that forces
// change,
//   m dv_i/dt = m (v0_i e0_i - v_i) / tau + sum_j f_ij + sum_W f_iW      (1)
//   f_ij = [A exp((r_ij - d_ij)/B) + k g(r_ij - d_ij)] n_ij
//          + kappa g(r_ij - d_ij) dv^t_ji t_ij                           (2)
//   f_iW = [A_W exp((r_i - d_iW)/B_W) + k_W g(r_i - d_iW)] n_iW
//          - kappa_W g(r_i - d_iW) (v_i . t_iW) t_iW                     (3)
// with g(x) = max(x, 0), n pointing from the neighbour (or the wall's closest
// point) to agent i, t the tangent n rotated by +90 degrees and
// dv^t_ji = (v_j - v_i) . t_ij.
#include <cstdint>
#include <string_view>

#include "sim/geometry/segment_grid.hpp"
#include "sim/ped/agents.hpp"
#include "sim/ped/models/sfm/sfm_params.hpp"
#include "sim/ped/neighbour_grid.hpp"

namespace campusflow {

class SfmModel {
 public:
  // Repulsions are cut off where the surface gap d - r exceeds this many
  // decay lengths B. At the cut-off the social force is A e^-10, about 0.09 N
  // for A = 2000 N: 5e-4 of the driving force m v0 / tau of an 80 kg agent
  // at 1.2 m/s, an acceleration of 1e-3 m/s^2. The cut-off keeps sums finite
  // and makes them independent of how far the grids happen to reach.
  static constexpr double kCutoffDecayLengths = 10.0;

  explicit SfmModel(const SfmParams& params) : p_(params) {}

  // The velocity of walking agent i after one step of `dt` [s] of eq. (1),
  // semi-implicit Euler: v' = v + dt F(x, v) / m, where v is
  // agents.velocity[i] (the velocity of the last tick) and x, v of every
  // agent are the frozen state of the tick. The caller then moves
  // x' = x + dt v'. `e0` is the desired direction (unit, or zero), `walls` the
  // walls of the agent's level, `neighbours` the agents on it. The speed is
  // capped at max_speed_factor * desired_speed[i].
  Vec2 velocity(const Agents& agents, std::uint32_t i, const Vec2& e0, const SegmentGrid& walls,
                const NeighbourGrid& neighbours, double dt) const;

  // Centre distance beyond which two agents of radius up to `max_radius` [m]
  // no longer interact: 2 max_radius + kCutoffDecayLengths B. The neighbour
  // grid's cell must be at least this.
  double interaction_range(double max_radius) const;

  // Distance from an agent's centre beyond which walls no longer act:
  // max_radius + kCutoffDecayLengths B_W. The wall grid's range should be at
  // least this; walls beyond the grid's range are ignored.
  double wall_interaction_range(double max_radius) const;

  const SfmParams& params() const { return p_; }

  // Which term of agent i's new velocity is not finite, for the engine's
  // report when a step produced a non-finite position.
  std::string_view nonfinite_term(const Agents& agents, std::uint32_t i, const SegmentGrid& walls,
                                  const NeighbourGrid& neighbours) const;

 private:
  // Adds eq. (2) summed over the neighbours to `force` (in the grid's order).
  void add_neighbour_forces(const Agents& agents, std::uint32_t i, const NeighbourGrid& neighbours,
                            Vec2& force) const;
  // Adds eq. (3) summed over the walls near agent i to `force`.
  void add_wall_forces(const Agents& agents, std::uint32_t i, const SegmentGrid& walls, Vec2& force) const;

  SfmParams p_;
};

}  // namespace campusflow
