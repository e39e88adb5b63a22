#include "analysis/voronoi_density.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <map>

namespace campusflow::analysis {

namespace {

namespace bg = boost::geometry;
using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint, /*clockwise=*/false>;

BgPolygon to_bg(const Ring& ring) {
  BgPolygon p;
  for (const Vec2& v : ring) bg::append(p.outer(), BgPoint(v.x(), v.y()));
  if (!ring.empty()) bg::append(p.outer(), BgPoint(ring.front().x(), ring.front().y()));
  bg::correct(p);
  return p;
}

// Keeps the part of a convex ring where (p - m) . n <= 0 (Sutherland-Hodgman, one edge).
Ring clip(const Ring& ring, const Vec2& m, const Vec2& n) {
  Ring out;
  for (std::size_t k = 0; k < ring.size(); ++k) {
    const Vec2& a = ring[k];
    const Vec2& b = ring[(k + 1) % ring.size()];
    const double da = (a - m).dot(n), db = (b - m).dot(n);
    if (da <= 0.0) out.push_back(a);
    if ((da < 0.0 && db > 0.0) || (da > 0.0 && db < 0.0)) out.push_back(a + (b - a) * (da / (da - db)));
  }
  return out;
}

}  // namespace

Ring voronoi_cell(std::span<const Vec2> sites, std::size_t i, const Box& bounds) {
  Ring cell{bounds.min, {bounds.max.x(), bounds.min.y()}, bounds.max, {bounds.min.x(), bounds.max.y()}};
  // The cell is the bounds cut by the bisector of every pair (i, j).
  for (std::size_t j = 0; j < sites.size() && cell.size() >= 3; ++j) {
    if (j == i || sites[j] == sites[i]) continue;
    cell = clip(cell, (sites[i] + sites[j]) / 2.0, sites[j] - sites[i]);
  }
  return cell;
}

double voronoi_density(const TrajectorySet& t, const Ring& area, const Box& bounds, std::int64_t first,
                       std::int64_t last) {
  std::map<std::int64_t, std::vector<Vec2>> frames;
  for (const io::TrajectoryRow& r : t.rows())
    if (r.frame >= first && r.frame <= last) frames[r.frame].emplace_back(r.x, r.y);
  const BgPolygon a = to_bg(area);
  const double a_area = bg::area(a);
  if (a_area <= 0.0 || last < first) return 0.0;
  double sum = 0.0;
  for (const auto& [frame, sites] : frames) {
    double share = 0.0;  // sum of |V_i cap A| / |V_i|
    for (std::size_t i = 0; i < sites.size(); ++i) {
      const Ring cell = voronoi_cell(sites, i, bounds);
      if (cell.size() < 3) continue;
      const BgPolygon v = to_bg(cell);
      const double v_area = bg::area(v);
      if (v_area <= 0.0) continue;
      std::vector<BgPolygon> cut;
      bg::intersection(v, a, cut);
      for (const BgPolygon& c : cut) share += bg::area(c) / v_area;
    }
    sum += share / a_area;
  }
  return sum / static_cast<double>(last - first + 1);
}

}  // namespace campusflow::analysis
