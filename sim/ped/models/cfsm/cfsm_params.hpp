#pragma once
// Parameters of the collision-free speed model (Tordeux, Chraibi & Seyfried,
// "Collision-free speed model for pedestrian dynamics", Traffic and Granular
// Flow '15, Springer 2016, pp. 225-232; arXiv:1512.05597). See docs/models/cfsm.md.

namespace campusflow {

// Defaults: T and D calibrated on the four Jülich corridor runs together
// (docs/validation.md); a, a_w and D_w as published with JuPedSim.
struct CfsmParams {
  // T in V(s) = min(v0, max(0, (s - l) / T)): the time gap to the agent ahead. [s], [0.1, 10]
  double time_gap = 0.6;
  // a in R(s) = a exp((l - s) / D) for neighbours. [-], [0, 100]
  double neighbour_strength = 8.0;
  // D for neighbours. [m], [0.01, 1]
  double neighbour_range = 0.21;
  // a for walls (and obstacles). [-], [0, 100]
  double wall_strength = 5.0;
  // D for walls. [m], [0.005, 1]
  double wall_range = 0.02;
};

}  // namespace campusflow
