#pragma once
// Plane geometry used by validation and by the engine: rings, polygons with
// holes, segments. Rings are stored open (the first point is not repeated).
// Validity questions (simple? holes inside?) go through Boost.Geometry; the hot
// distance queries are small inline functions.
#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace campusflow {

using Vec2 = Eigen::Vector2d;  // [m]
using Ring = std::vector<Vec2>;

// Farthest a scenario's points may lie from its origin. Coordinates beyond a
// kilometre-scale campus are surely a typo, and keeping them small keeps
// squared lengths and Boost.Geometry's predicates far from overflow. [m]
inline constexpr double kCoordinateLimit = 1e6;

struct Segment {
  Vec2 a;
  Vec2 b;
  double length() const { return (b - a).norm(); }
};

// A walkable area: an outer ring minus holes (obstacles).
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

// Closest point of segment s to p.
inline Vec2 closest_point(const Segment& s, const Vec2& p) {
  const Vec2 d = s.b - s.a;
  const double len2 = d.squaredNorm();
  if (len2 == 0.0) return s.a;
  double t = (p - s.a).dot(d) / len2;
  t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
  return s.a + t * d;
}

inline double distance(const Segment& s, const Vec2& p) { return (p - closest_point(s, p)).norm(); }

// Twice the signed area; positive for counter-clockwise rings.
double signed_area2(const Ring& ring);
double area(const Polygon& polygon);

// Whether the edge from a to b crosses the ray from p towards +x: one step of
// the even-odd test below. The indexes of polygon_index.hpp take the same step
// on fewer edges, so their answers are the same, bit for bit.
inline bool crosses_ray(const Vec2& a, const Vec2& b, const Vec2& p) {
  if ((a.y() > p.y()) == (b.y() > p.y())) return false;
  const double x = (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x();
  return p.x() < x;
}

// Even-odd crossing test; points on the boundary may go either way.
bool contains(const Ring& ring, const Vec2& p);
// Inside the outer ring and outside every hole.
bool contains(const Polygon& polygon, const Vec2& p);

// The edges of a ring, closing it.
std::vector<Segment> edges(const Ring& ring);
// All boundary edges of a polygon (outer and holes).
std::vector<Segment> edges(const Polygon& polygon);
double distance_to_boundary(const Polygon& polygon, const Vec2& p);

// nullopt when the ring is a valid simple polygon with nonzero area, otherwise
// the reason in words ("self-intersecting", "fewer than 3 points", ...).
std::optional<std::string> ring_defect(const Ring& ring);

// True when the hole lies inside the outer ring and does not cross it.
bool ring_within(const Ring& inner, const Ring& outer);
// True when two rings' interiors overlap or their edges cross.
bool rings_intersect(const Ring& a, const Ring& b);

// Lower-left and upper-right corners.
struct Box {
  Vec2 min;
  Vec2 max;
};
Box bounding_box(const Ring& ring);

// Well-known text of the polygon, e.g. "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))".
std::string to_wkt(const Polygon& polygon);
// The polygons of a WKT POLYGON or MULTIPOLYGON (rings open, as everywhere
// here); nullopt when the text is neither.
std::optional<std::vector<Polygon>> polygons_from_wkt(const std::string& wkt);

}  // namespace campusflow
