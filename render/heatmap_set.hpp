#pragma once
// Every floor's heatmaps of a replay as PNGs in a folder, with heatmaps.json
// naming each file, its level, unit, colour scale and largest value (for
// `campusflow render --heatmaps` and the report).
#include <filesystem>

#include "render/replay.hpp"
#include "sim/io/output_folder.hpp"

namespace campusflow::render {

// Writes the pictures and heatmaps.json into `dir` of the output folder
// (empty: its top). Throws io::IoError when a file cannot be written.
void write_heatmaps(const Replay& replay, io::OutputFolder& out, const std::filesystem::path& dir = {});

}  // namespace campusflow::render
