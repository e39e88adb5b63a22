#pragma once
// Every floor's heatmaps of a replay as PNGs in a folder, with heatmaps.json
// naming each file, its level, unit, colour scale and largest value (for
// `campusflow render --heatmaps` and the report).
#include <filesystem>

#include "render/replay.hpp"

namespace campusflow::render {

// Throws std::runtime_error when a file cannot be written.
void write_heatmaps(const Replay& replay, const std::filesystem::path& dir);

}  // namespace campusflow::render
