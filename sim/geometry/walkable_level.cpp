#include "sim/geometry/walkable_level.hpp"

#include <algorithm>

namespace campusflow {

namespace {

constexpr double kOnEdgeTolerance = 1e-3;  // [m], as the scenario parser checks

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
                                   std::span<const ExitOpening> exits, const DistanceFieldOptions& field,
                                   double wall_range) {
  WalkableLevel level;
  level.name = std::move(name);
  level.elevation = elevation;
  std::vector<Segment> openings;
  std::vector<Vec2> outward;
  for (const ExitOpening& e : exits) {
    const Vec2 d = (e.segment.b - e.segment.a).normalized();
    Vec2 n(d.y(), -d.x());
    // The normal that points away from the walkable side of the opening.
    const Vec2 mid = 0.5 * (e.segment.a + e.segment.b);
    if (contains(walkable, mid + 1e-3 * n)) n = -n;
    level.exits.push_back({e.exit, e.segment, n});
    openings.push_back(e.segment);
    outward.push_back(n);
  }
  level.walls = walls_with_openings(walkable, openings);
  const Box box = bounding_box(walkable.outer);
  level.wall_grid = SegmentGrid(level.walls, box, 1.0, wall_range);
  level.field = DistanceField::build(walkable, level.walls, openings, outward, field);
  level.walkable = std::move(walkable);
  return level;
}

}  // namespace campusflow
