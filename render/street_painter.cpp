#include "render/street_painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campusflow::render {

namespace {

// A strip of `width` metres along a centre line, in pixels.
void add_strip(sf::VertexArray& tris, const Camera& camera, const Vec2& a, const Vec2& b, double width,
               sf::Color colour) {
  const Vec2 d = b - a;
  if (d.norm() <= 0.0) return;
  const Vec2 n = Vec2(-d.y(), d.x()).normalized() * (width / 2.0);
  add_quad(tris, camera.to_pixel(a + n), camera.to_pixel(b + n), camera.to_pixel(b - n), camera.to_pixel(a - n), colour);
}

}  // namespace

void StreetPainter::rebuild(const Camera& camera) {
  fixed_.clear();
  const io::StreetGeometry& g = replay_.street();
  for (const io::SidewalkRow& w : g.sidewalks)
    add_strip(fixed_, camera, {w.x0, w.y0}, {w.x1, w.y1}, w.width, colours::kSidewalk);
  for (const io::LaneRow& l : g.lanes) add_strip(fixed_, camera, {l.x0, l.y0}, {l.x1, l.y1}, l.width, colours::kRoad);
  // Markings: a thin line along the left edge of every lane but the
  // leftmost of its link (which borders the opposite direction or nothing).
  for (const io::LaneRow& l : g.lanes) {
    const bool leftmost = std::none_of(g.lanes.begin(), g.lanes.end(), [&](const io::LaneRow& o) {
      return o.link == l.link && o.lane == l.lane + 1;
    });
    if (leftmost) continue;
    const Vec2 a(l.x0, l.y0), b(l.x1, l.y1), d = (b - a).normalized(), n(-d.y(), d.x());
    const Vec2 edge = n * (l.width / 2.0);
    for (double s = 0.0; s + 3.0 <= (b - a).norm(); s += 9.0)  // 3 m dashes, 6 m gaps
      add_strip(fixed_, camera, a + edge + d * s, a + edge + d * (s + 3.0), 0.15, colours::kLaneMark);
  }
  for (const io::CrossingRow& c : g.crossings) {
    const Vec2 a(c.x0, c.y0), b(c.x1, c.y1);
    const double len = (b - a).norm();
    if (len <= 0.0) continue;
    const Vec2 d = (b - a) / len;
    if (c.kind == 0 || c.kind == 3) {  // zebra (or guarded): bars across the walking direction, 0.5 m on, 0.5 m off
      for (double s = 0.0; s + 0.5 <= len; s += 1.0) {
        const Vec2 n(-d.y(), d.x());
        add_strip(fixed_, camera, a + d * (s + 0.25) - n * (c.width / 2.0), a + d * (s + 0.25) + n * (c.width / 2.0),
                  0.5, colours::kCrossing);
      }
    } else {  // uncontrolled or signalised: its two edges
      const Vec2 n = Vec2(-d.y(), d.x()) * (c.width / 2.0);
      add_strip(fixed_, camera, a + n, b + n, 0.2, colours::kCrossing);
      add_strip(fixed_, camera, a - n, b - n, 0.2, colours::kCrossing);
    }
  }
  for (const io::StallPlaceRow& s : g.stalls) {
    const Vec2 c(s.x, s.y), u(std::cos(s.heading), std::sin(s.heading)), v(-u.y(), u.x());
    const Vec2 corners[4] = {c + u * (s.length / 2) + v * (s.width / 2), c + u * (s.length / 2) - v * (s.width / 2),
                             c - u * (s.length / 2) - v * (s.width / 2), c - u * (s.length / 2) + v * (s.width / 2)};
    add_quad(fixed_, camera.to_pixel(corners[0]), camera.to_pixel(corners[1]), camera.to_pixel(corners[2]),
             camera.to_pixel(corners[3]), colours::kStall);
    for (int k = 0; k < 4; ++k)
      add_line(fixed_, camera.to_pixel(corners[k]), camera.to_pixel(corners[(k + 1) % 4]), 1.0f, colours::kLaneMark);
  }
  built_for_ = camera;
}

void StreetPainter::draw_fixed(sf::RenderTarget& target, const Camera& camera) {
  if (built_for_ != camera) rebuild(camera);
  target.draw(fixed_);
}

void StreetPainter::add_control(const Camera& camera, const io::StreetFrameRow& r) {
  // A signal head: a 1.2 m square lamp in its aspect's colour; a guard: a
  // 1.4 m square, orange while holding traffic, grey while waiting.
  const auto ppm = static_cast<float>(camera.pixels_per_metre());
  const sf::Vector2f c = camera.to_pixel({r.x, r.y});
  const bool guard = r.kind >= io::kFrameGuardIdle;
  const float size = std::max(6.0f, (guard ? 1.4f : 1.2f) * ppm);
  add_box(vehicles_, c, size + 2.0f, size + 2.0f, 0.0f, colours::kText);
  add_box(vehicles_, c, size, size, 0.0f, control_colour(r.kind));
}

sf::Color control_colour(std::int8_t kind) {
  switch (kind) {
    case io::kFrameSignalRed: return {213, 40, 30};
    case io::kFrameSignalAmber: return {240, 170, 0};
    case io::kFrameSignalGreen: return {30, 170, 60};
    case io::kFrameGuardHolding: return {255, 120, 0};
    default: return {170, 170, 170};
  }
}

void StreetPainter::draw_vehicles(sf::RenderTarget& target, const Camera& camera, double t, bool by_speed, double top) {
  vehicles_.clear();
  const auto ppm = static_cast<float>(camera.pixels_per_metre());
  for (const io::StreetFrameRow& r : replay_.street_at(t)) {
    if (r.kind >= io::kFrameSignalRed) {
      add_control(camera, r);
      continue;
    }
    if (r.kind != io::kFrameVehicle) continue;
    const auto [length, width] = replay_.vehicle_size(r.id);
    const sf::Color colour = by_speed ? ramp_colour(r.speed / top) : colours::kVehicle;
    // Screen y points down: the heading turns the other way.
    add_box(vehicles_, camera.to_pixel({r.x, r.y}), std::max(3.0f, static_cast<float>(length) * ppm),
            std::max(2.0f, static_cast<float>(width) * ppm), -static_cast<float>(r.heading), colour);
  }
  target.draw(vehicles_);
}

}  // namespace campusflow::render
