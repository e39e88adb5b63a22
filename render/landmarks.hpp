#pragma once
// What a plan shows besides floor and walls: doors, exits, stair ends and
// assembly points, read from the scenario text a result carries (the result
// itself keeps their names only). Drawn over the floor, under the people.
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <string>
#include <vector>

#include "render/area_painter.hpp"
#include "render/camera.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow::render {

struct LevelLandmarks {
  std::vector<Segment> doors, exits, stair_ends;
  std::vector<Polygon> assembly;  // assembly areas
};

// The colours of doors, exits, stair ends and assembly areas, for legends.
sf::Color door_colour();
sf::Color exit_colour();
sf::Color stair_colour();
sf::Color assembly_colour();

// By level name; levels the text does not mention get none. Never throws: a
// text that is not a scenario gives nothing.
std::vector<LevelLandmarks> read_landmarks(const std::string& scenario_text, const std::vector<std::string>& level_names);

class LandmarkPainter {
 public:
  explicit LandmarkPainter(LevelLandmarks landmarks);
  void draw(sf::RenderTarget& target, const Camera& camera);

 private:
  LevelLandmarks marks_;
  AreaPainter assembly_;
  sf::VertexArray lines_{sf::Triangles};
};

}  // namespace campusflow::render
