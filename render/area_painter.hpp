#pragma once
// A level's walkable area in a viewport: the floor filled (even-odd scanline
// spans, so holes stay open: SFML fills only convex shapes), walls on its
// boundary. The spans are kept until the camera moves.
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <optional>
#include <vector>

#include "render/camera.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow::render {

class AreaPainter {
 public:
  // Floors by default: white with dark walls.
  explicit AreaPainter(const std::vector<Polygon>& area, sf::Color fill = sf::Color::White,
                       sf::Color outline = sf::Color(60, 60, 64));
  void draw(sf::RenderTarget& target, const Camera& camera);

 private:
  void rebuild(const Camera& camera);

  std::vector<Segment> edges_;
  sf::Color fill_, outline_;
  sf::VertexArray floor_{sf::Triangles}, walls_{sf::Triangles};
  std::optional<Camera> built_for_;  // the camera the fixed vertices were built for
};

}  // namespace campusflow::render
