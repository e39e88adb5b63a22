#pragma once
// What a replay frame shows: a level's floor and walls, and its pedestrians as
// discs coloured by profile, speed or local density; plus the text overlay
// (clock, level, legend). Shared by the viewer and the offline renderer, so a
// video frame and a screenshot look the same.
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <optional>
#include <string>
#include <vector>

#include "render/area_painter.hpp"
#include "render/camera.hpp"
#include "render/landmarks.hpp"
#include "render/replay.hpp"
#include "render/street_painter.hpp"

namespace campusflow::render {

enum class ColourBy { kProfile, kSpeed, kDensity };
const char* colour_by_name(ColourBy c);
ColourBy next(ColourBy c);

// The scales of the speed and density colours: the ramp's top [m/s], [P/m^2].
inline constexpr double kSpeedScaleTop = 2.0;
inline constexpr double kDensityScaleTop = 6.0;
// Local density: people within this radius of an agent (itself included),
// per the circle's area [m].
inline constexpr double kDensityRadius = 1.0;

class Scene {
 public:
  explicit Scene(const Replay& replay);

  // Level `level` at time t in the camera's viewport. `highlight`: an agent
  // drawn with a ring (the one being followed), or -1.
  void draw_level(sf::RenderTarget& target, const Camera& camera, int level, double t, ColourBy colour,
                  std::int64_t highlight = -1);
  // Text lines in a panel at the top left, and the legend of `colour` below
  // them (for the street with `street`: vehicles and people on foot).
  void draw_overlay(sf::RenderTarget& target, const std::vector<std::string>& lines, ColourBy colour,
                    bool street = false);
  // A caption at the bottom left of the camera's viewport (a floor's name side by side).
  void draw_caption(sf::RenderTarget& target, const Camera& camera, const std::string& text);
  // Where agent `id` is in `frame` (and on which level), if inside.
  std::optional<AgentPose> find(std::int64_t id, std::int64_t frame) const;
  bool has_font() const { return font_.has_value(); }

 private:
  sf::Color colour_of(const AgentPose& pose, double density, ColourBy colour) const;
  void add_disc(sf::Vector2f centre, float radius, sf::Color tint);
  void draw_street(sf::RenderTarget& target, const Camera& camera, double t, ColourBy colour);

  const Replay& replay_;
  std::vector<AreaPainter> areas_;
  std::vector<LandmarkPainter> landmarks_;
  StreetPainter street_;
  // Agents are textured quads (a disc mask tinted by the vertex colour): two
  // triangles each instead of a dozen, which is what keeps 5,000 of them
  // at 60 frames per second even on a software renderer.
  sf::Texture disc_;
  sf::VertexArray agents_{sf::Quads};
  std::optional<sf::Font> font_;
};

// Local densities [P/m^2] of the poses on one level, in their order.
std::vector<double> local_densities(const std::vector<AgentPose>& poses, double radius = kDensityRadius);

}  // namespace campusflow::render
