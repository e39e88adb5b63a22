#include "sim/ped/opening_steps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace campusflow {

Vec2 desired_direction(const Opening& target, const Vec2& x) {
  if (target.kind == OpeningKind::kDoor) {
    const double across = (x - target.segment.a).dot(target.normal);
    if (std::abs(across) < 2.0 * target.field.grid().cell && distance(target.segment, x) <= std::abs(across) + 1e-9)
      return across > 0.0 ? Vec2(-target.normal) : target.normal;
  }
  if (target.kind == OpeningKind::kAssembly) {
    // The field leads to the area's edges from both sides, so the cells just
    // inside an edge point out of the area. Where an edge does not fall on a
    // cell boundary, an agent less than half a cell outside it is nearer to
    // such a cell, and the field turned it back: it stood a few centimetres
    // short of the area for good. Within two cells of the area the way is
    // straight in, to the nearest point of its boundary.
    if (!contains(target.area, x)) {
      double nearest = std::numeric_limits<double>::infinity();
      Vec2 in = Vec2::Zero();
      for (const Segment& e : edges(target.area)) {
        const Vec2 c = closest_point(e, x);
        const double d = (c - x).norm();
        if (d >= nearest) continue;
        nearest = d;
        // On the edge itself: its inward normal (the ring is counter-clockwise).
        const Vec2 t = (e.b - e.a).normalized();
        in = d > 1e-9 ? Vec2((c - x) / d) : Vec2(-t.y(), t.x());
      }
      if (nearest < 2.0 * target.field.grid().cell) return in;
    }
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

namespace campusflow {

namespace {
// How far into the floor p lies from boundary opening o, and whether it lies
// across the opening's width.
struct StripPosition {
  double depth;  // [m] from the opening's line into the level
  bool across;   // within the opening's width
};
StripPosition strip_position(const Opening& o, const Vec2& p) {
  const Vec2 along = o.segment.b - o.segment.a;
  const double u = (p - o.segment.a).dot(along) / along.squaredNorm();
  return {-(p - o.segment.a).dot(o.normal), u >= 0.0 && u <= 1.0};
}
bool in_strip(const Opening& o, const Vec2& p, double depth) {
  const StripPosition s = strip_position(o, p);
  return s.across && s.depth >= 0.0 && s.depth < depth;
}
}  // namespace

Vec2 keep_stair_feet_clear(const WalkableLevel& level, const Vec2& a, const Vec2& b, std::uint32_t target,
                           double depth) {
  if (level.stair) return b;  // on a flight its ends are where it leads
  Vec2 out = b;
  for (const Opening& o : level.openings) {
    if (o.kind != OpeningKind::kStairEnd || o.place == target) continue;
    if (!in_strip(o, out, depth) || in_strip(o, a, depth)) continue;
    out -= (depth - strip_position(o, out).depth) * o.normal;
  }
  return out;
}

Vec2 keep_clear_of_stair_ends(const WalkableLevel& level, const Vec2& b, std::uint32_t target, double clearance) {
  if (level.stair) return b;
  Vec2 out = b;
  for (const Opening& o : level.openings) {
    if (o.kind != OpeningKind::kStairEnd || o.place == target) continue;
    const Vec2 c = closest_point(o.segment, out);
    Vec2 d = out - c;
    const double dist = d.norm();
    if (dist >= clearance) continue;
    // Beyond the line (or on it) the way back is straight into the level.
    if (dist <= 1e-12 || d.dot(o.normal) > 0.0)
      d = -o.normal;
    else
      d /= dist;
    out = c + clearance * d;
  }
  return out;
}

}  // namespace campusflow
