#include "sim/geometry/polygon.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/io/wkt/read.hpp>
#include <limits>
#include <sstream>

namespace campusflow {

namespace bg = boost::geometry;

namespace {

using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint, /*clockwise=*/false, /*closed=*/true>;

BgPolygon to_bg(const Ring& ring) {
  BgPolygon p;
  for (const Vec2& v : ring) bg::append(p.outer(), BgPoint(v.x(), v.y()));
  if (!ring.empty()) bg::append(p.outer(), BgPoint(ring.front().x(), ring.front().y()));
  bg::correct(p);  // orientation only; closure is already right
  return p;
}

}  // namespace

double signed_area2(const Ring& ring) {
  double s = 0.0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const Vec2& p = ring[i];
    const Vec2& q = ring[(i + 1) % n];
    s += p.x() * q.y() - q.x() * p.y();
  }
  return s;
}

double area(const Polygon& polygon) {
  double a = std::abs(signed_area2(polygon.outer));
  for (const Ring& h : polygon.holes) a -= std::abs(signed_area2(h));
  return 0.5 * a;
}

bool contains(const Ring& ring, const Vec2& p) {
  bool inside = false;
  for (std::size_t i = 0, n = ring.size(), j = n - 1; i < n; j = i++)
    if (crosses_ray(ring[i], ring[j], p)) inside = !inside;
  return inside;
}

bool contains(const Polygon& polygon, const Vec2& p) {
  if (!contains(polygon.outer, p)) return false;
  for (const Ring& h : polygon.holes)
    if (contains(h, p)) return false;
  return true;
}

std::vector<Segment> edges(const Ring& ring) {
  std::vector<Segment> out;
  out.reserve(ring.size());
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) out.push_back({ring[i], ring[(i + 1) % n]});
  return out;
}

std::vector<Segment> edges(const Polygon& polygon) {
  std::vector<Segment> out = edges(polygon.outer);
  for (const Ring& h : polygon.holes) {
    const auto e = edges(h);
    out.insert(out.end(), e.begin(), e.end());
  }
  return out;
}

double distance_to_boundary(const Polygon& polygon, const Vec2& p) {
  double d = std::numeric_limits<double>::infinity();
  for (const Segment& s : edges(polygon)) d = std::min(d, distance(s, p));
  return d;
}

std::optional<std::string> ring_defect(const Ring& ring) {
  if (ring.size() < 3) return "has fewer than 3 points";
  for (const Vec2& v : ring)
    if (!std::isfinite(v.x()) || !std::isfinite(v.y())) return "has a non-finite coordinate";
  for (std::size_t i = 0; i < ring.size(); ++i)
    if (ring[i] == ring[(i + 1) % ring.size()]) return "repeats a point";
  if (std::abs(signed_area2(ring)) < 1e-12) return "has zero area";
  const BgPolygon p = to_bg(ring);
  bg::validity_failure_type failure{};
  if (!bg::is_valid(p, failure)) {
    if (failure == bg::failure_self_intersections) return "intersects itself";
    if (failure == bg::failure_spikes) return "has a spike (an edge folds back on itself)";
    return std::string("is not a valid polygon (") + bg::validity_failure_type_message(failure) + ")";
  }
  return std::nullopt;
}

bool ring_within(const Ring& inner, const Ring& outer) { return bg::within(to_bg(inner), to_bg(outer)); }

bool rings_intersect(const Ring& a, const Ring& b) { return bg::intersects(to_bg(a), to_bg(b)); }

Box bounding_box(const Ring& ring) {
  Box box{ring.front(), ring.front()};
  for (const Vec2& v : ring) {
    box.min = box.min.cwiseMin(v);
    box.max = box.max.cwiseMax(v);
  }
  return box;
}

std::string to_wkt(const Polygon& polygon) {
  std::ostringstream os;
  os.precision(10);
  auto ring = [&](const Ring& r) {
    os << '(';
    for (const Vec2& v : r) os << v.x() << ' ' << v.y() << ", ";
    os << r.front().x() << ' ' << r.front().y() << ')';
  };
  os << "POLYGON (";
  ring(polygon.outer);
  for (const Ring& h : polygon.holes) {
    os << ", ";
    ring(h);
  }
  os << ')';
  return os.str();
}

std::optional<std::vector<Polygon>> polygons_from_wkt(const std::string& wkt) {
  using BgMulti = bg::model::multi_polygon<BgPolygon>;
  auto open_ring = [](const auto& r) {
    Ring ring;
    for (const BgPoint& q : r) ring.emplace_back(q.x(), q.y());
    if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
    return ring;
  };
  BgMulti multi;
  try {
    const std::size_t start = wkt.find_first_not_of(" \t\n");
    if (start != std::string::npos && wkt.compare(start, 12, "MULTIPOLYGON") == 0) {
      bg::read_wkt(wkt, multi);
    } else {
      BgPolygon one;
      bg::read_wkt(wkt, one);
      multi.push_back(one);
    }
  } catch (const std::exception&) {  // bg::read_wkt_exception and friends
    return std::nullopt;
  }
  std::vector<Polygon> out;
  for (const BgPolygon& p : multi) {
    Polygon poly{open_ring(p.outer()), {}};
    for (const auto& h : p.inners()) poly.holes.push_back(open_ring(h));
    out.push_back(std::move(poly));
  }
  return out;
}

}  // namespace campusflow
