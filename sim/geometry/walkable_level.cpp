#include "sim/geometry/walkable_level.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

namespace {

constexpr double kOnEdgeTolerance = 1e-3;  // [m], as the scenario parser checks
// SFPE boundary layer of a stair wall. [m]
constexpr double kStairBoundaryLayer = 0.15;

// Parameter interval [t0, t1] of `opening` along `edge`, if it lies on it.
std::optional<std::pair<double, double>> interval_on(const Segment& edge, const Segment& opening) {
  if (distance(edge, opening.a) > kOnEdgeTolerance || distance(edge, opening.b) > kOnEdgeTolerance)
    return std::nullopt;
  const Vec2 d = edge.b - edge.a;
  const double len2 = d.squaredNorm();
  double t0 = (opening.a - edge.a).dot(d) / len2;
  double t1 = (opening.b - edge.a).dot(d) / len2;
  if (t0 > t1) std::swap(t0, t1);
  return std::pair{std::clamp(t0, 0.0, 1.0), std::clamp(t1, 0.0, 1.0)};
}

}  // namespace

std::vector<Segment> walls_with_openings(const Polygon& polygon, std::span<const Segment> openings) {
  std::vector<Segment> walls;
  for (const Segment& edge : edges(polygon.outer)) {
    std::vector<std::pair<double, double>> cuts;
    for (const Segment& o : openings)
      if (auto iv = interval_on(edge, o)) cuts.push_back(*iv);
    std::sort(cuts.begin(), cuts.end());
    double t = 0.0;
    const Vec2 d = edge.b - edge.a;
    for (const auto& [t0, t1] : cuts) {
      if (t0 > t) walls.push_back({edge.a + t * d, edge.a + t0 * d});
      t = std::max(t, t1);
    }
    if (t < 1.0) walls.push_back({edge.a + t * d, edge.b});
  }
  for (const Ring& hole : polygon.holes) {
    const auto e = edges(hole);
    walls.insert(walls.end(), e.begin(), e.end());
  }
  return walls;
}

WalkableLevel build_walkable_level(std::string name, double elevation, Polygon walkable,
                                   std::span<const OpeningSpec> openings, std::size_t places,
                                   const DistanceFieldOptions& field, double wall_range) {
  WalkableLevel level;
  level.name = std::move(name);
  level.elevation = elevation;
  level.opening_of_place.assign(places, -1);
  std::vector<Segment> cut;    // boundary openings: gaps in the outline
  for (const OpeningSpec& o : openings) {
    Opening out;
    out.kind = o.kind;
    out.place = o.place;
    out.segment = o.segment;
    out.area = o.area;
    const Vec2 d = (o.segment.b - o.segment.a).normalized();
    out.normal = Vec2(d.y(), -d.x());
    if (out.boundary()) {
      // The normal that points away from the walkable side of the opening.
      const Vec2 mid = 0.5 * (o.segment.a + o.segment.b);
      if (contains(walkable, mid + 1e-3 * out.normal)) out.normal = -out.normal;
      cut.push_back(o.segment);
    }
    level.opening_of_place.at(o.place) = static_cast<std::int32_t>(level.openings.size());
    level.openings.push_back(std::move(out));
  }
  level.walls = walls_with_openings(walkable, cut);
  const Box box = bounding_box(walkable.outer);
  level.wall_grid = SegmentGrid(level.walls, box, 1.0, wall_range);
  for (Opening& o : level.openings) {
    std::vector<Segment> barriers;  // every other door
    for (const Opening& other : level.openings)
      if (other.kind == OpeningKind::kDoor && &other != &o) barriers.push_back(other.segment);
    std::vector<FieldTarget> targets;
    if (o.kind == OpeningKind::kAssembly) {
      for (const Segment& edge : edges(o.area)) targets.push_back({edge, Vec2::Zero(), true});
    } else {
      targets.push_back({o.segment, o.normal, !o.boundary()});
    }
    // Towards a stair people use the flight's whole width, keeping only the
    // stair's boundary layer off its walls (SFPE: 0.15 m); the wider margin
    // that keeps ways off corridor walls would file them into its centre line.
    DistanceFieldOptions options = field;
    if (o.kind == OpeningKind::kStairEnd) options.wall_clearance = std::min(options.wall_clearance, kStairBoundaryLayer);
    o.field = DistanceField::build(walkable, level.walls, targets, barriers, options);
  }
  level.walkable = std::move(walkable);
  return level;
}

Eigen::Vector3d WalkableLevel::world(const Vec2& p) const {
  if (!stair) return {p.x(), p.y(), elevation};
  const StairPlacement& s = *stair;
  const double u = std::clamp(p.y() / s.width, 0.0, 1.0);
  const double t = std::clamp(p.x() / s.length, 0.0, 1.0);
  // Left stays left: the x = 0 edge of the flight runs from y = width to 0
  // in its own outline, the reverse of the floor's, and the x = length edge
  // from 0 to width.
  const Vec2 a = s.start.a + u * (s.start.b - s.start.a);
  const Vec2 b = s.end.a + (1.0 - u) * (s.end.b - s.end.a);
  const Vec2 q = a + t * (b - a);
  return {q.x(), q.y(), s.z_start + t * (s.z_end - s.z_start)};
}

double crossing_fraction(const Vec2& a, const Vec2& b, const Segment& s) {
  const Vec2 step = b - a;
  const Vec2 e = s.b - s.a;
  const double denom = step.x() * e.y() - step.y() * e.x();
  if (std::abs(denom) < 1e-15) return -1.0;
  const Vec2 aq = s.a - a;
  const double t = (aq.x() * e.y() - aq.y() * e.x()) / denom;     // along the step
  const double u = (aq.x() * step.y() - aq.y() * step.x()) / denom;  // along the segment
  return (t > 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0) ? t : -1.0;
}

}  // namespace campusflow
