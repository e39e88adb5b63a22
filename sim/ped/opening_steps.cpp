#include "sim/ped/opening_steps.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

Vec2 desired_direction(const Opening& target, const Vec2& x) {
  if (target.kind == OpeningKind::kDoor) {
    const double across = (x - target.segment.a).dot(target.normal);
    if (std::abs(across) < 2.0 * target.field.grid().cell && distance(target.segment, x) <= std::abs(across) + 1e-9)
      return across > 0.0 ? Vec2(-target.normal) : target.normal;
  }
  return target.field.direction(x);
}

namespace {

// Where along the step from a to b it enters `area`; negative if it does not.
double entry_fraction(const Ring& area, const Vec2& a, const Vec2& b) {
  if (!contains(area, b) || contains(area, a)) return -1.0;
  double first = 1.0;
  for (const Segment& edge : edges(area)) {
    const double t = crossing_fraction(a, b, edge);
    if (t > 0.0) first = std::min(first, t);
  }
  return first;
}

}  // namespace

std::pair<std::uint32_t, double> first_crossing(const WalkableLevel& level, const Vec2& a, const Vec2& b) {
  std::uint32_t place = kNoPlace;
  double first = 2.0;
  for (const Opening& o : level.openings) {
    if (o.boundary() && (b - a).dot(o.normal) <= 0.0) continue;
    const double t = o.kind == OpeningKind::kAssembly ? entry_fraction(o.area, a, b) : crossing_fraction(a, b, o.segment);
    if (t > 0.0 && t < first) {
      first = t;
      place = o.place;
    }
  }
  return {place, first};
}

}  // namespace campusflow
