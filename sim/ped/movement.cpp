#include "sim/ped/movement.hpp"

#include <cmath>

namespace campusflow {

Vec2 keep_clear_of_walls(Vec2 p, const Vec2& from, double clearance, const SegmentGrid& walls) {
  // Two passes settle corners, where pushing off one wall can bring the
  // agent near the other.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t w : walls.near(p)) {
      const Segment& s = walls.segment(w);
      const Vec2 c = closest_point(s, p);
      Vec2 d = p - c;
      double dist = d.norm();
      if (dist >= clearance) continue;
      if (dist <= 1e-12) {
        // On the wall: leave towards the side the agent came from.
        const Vec2 t = (s.b - s.a).normalized();
        d = Vec2(-t.y(), t.x());
        if (d.dot(from - c) < 0.0) d = -d;
        dist = 0.0;
      } else {
        d /= dist;
        // A step that went through the wall goes back to the side it came from.
        if (d.dot(from - c) < 0.0) d = -d;
      }
      p = c + clearance * d;
    }
  }
  return p;
}

}  // namespace campusflow
