#pragma once
// Parameters of the social force model in its escape-panic form (Helbing,
// Farkas & Vicsek, "Simulating dynamical features of escape panic", Nature 407,
// 487-490, 2000). Defaults are the values the paper gives for all pedestrians.
// See docs/models/sfm.md for the equations these symbols appear in.

namespace campusflow {

struct SfmParams {
  // tau in eq. (1): how fast an agent relaxes towards its desired velocity. [s], [0.05, 10]
  double relaxation_time = 0.5;
  // m in eq. (1), the same for every agent. Only the ratios force / m matter. [kg], [1, 500]
  double mass = 80.0;

  // Agent-agent interaction, eq. (2).
  // A: strength of the social repulsion A exp((r_ij - d_ij) / B). [N], [0, 1e5]
  double neighbour_strength = 2000.0;
  // B: its decay length. [m], [0.01, 1]
  double neighbour_range = 0.08;
  // k: body compression g(r_ij - d_ij) k, acting only on contact. [kg/s^2], [0, 1e7]
  double body_stiffness = 1.2e5;
  // kappa: sliding friction kappa g(r_ij - d_ij) dv_t, acting only on contact. [kg/(m s)], [0, 1e7]
  double sliding_friction = 2.4e5;

  // Agent-wall interaction, eq. (3). The paper uses the agent values; they are
  // separate fields so that walls can be made softer or harder on their own.
  // A_W. [N], [0, 1e5]
  double wall_strength = 2000.0;
  // B_W. [m], [0.01, 1]
  double wall_range = 0.08;
  // k_W. [kg/s^2], [0, 1e7]
  double wall_stiffness = 1.2e5;
  // kappa_W. [kg/(m s)], [0, 1e7]
  double wall_friction = 2.4e5;

  // Not a field of the paper: the speed after each step is capped at
  // max_speed_factor * v0_i. In the paper a maximal speed v_max bounds how
  // fast agents may become (impatient agents raise their desired speed
  // towards it); tying the bound to each agent's own v0 also keeps a stiff
  // contact force from launching an agent in one coarse step. [-], [1, 10]
  double max_speed_factor = 1.3;
  // Body radius as a multiple of the profile's radius. The profiles' radii are
  // half the agent length of the collision-free speed model (0.15 m for
  // adults, docs/models/profiles.md); the paper's bodies are r_i = 0.25-0.35 m.
  // 1.25 (adults 0.19 m, about half the shoulder width) is the largest at which
  // 100 against 100 still pass each other in a 2 m corridor (ISO 20414
  // counter-flow); at 1.5 the door flow is in the laboratory band but that
  // counter-flow locks (docs/validation.md). [-], [0.5, 2.5]
  double radius_factor = 1.25;
};

}  // namespace campusflow
