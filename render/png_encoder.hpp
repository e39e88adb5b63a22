#pragma once
// PNG encoding in memory (ISO/IEC 15948, the PNG specification): what the
// renderer, the viewer's screenshots and the heatmaps write. SFML 2.5 can only
// save an image to a file by name, and does not say when the disk filled up
// half way; encoded here, the bytes go through a checked write
// (sim/io/output_file.hpp) instead.
#include <SFML/Graphics/Image.hpp>
#include <cstddef>
#include <vector>

namespace campusflow::render {

// The image as an 8-bit RGBA PNG, non-interlaced, each row filtered with
// "Sub" (spec. 9.2), which suits the flat colours of a replay.
std::vector<std::byte> encode_png(const sf::Image& image);

}  // namespace campusflow::render
