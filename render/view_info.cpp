#include "render/view_info.hpp"

#include <sstream>

#include "render/palette.hpp"

namespace campusflow::render {

std::string describe_view(const Replay& replay, const Camera& camera, double t, int level, ColourBy colour,
                          sf::Vector2u picture) {
  const Vec2 centre = camera.to_world(camera.origin() + camera.size() / 2.0f);
  std::ostringstream os;
  os.precision(12);
  os << "{\"time\": " << t << ", \"frame\": " << replay.frame_at(t) << ", \"fps\": " << replay.fps()
     << ", \"level\": " << level << ", \"elevation\": " << replay.levels().at(static_cast<std::size_t>(level)).elevation
     << ", \"width\": " << picture.x << ", \"height\": " << picture.y << ", \"viewport\": [" << camera.origin().x
     << ", " << camera.origin().y << ", " << camera.size().x << ", " << camera.size().y
     << "], \"pixels_per_metre\": " << camera.pixels_per_metre() << ", \"centre\": [" << centre.x() << ", "
     << centre.y() << "], \"colour_by\": \"" << colour_by_name(colour) << "\", \"profile_colours\": [";
  for (std::size_t k = 0; k < replay.profile_names().size(); ++k) {
    const sf::Color c = profile_colour(k);
    os << (k ? ", " : "") << "[" << int(c.r) << ", " << int(c.g) << ", " << int(c.b) << "]";
  }
  os << "]}\n";
  return os.str();
}

}  // namespace campusflow::render
