#pragma once
// What a picture of a replay shows, as JSON: the time and frame, the level,
// and how world metres map to its pixels (the camera's viewport, centre and
// scale). Written beside screenshots and renders, so that tests (and users)
// can find an agent of the result file in the picture.
#include <SFML/System/Vector2.hpp>
#include <string>

#include "render/camera.hpp"
#include "render/replay.hpp"
#include "render/scene.hpp"

namespace campusflow::render {

std::string describe_view(const Replay& replay, const Camera& camera, double t, int level, ColourBy colour,
                          sf::Vector2u picture);

}  // namespace campusflow::render
