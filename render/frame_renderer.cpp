#include "render/frame_renderer.hpp"

#include <cmath>
#include <stdexcept>

#include "render/palette.hpp"
#include "render/view_info.hpp"

namespace campusflow::render {

FrameRenderer::FrameRenderer(const Replay& replay, const FrameRequest& request)
    : replay_(replay),
      request_(request),
      scene_(replay),
      camera_(request.window ? *request.window : replay.levels().at(static_cast<std::size_t>(request.level)).bounds,
              {0.0f, 0.0f},
              {static_cast<float>(request.width), static_cast<float>(request.height)}),
      texture_(std::make_unique<sf::RenderTexture>()) {
  if (!texture_->create(request.width, request.height))
    throw std::runtime_error("cannot create a " + std::to_string(request.width) + "x" +
                             std::to_string(request.height) +
                             " drawing surface (no X display? run under xvfb-run -a)");
}

sf::Image FrameRenderer::render(double t) {
  texture_->clear(colours::kBackground);
  scene_.draw_level(*texture_, camera_, request_.level, t, request_.colour);
  if (request_.overlay) {
    const ReplayLevel& level = replay_.levels()[static_cast<std::size_t>(request_.level)];
    std::vector<std::string> lines{replay_.scenario_name(), "t = " + clock_text(t), "level: " + level.name};
    if (const std::string phase = replay_.phase_text(t); !phase.empty()) lines.push_back("phase: " + phase);
    scene_.draw_overlay(*texture_, lines, request_.colour, request_.level == replay_.street_level());
  }
  texture_->display();
  return texture_->getTexture().copyToImage();
}

std::string FrameRenderer::describe(double t) const {
  return describe_view(replay_, camera_, t, request_.level, request_.colour, {request_.width, request_.height});
}

}  // namespace campusflow::render
