#include "render/heatmap_image.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"

namespace campusflow::render {

namespace {

constexpr unsigned kMargin = 10, kBar = 24;  // [px] around the map; colour bar width

// A plan of `bounds` seen from above, at most 4096 pixels on a side (and at
// least one), with a margin around it and room for a colour bar.
struct MapCanvas {
  MapCanvas(const Box& box, double pixels_per_metre)
      : bounds(box), ppm(std::min(pixels_per_metre, 4096.0 / std::max((box.max - box.min).maxCoeff(), 1e-9))) {
    const Vec2 size = bounds.max - bounds.min;
    w = std::max(1u, static_cast<unsigned>(std::ceil(size.x() * ppm)));
    h = std::max(1u, static_cast<unsigned>(std::ceil(size.y() * ppm)));
    image.create(w + 3 * kMargin + kBar, h + 2 * kMargin, colours::kBackground);
  }
  // Pixel centre -> metres (y up).
  Vec2 world(unsigned px, unsigned py) const {
    return {bounds.min.x() + (px + 0.5) / ppm, bounds.max.y() - (py + 0.5) / ppm};
  }
  // Metres -> the pixel holding them, clamped to the map.
  void set(const Vec2& p, sf::Color c) {
    const double fx = (p.x() - bounds.min.x()) * ppm, fy = (bounds.max.y() - p.y()) * ppm;
    set(static_cast<unsigned>(std::clamp(fx, 0.0, w - 1.0)), static_cast<unsigned>(std::clamp(fy, 0.0, h - 1.0)), c);
  }
  void set(unsigned px, unsigned py, sf::Color c) { image.setPixel(kMargin + px, kMargin + py, c); }
  // The colour bar right of the map: 0 at the bottom, the scale's top (and above) at the top.
  sf::Image with_colour_bar() {
    for (unsigned py = 0; py < h; ++py)
      for (unsigned px = 0; px < kBar; ++px)
        image.setPixel(w + 2 * kMargin + px, kMargin + py, ramp_colour(1.0 - (py + 0.5) / h));
    return image;
  }

  Box bounds;
  double ppm;
  unsigned w = 1, h = 1;
  sf::Image image;
};

}  // namespace

sf::Image heatmap_image(const analysis::Heatmap& map, const ReplayLevel& level, double top,
                        double pixels_per_metre) {
  MapCanvas canvas(level.bounds, pixels_per_metre);
  for (unsigned py = 0; py < canvas.h; ++py)
    for (unsigned px = 0; px < canvas.w; ++px) {
      const Vec2 p = canvas.world(px, py);
      const bool floor = std::any_of(level.area.begin(), level.area.end(), [&](const Polygon& a) { return contains(a, p); });
      sf::Color c = floor ? sf::Color(235, 235, 235) : colours::kOutside;
      int ix = 0, iy = 0;
      if (floor && map.cell_of(p, ix, iy) && map.at(ix, iy) > 0.0) c = ramp_colour(map.at(ix, iy) / top);
      canvas.set(px, py, c);
    }
  // Walls: each boundary edge sampled every half pixel.
  for (const Polygon& a : level.area)
    for (const Segment& s : edges(a)) {
      const int n = std::max(1, static_cast<int>(std::ceil(s.length() * canvas.ppm * 2.0)));
      for (int k = 0; k <= n; ++k) canvas.set(s.a + (s.b - s.a) * (static_cast<double>(k) / n), colours::kWall);
    }
  return canvas.with_colour_bar();
}

sf::Image queue_map_image(const std::vector<analysis::LaneOccupancy>& lanes, const io::StreetGeometry& street,
                          const Box& bounds, double pixels_per_metre) {
  MapCanvas canvas(bounds, pixels_per_metre);
  // Where a pixel centre lies along and across a strip from a to b.
  auto within = [](const Vec2& p, const Vec2& a, const Vec2& b, double width, double& along) {
    const Vec2 d = b - a;
    const double len = d.norm();
    if (len <= 0.0) return false;
    along = (p - a).dot(d) / len;
    const double across = std::abs((p - a).dot(Vec2(-d.y(), d.x())) / len);
    return along >= 0.0 && along <= len && across <= width / 2.0;
  };
  for (unsigned py = 0; py < canvas.h; ++py)
    for (unsigned px = 0; px < canvas.w; ++px) {
      const Vec2 p = canvas.world(px, py);
      sf::Color c = colours::kOutside;
      double along = 0.0;
      for (const io::SidewalkRow& s : street.sidewalks)
        if (within(p, {s.x0, s.y0}, {s.x1, s.y1}, s.width, along)) c = colours::kSidewalk;
      for (const analysis::LaneOccupancy& o : lanes)
        if (within(p, {o.lane.x0, o.lane.y0}, {o.lane.x1, o.lane.y1}, o.lane.width, along)) {
          const auto k = std::min(o.share.size() - 1, static_cast<std::size_t>(along / o.stretch));
          c = o.share[k] > 0.0 ? ramp_colour(o.share[k]) : colours::kRoad;
        }
      canvas.set(px, py, c);
    }
  return canvas.with_colour_bar();
}

}  // namespace campusflow::render
