#pragma once
// The collision-free speed model (Tordeux, Chraibi & Seyfried 2016; equations
// in docs/models/cfsm.md). First order: the velocity is a function of the
// positions alone,
//   e_i = N( e0_i + sum_j R(s_ij) u_ji + sum_w R_w(d_iw) u_wi )     (direction)
//   v_i = min(v0_i, max(0, min_j (s_ij - l_ij) / T))                (speed)
// with R(s) = a exp((l - s) / D), u the unit vector pointing away from the
// neighbour or wall, and the minimum over neighbours j in front of i within a
// corridor of width l_ij along e_i.
#include <cstdint>
#include <string_view>

#include "sim/geometry/segment_grid.hpp"
#include "sim/ped/agents.hpp"
#include "sim/ped/models/cfsm/cfsm_params.hpp"
#include "sim/ped/neighbour_grid.hpp"

namespace campusflow {

class CfsmModel {
 public:
  explicit CfsmModel(const CfsmParams& params) : p_(params) {}

  // The velocity of walking agent i [m/s], read from the frozen state only.
  // `e0` is the desired direction (unit, or zero), `walls` the walls of the
  // agent's level, `neighbours` the agents on it. `headway` [m] lengthens the
  // agent's l in the speed term: the free tread kept in front on a flight
  // (docs/models/cfsm.md, "On stairs"); 0 on floors.
  Vec2 velocity(const Agents& agents, std::uint32_t i, const Vec2& e0, const SegmentGrid& walls,
                const NeighbourGrid& neighbours, double headway = 0.0) const;

  // Distance beyond which neighbours no longer change anyone's velocity for
  // agents up to `max_radius` [m] and `max_speed` [m/s]: the grid cell edge.
  double interaction_range(double max_radius, double max_speed) const;

  const CfsmParams& params() const { return p_; }

  // Which term of agent i's velocity is not finite, for the engine's report
  // when a step produced a non-finite position: its own state, the
  // neighbour or the wall repulsion, else the speed term.
  std::string_view nonfinite_term(const Agents& agents, std::uint32_t i, const SegmentGrid& walls,
                                  const NeighbourGrid& neighbours) const;

 private:
  // Adds the neighbours' repulsion sum_j R(s_ij) u_ji to e (in the grid's order).
  void add_neighbour_push(const Agents& agents, std::uint32_t i, const NeighbourGrid& neighbours, Vec2& e) const;
  // Adds the walls' repulsion to e and to `wall`; returns how many walls are within reach.
  int add_wall_push(const Agents& agents, std::uint32_t i, const SegmentGrid& walls, Vec2& e, Vec2& wall) const;

  CfsmParams p_;
};

}  // namespace campusflow
