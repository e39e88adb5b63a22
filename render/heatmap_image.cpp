#include "render/heatmap_image.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"

namespace campusflow::render {

namespace {

constexpr unsigned kMargin = 10, kBar = 24;  // [px] around the map; colour bar width

}  // namespace

sf::Image heatmap_image(const analysis::Heatmap& map, const ReplayLevel& level, double top,
                        double pixels_per_metre) {
  const Box& b = level.bounds;
  const Vec2 size = b.max - b.min;
  const double ppm = std::min(pixels_per_metre, 4096.0 / std::max(size.x(), size.y()));
  const auto w = static_cast<unsigned>(std::ceil(size.x() * ppm)), h = static_cast<unsigned>(std::ceil(size.y() * ppm));
  sf::Image img;
  img.create(w + 3 * kMargin + kBar, h + 2 * kMargin, colours::kBackground);
  auto world = [&](unsigned px, unsigned py) {  // pixel centre -> metres (y up)
    return Vec2(b.min.x() + (px + 0.5) / ppm, b.max.y() - (py + 0.5) / ppm);
  };
  for (unsigned py = 0; py < h; ++py)
    for (unsigned px = 0; px < w; ++px) {
      const Vec2 p = world(px, py);
      const bool floor = std::any_of(level.area.begin(), level.area.end(), [&](const Polygon& a) { return contains(a, p); });
      sf::Color c = floor ? sf::Color(235, 235, 235) : colours::kOutside;
      int ix = 0, iy = 0;
      if (floor && map.cell_of(p, ix, iy) && map.at(ix, iy) > 0.0) c = ramp_colour(map.at(ix, iy) / top);
      img.setPixel(kMargin + px, kMargin + py, c);
    }
  // Walls: each boundary edge sampled every half pixel.
  for (const Polygon& a : level.area)
    for (const Segment& s : edges(a)) {
      const int n = std::max(1, static_cast<int>(std::ceil(s.length() * ppm * 2.0)));
      for (int k = 0; k <= n; ++k) {
        const Vec2 p = s.a + (s.b - s.a) * (static_cast<double>(k) / n);
        const double fx = (p.x() - b.min.x()) * ppm, fy = (b.max.y() - p.y()) * ppm;
        const auto px = static_cast<unsigned>(std::clamp(fx, 0.0, static_cast<double>(w - 1)));
        const auto py = static_cast<unsigned>(std::clamp(fy, 0.0, static_cast<double>(h - 1)));
        img.setPixel(kMargin + px, kMargin + py, colours::kWall);
      }
    }
  // Colour bar: 0 at the bottom, `top` (and above) at the top.
  for (unsigned py = 0; py < h; ++py)
    for (unsigned px = 0; px < kBar; ++px)
      img.setPixel(w + 2 * kMargin + px, kMargin + py, ramp_colour(1.0 - (py + 0.5) / h));
  return img;
}

sf::Image queue_map_image(const std::vector<analysis::LaneOccupancy>& lanes, const io::StreetGeometry& street,
                          const Box& bounds, double pixels_per_metre) {
  const Vec2 size = bounds.max - bounds.min;
  const double ppm = std::min(pixels_per_metre, 4096.0 / std::max(size.x(), size.y()));
  const auto w = static_cast<unsigned>(std::ceil(size.x() * ppm)), h = static_cast<unsigned>(std::ceil(size.y() * ppm));
  sf::Image img;
  img.create(w + 3 * kMargin + kBar, h + 2 * kMargin, colours::kBackground);
  // Where a pixel centre lies along and across a strip from a to b.
  auto within = [](const Vec2& p, const Vec2& a, const Vec2& b, double width, double& along) {
    const Vec2 d = b - a;
    const double len = d.norm();
    if (len <= 0.0) return false;
    along = (p - a).dot(d) / len;
    const double across = std::abs((p - a).dot(Vec2(-d.y(), d.x())) / len);
    return along >= 0.0 && along <= len && across <= width / 2.0;
  };
  for (unsigned py = 0; py < h; ++py)
    for (unsigned px = 0; px < w; ++px) {
      const Vec2 p(bounds.min.x() + (px + 0.5) / ppm, bounds.max.y() - (py + 0.5) / ppm);
      sf::Color c = colours::kOutside;
      double along = 0.0;
      for (const io::SidewalkRow& s : street.sidewalks)
        if (within(p, {s.x0, s.y0}, {s.x1, s.y1}, s.width, along)) c = colours::kSidewalk;
      for (const analysis::LaneOccupancy& o : lanes)
        if (within(p, {o.lane.x0, o.lane.y0}, {o.lane.x1, o.lane.y1}, o.lane.width, along)) {
          const auto k = std::min(o.share.size() - 1, static_cast<std::size_t>(along / o.stretch));
          c = o.share[k] > 0.0 ? ramp_colour(o.share[k]) : colours::kRoad;
        }
      img.setPixel(kMargin + px, kMargin + py, c);
    }
  for (unsigned py = 0; py < h; ++py)
    for (unsigned px = 0; px < kBar; ++px)
      img.setPixel(w + 2 * kMargin + px, kMargin + py, ramp_colour(1.0 - (py + 0.5) / h));
  return img;
}

}  // namespace campusflow::render
