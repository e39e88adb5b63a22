#include "render/camera.hpp"

#include <algorithm>

namespace campusflow::render {

Camera::Camera(const Box& world, sf::Vector2f origin, sf::Vector2f size, float margin)
    : origin_(origin), size_(size), center_((world.min + world.max) / 2.0) {
  const Vec2 extent = (world.max - world.min).cwiseMax(1e-3);
  const double w = std::max(1.0, static_cast<double>(size.x) - 2.0 * margin);
  const double h = std::max(1.0, static_cast<double>(size.y) - 2.0 * margin);
  scale_ = std::min(w / extent.x(), h / extent.y());
}

sf::Vector2f Camera::to_pixel(const Vec2& p) const {
  return {origin_.x + size_.x / 2.0f + static_cast<float>((p.x() - center_.x()) * scale_),
          origin_.y + size_.y / 2.0f - static_cast<float>((p.y() - center_.y()) * scale_)};
}

Vec2 Camera::to_world(sf::Vector2f pixel) const {
  return {center_.x() + (pixel.x - origin_.x - size_.x / 2.0f) / scale_,
          center_.y() - (pixel.y - origin_.y - size_.y / 2.0f) / scale_};
}

void Camera::zoom(double factor, sf::Vector2f pixel) {
  const Vec2 anchor = to_world(pixel);
  scale_ = std::clamp(scale_ * factor, 0.05, 2000.0);
  center_ += anchor - to_world(pixel);
}

void Camera::pan(sf::Vector2f pixels) { center_ -= Vec2(pixels.x, -pixels.y) / scale_; }

void Camera::center_on(const Vec2& p) { center_ = p; }

bool Camera::operator==(const Camera& other) const {
  return origin_ == other.origin_ && size_ == other.size_ && center_ == other.center_ && scale_ == other.scale_;
}

}  // namespace campusflow::render
