#pragma once
// World (metres, y up) to pixels (y down) for one viewport: fits a box, then
// zooms about a point and pans. The viewer moves it; the renderer fits it once.
#include <SFML/System/Vector2.hpp>

#include "sim/geometry/polygon.hpp"

namespace campusflow::render {

class Camera {
 public:
  // Shows `world` as large as fits in a viewport of `size` pixels at `origin`,
  // with `margin` pixels free around it.
  Camera(const Box& world, sf::Vector2f origin, sf::Vector2f size, float margin = 20.0f);

  sf::Vector2f to_pixel(const Vec2& p) const;
  Vec2 to_world(sf::Vector2f pixel) const;
  double pixels_per_metre() const { return scale_; }
  // Zooms by `factor` keeping the world point under `pixel` where it is.
  void zoom(double factor, sf::Vector2f pixel);
  void pan(sf::Vector2f pixels);
  void center_on(const Vec2& p);
  sf::Vector2f origin() const { return origin_; }
  sf::Vector2f size() const { return size_; }
  // Same viewport, centre and scale: every point maps to the same pixel
  // (painters keep vertices built for a camera until it changes).
  bool operator==(const Camera& other) const;

 private:
  sf::Vector2f origin_, size_;
  Vec2 center_ = Vec2::Zero();  // world point at the viewport's centre
  double scale_ = 1.0;          // [px/m]
};

}  // namespace campusflow::render
