#include "render/shapes.hpp"

#include <cmath>

namespace campusflow::render {

void add_quad(sf::VertexArray& tris, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color colour) {
  for (const sf::Vector2f& p : {a, b, c, a, c, d}) tris.append(sf::Vertex(p, colour));
}

void add_line(sf::VertexArray& tris, sf::Vector2f a, sf::Vector2f b, float thickness, sf::Color colour) {
  const sf::Vector2f d = b - a;
  const float len = std::hypot(d.x, d.y);
  if (len <= 0.0f) return;
  const sf::Vector2f n(-d.y / len * thickness / 2.0f, d.x / len * thickness / 2.0f);
  add_quad(tris, a + n, b + n, b - n, a - n, colour);
}

void add_box(sf::VertexArray& tris, sf::Vector2f centre, float length, float width, float heading, sf::Color colour) {
  const sf::Vector2f u(std::cos(heading) * length / 2.0f, std::sin(heading) * length / 2.0f);
  const sf::Vector2f v(-std::sin(heading) * width / 2.0f, std::cos(heading) * width / 2.0f);
  add_quad(tris, centre + u + v, centre + u - v, centre - u - v, centre - u + v, colour);
}

}  // namespace campusflow::render
