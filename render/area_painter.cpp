#include "render/area_painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campusflow::render {

AreaPainter::AreaPainter(const std::vector<Polygon>& area, sf::Color fill, sf::Color outline)
    : fill_(fill), outline_(outline) {
  for (const Polygon& p : area) {
    const std::vector<Segment> e = edges(p);
    edges_.insert(edges_.end(), e.begin(), e.end());
  }
}

void AreaPainter::rebuild(const Camera& camera) {
  floor_.clear();
  walls_.clear();
  const sf::Vector2f o = camera.origin(), size = camera.size();
  const int top = static_cast<int>(std::floor(o.y)), bottom = static_cast<int>(std::ceil(o.y + size.y));
  std::vector<float> xs;
  // One span list per pixel row, sampled at the row's centre: the floor is
  // wherever a horizontal line has crossed an odd number of edges.
  for (int row = top; row < bottom; ++row) {
    const double y = camera.to_world({o.x, static_cast<float>(row) + 0.5f}).y();
    xs.clear();
    for (const Segment& s : edges_) {
      if ((s.a.y() > y) == (s.b.y() > y)) continue;
      const double x = s.a.x() + (y - s.a.y()) / (s.b.y() - s.a.y()) * (s.b.x() - s.a.x());
      xs.push_back(camera.to_pixel({x, y}).x);
    }
    std::sort(xs.begin(), xs.end());
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
      const float x0 = std::max(xs[i], o.x), x1 = std::min(xs[i + 1], o.x + size.x);
      if (x1 <= x0) continue;
      add_quad(floor_, {x0, static_cast<float>(row)}, {x1, static_cast<float>(row)}, {x1, static_cast<float>(row + 1)},
               {x0, static_cast<float>(row + 1)}, fill_);
    }
  }
  const float thickness = std::clamp(static_cast<float>(camera.pixels_per_metre() * 0.12), 1.0f, 4.0f);
  for (const Segment& s : edges_) add_line(walls_, camera.to_pixel(s.a), camera.to_pixel(s.b), thickness, outline_);
  built_for_ = camera;
}

void AreaPainter::draw(sf::RenderTarget& target, const Camera& camera) {
  if (built_for_ != camera) rebuild(camera);
  target.draw(floor_);
  target.draw(walls_);
}

}  // namespace campusflow::render
