#pragma once
// The replay window: plays a result at a chosen speed, one level at a time or
// all floors side by side, with zoom, pan, a seek bar, following one agent,
// a legend, and screenshots. Keys are listed in docs/viewer.md and on screen
// with H.
#include <SFML/Graphics/RenderWindow.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "render/camera.hpp"
#include "render/replay.hpp"
#include "render/scene.hpp"

namespace campusflow::render {

struct ViewerOptions {
  unsigned width = 1280, height = 800;  // [px]
  int level = 0;
  double speed = 1.0;                   // replay seconds per wall second
  ColourBy colour = ColourBy::kProfile;
  bool all_levels = false;              // start with every floor side by side
  std::optional<Box> window;            // the part of the first level to show [m]
  // Scripted use (tests, figures): advance the clock by `advance` s of
  // replay time frame by frame, save a screenshot (and FILE.json describing
  // it) and close.
  std::optional<double> advance;
  std::optional<std::filesystem::path> screenshot;
  // Measures the drawing rate: plays `benchmark_frames` frames as fast as it
  // can (no frame limit) and prints frames per second and agents on screen.
  int benchmark_frames = 0;
};

class Viewer {
 public:
  Viewer(const Replay& replay, const ViewerOptions& options);
  // Runs until the window is closed; returns 0, or 1 when the window or a
  // screenshot could not be made.
  int run();

 private:
  void handle(const sf::Event& event);
  void fit_cameras();
  void draw();
  void draw_seek_bar();
  // Writes the window as a PNG and what it shows as JSON beside it; returns
  // why it could not (empty: saved).
  std::string save_screenshot(const std::filesystem::path& path);
  std::string describe() const;
  sf::FloatRect seek_bar_rect() const;

  const Replay& replay_;
  ViewerOptions options_;
  Scene scene_;
  sf::RenderWindow window_;
  std::vector<Camera> cameras_;   // one per level (side by side: one per floor tile)
  bool side_by_side_;
  bool playing_ = false;
  bool legend_ = true;
  bool help_ = false;
  double t_ = 0.0;                // replay clock [s]
  std::int64_t follow_ = -1;
  bool dragging_ = false, seeking_ = false;
  sf::Vector2i drag_from_;
  double measured_fps_ = 0.0;
};

}  // namespace campusflow::render
