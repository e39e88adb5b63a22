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

}  // namespace campusflow::render
