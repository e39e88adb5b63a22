#pragma once
// Frames of a replay drawn off screen (sf::RenderTexture: needs an X display,
// run under `xvfb-run -a` on a machine without one), for PNG snapshots, frame
// folders and videos. The camera fits the chosen level once.
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "render/camera.hpp"
#include "render/replay.hpp"
#include "render/scene.hpp"

namespace campusflow::render {

struct FrameRequest {
  unsigned width = 1280, height = 720;  // [px]
  int level = 0;
  ColourBy colour = ColourBy::kProfile;
  bool overlay = true;  // clock, level and legend
  std::optional<Box> window;  // the part of the level to show [m]; default: all of it
};

class FrameRenderer {
 public:
  // Throws std::runtime_error when no drawing surface can be made (no display).
  FrameRenderer(const Replay& replay, const FrameRequest& request);
  sf::Image render(double t);
  const Camera& camera() const { return camera_; }
  // What a frame shows and how the world maps to its pixels, as JSON (tests
  // compare pixels with the result's positions through it).
  std::string describe(double t) const;

 private:
  const Replay& replay_;
  FrameRequest request_;
  Scene scene_;
  Camera camera_;
  std::unique_ptr<sf::RenderTexture> texture_;
};

}  // namespace campusflow::render
