#pragma once
// Parameters of MOBIL, "minimizing overall braking induced by lane changes"
// (Kesting, Treiber & Helbing, Transportation Research Record 1999, 86-94,
// 2007; Treiber & Kesting, "Traffic Flow Dynamics", ch. 14.3). See
// docs/models/mobil.md. A driver changes lane when it is safe,
//   b_new_follower = a~_new_follower <= b_safe,                        (safety)
// and it pays, counting the followers' loss with the politeness p:
//   a~_me - a_me + p (a~_new_f - a_new_f + a~_old_f - a_old_f) > a_thr + a_bias  (incentive)
// where a~ are the accelerations after the change. A driver who must reach a
// lane (for the next link or a curb stall) adds `strategic_bias` to the side
// that takes it there.

namespace campusflow {

struct MobilParams {
  // p: politeness factor. [-], [0, 1]
  double politeness = 0.2;
  // a_thr: changing threshold, prevents ping-pong changes. [m/s^2], [0, 2]
  double threshold = 0.1;
  // b_safe: the largest deceleration a change may impose on the new follower. [m/s^2], (0, 9]
  double safe_deceleration = 4.0;
  // Pull towards a lane the route needs, within `strategic_distance` of where it is needed. [m/s^2]
  double strategic_bias = 1.0;
  double strategic_distance = 200.0;  // [m]
  // The least time between two changes of one driver. [s]
  double min_interval = 2.0;
};

}  // namespace campusflow
