#pragma once
// Options shared by `campusflow view` and `campusflow render`: the window or
// frame size, the level, the colouring. Each parser returns an error message
// (empty when the value is fine) so that every mistake is reported at once.
#include <optional>
#include <string>
#include <vector>

#include "render/replay.hpp"
#include "render/scene.hpp"

namespace campusflow::cli {

// The result at `path` loaded for a replay, or nullopt after printing why it
// cannot be (one line, prefixed with `campusflow COMMAND:`).
std::optional<render::Replay> load_replay(const char* command, const std::string& path);
// "1280x720" -> {1280, 720}; both in [16, 8192]; even when `even`.
std::string parse_size(const std::string& text, bool even, unsigned& width, unsigned& height);
// A level by index ("1") or by name ("floor 2").
std::string parse_level(const std::string& text, const render::Replay& replay, int& level);
// "X0,Y0,X1,Y1": a box of the plan in metres, X0 < X1 and Y0 < Y1, that
// overlaps level `level` (a window beside it would show nothing).
std::string parse_window(const std::string& text, const render::Replay& replay, int level, std::optional<Box>& window);
// A file to be written at `path` (for `option`): its folder must exist, so
// that a mistyped path is refused before any drawing, in one line, and it
// must be free to write (output_file_refusal: not the `input`, no device...).
std::string parse_output(const char* option, const std::string& path, const std::string& input);
// "profile", "speed" or "density".
std::string parse_colour(const std::string& text, render::ColourBy& colour);

}  // namespace campusflow::cli
