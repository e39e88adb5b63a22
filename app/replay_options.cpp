#include "app/replay_options.hpp"

#include <charconv>
#include <filesystem>
#include <hdf5.h>
#include <iostream>
#include <new>
#include <sstream>

#include "app/options.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

namespace {

// A message on one line: names from a damaged file may hold line breaks.
std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return text;
}

bool parse_unsigned(const std::string& s, unsigned& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::optional<render::Replay> load_replay(const char* command, const std::string& path) {
  // These commands only read. HDF5's exit-time cleanup would close what a
  // damaged file left half open and, failing, print its own lines after
  // ours ("infinite loop closing library"); with nothing to write back it
  // has nothing to do. It must be declined before HDF5's first call.
  (void)H5dont_atexit();
  try {
    return std::optional<render::Replay>(std::in_place, path);
  } catch (const io::IoError& e) {
    std::cerr << "campusflow " << command << ": " << one_line(e.what()) << "\n";
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    // A table whose stored size is beyond this machine's memory (or damaged).
    std::cerr << "campusflow " << command << ": " << path << " is too large to replay in this machine's memory\n";
    return std::nullopt;
  }
}

std::string parse_size(const std::string& text, bool even, unsigned& width, unsigned& height) {
  const auto x = text.find('x');
  unsigned w = 0, h = 0;
  if (x == std::string::npos || !parse_unsigned(text.substr(0, x), w) || !parse_unsigned(text.substr(x + 1), h))
    return "--size: \"" + text + "\" is not WIDTHxHEIGHT (e.g. 1280x720)";
  if (w < 16 || h < 16 || w > 8192 || h > 8192)
    return "--size: " + text + " must be between 16x16 and 8192x8192 pixels";
  if (even && (w % 2 || h % 2)) return "--size: " + text + " must be even for a video (H.264 with yuv420p)";
  width = w;
  height = h;
  return {};
}

std::string parse_level(const std::string& text, const render::Replay& replay, int& level) {
  const auto& levels = replay.levels();
  unsigned k = 0;
  if (parse_unsigned(text, k)) {
    if (k >= levels.size())
      return "--level: " + text + " is past the last level (" + std::to_string(levels.size() - 1) + ")";
    level = static_cast<int>(k);
    return {};
  }
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].name == text) {
      level = static_cast<int>(i);
      return {};
    }
  std::string names;
  for (const auto& l : levels) names += (names.empty() ? "\"" : ", \"") + l.name + "\"";
  return "--level: \"" + text + "\" names no level; the levels are " + names;
}

std::string parse_window(const std::string& text, const render::Replay& replay, int level, std::optional<Box>& window) {
  double v[4];
  std::size_t at = 0;
  for (int k = 0; k < 4; ++k) {
    const std::size_t end = k < 3 ? text.find(',', at) : text.size();
    if (end == std::string::npos) return "--window: \"" + text + "\" is not X0,Y0,X1,Y1 (metres)";
    const std::string part = text.substr(at, end - at);
    const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v[k]);
    if (ec != std::errc() || ptr != part.data() + part.size() || part.empty())
      return "--window: \"" + text + "\" is not X0,Y0,X1,Y1 (metres)";
    at = end + 1;
  }
  if (!(v[0] < v[2] && v[1] < v[3])) return "--window: " + text + " needs X0 < X1 and Y0 < Y1";
  const render::ReplayLevel& shown = replay.levels().at(static_cast<std::size_t>(level));
  const Box& b = shown.bounds;
  if (v[2] < b.min.x() || v[0] > b.max.x() || v[3] < b.min.y() || v[1] > b.max.y()) {
    std::ostringstream os;
    os << "--window: " << text << " is outside level \"" << shown.name << "\" (" << b.min.x() << "," << b.min.y()
       << "," << b.max.x() << "," << b.max.y() << ")";
    return os.str();
  }
  window = Box{{v[0], v[1]}, {v[2], v[3]}};
  return {};
}

std::string parse_output(const char* option, const std::string& path, const std::string& input) {
  if (path.empty()) return std::string(option) + ": needs a file name";
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    return std::string(option) + ": " + folder.string() + " is not a folder";
  if (const std::string why = output_file_refusal(path, input, "result"); !why.empty()) return std::string(option) + ": " + why;
  return {};
}

std::string parse_colour(const std::string& text, render::ColourBy& colour) {
  for (const render::ColourBy c : {render::ColourBy::kProfile, render::ColourBy::kSpeed, render::ColourBy::kDensity})
    if (text == render::colour_by_name(c)) {
      colour = c;
      return {};
    }
  return "--colour: \"" + text + "\" must be profile, speed or density";
}

}  // namespace campusflow::cli
