#pragma once
// The street of a gate-traffic result: sidewalks, lanes with their markings,
// crossings (zebra stripes; others as dashed edges), curb stalls, then the
// vehicles as oriented rectangles of their type's size. The fixed layer is
// kept until the camera moves.
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <optional>

#include "render/camera.hpp"
#include "render/replay.hpp"

namespace campusflow::render {

// The colour a signal head or guard is drawn in, by its replay frame kind.
sf::Color control_colour(std::int8_t kind);

class StreetPainter {
 public:
  explicit StreetPainter(const Replay& replay) : replay_(replay) {}
  void draw_fixed(sf::RenderTarget& target, const Camera& camera);
  // Vehicles at time t, by speed on the ramp when `by_speed` (0 to `top` m/s),
  // and signal heads and crossing guards in their state.
  void draw_vehicles(sf::RenderTarget& target, const Camera& camera, double t, bool by_speed, double top);

 private:
  void rebuild(const Camera& camera);
  void add_control(const Camera& camera, const io::StreetFrameRow& row);

  const Replay& replay_;
  sf::VertexArray fixed_{sf::Triangles}, vehicles_{sf::Triangles};
  std::optional<Camera> built_for_;  // the camera the fixed vertices were built for
};

}  // namespace campusflow::render
