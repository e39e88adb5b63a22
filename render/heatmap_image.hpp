#pragma once
// A heatmap as a picture, drawn straight into an sf::Image (no display, no
// OpenGL): the level's floor in light grey, each cell with a value in the
// ramp's colour (0 to `top`), the walls, and a colour bar on the right.
#include <SFML/Graphics/Image.hpp>

#include "analysis/heatmap.hpp"
#include "analysis/queue_map.hpp"
#include "render/replay.hpp"

namespace campusflow::render {

// `pixels_per_metre` as given, at most 4096 pixels wide or high.
sf::Image heatmap_image(const analysis::Heatmap& map, const ReplayLevel& level, double top,
                        double pixels_per_metre = 20.0);

// The street seen from above, its lanes coloured stretch by stretch by the
// share of time a queued vehicle stood there (0 to 1), sidewalks in grey.
sf::Image queue_map_image(const std::vector<analysis::LaneOccupancy>& lanes, const io::StreetGeometry& street,
                          const Box& bounds, double pixels_per_metre = 4.0);

}  // namespace campusflow::render
