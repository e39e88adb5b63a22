#include "render/viewer.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include "render/frame_renderer.hpp"
#include "render/palette.hpp"
#include "render/png_encoder.hpp"
#include "render/view_info.hpp"
#include "sim/io/output_file.hpp"

namespace campusflow::render {

namespace {

constexpr float kSeekBarHeight = 28.0f;
constexpr double kMinSpeed = 0.25, kMaxSpeed = 64.0;

// Tiles for n floors side by side: columns x rows, as near a square grid as n allows.
sf::Vector2u tiling(std::size_t n) {
  const auto cols = static_cast<unsigned>(std::ceil(std::sqrt(static_cast<double>(n))));
  return {cols, static_cast<unsigned>((n + cols - 1) / cols)};
}

}  // namespace

Viewer::Viewer(const Replay& replay, const ViewerOptions& options)
    : replay_(replay), options_(options), scene_(replay), side_by_side_(options.all_levels) {
  options_.level = std::clamp(options_.level, 0, static_cast<int>(replay.levels().size()) - 1);
  options_.speed = std::clamp(options_.speed, kMinSpeed, kMaxSpeed);
}

sf::FloatRect Viewer::seek_bar_rect() const {
  const sf::Vector2u size = window_.getSize();
  return {10.0f, static_cast<float>(size.y) - kSeekBarHeight + 8.0f, static_cast<float>(size.x) - 20.0f, 12.0f};
}

void Viewer::fit_cameras() {
  cameras_.clear();
  const sf::Vector2u size = window_.getSize();
  const sf::Vector2f area(static_cast<float>(size.x), static_cast<float>(size.y) - kSeekBarHeight);
  if (!side_by_side_) {
    for (std::size_t k = 0; k < replay_.levels().size(); ++k) {
      const bool framed = options_.window && static_cast<int>(k) == options_.level;
      cameras_.emplace_back(framed ? *options_.window : replay_.levels()[k].bounds, sf::Vector2f(0, 0), area);
    }
    return;
  }
  const std::size_t n = replay_.levels().size();
  const sf::Vector2u grid = tiling(n);
  const sf::Vector2f tile(area.x / static_cast<float>(grid.x), area.y / static_cast<float>(grid.y));
  for (std::size_t k = 0; k < n; ++k) {
    const sf::Vector2f origin(tile.x * static_cast<float>(k % grid.x), tile.y * static_cast<float>(k / grid.x));
    cameras_.emplace_back(replay_.levels()[k].bounds, origin, tile, 12.0f);
  }
}

void Viewer::handle(const sf::Event& event) {
  Camera& camera = cameras_[static_cast<std::size_t>(options_.level)];
  const auto levels = static_cast<int>(replay_.levels().size());
  const double dt = 1.0 / replay_.fps();
  switch (event.type) {
    case sf::Event::Closed: window_.close(); break;
    case sf::Event::Resized:
      window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(event.size.width),
                                             static_cast<float>(event.size.height))));
      fit_cameras();
      break;
    case sf::Event::KeyPressed:
      switch (event.key.code) {
        case sf::Keyboard::Escape:
        case sf::Keyboard::Q: window_.close(); break;
        case sf::Keyboard::Space: playing_ = !playing_; break;
        case sf::Keyboard::Right: playing_ = false; t_ = std::min(replay_.duration(), t_ + dt); break;
        case sf::Keyboard::Left: playing_ = false; t_ = std::max(0.0, t_ - dt); break;
        case sf::Keyboard::Add:
        case sf::Keyboard::Equal: options_.speed = std::min(kMaxSpeed, options_.speed * 2.0); break;
        case sf::Keyboard::Subtract:
        case sf::Keyboard::Hyphen: options_.speed = std::max(kMinSpeed, options_.speed / 2.0); break;
        case sf::Keyboard::Home: t_ = 0.0; break;
        case sf::Keyboard::End: t_ = replay_.duration(); break;
        case sf::Keyboard::PageUp: options_.level = (options_.level + 1) % levels; break;
        case sf::Keyboard::PageDown: options_.level = (options_.level + levels - 1) % levels; break;
        case sf::Keyboard::A: side_by_side_ = !side_by_side_; fit_cameras(); break;
        case sf::Keyboard::C: options_.colour = next(options_.colour); break;
        case sf::Keyboard::L: legend_ = !legend_; break;
        case sf::Keyboard::H: help_ = !help_; break;
        case sf::Keyboard::R: fit_cameras(); break;
        case sf::Keyboard::F: {
          if (follow_ >= 0) {
            follow_ = -1;
            break;
          }
          // The agent nearest the mouse pointer on the level shown, within 2 m.
          const sf::Vector2i mouse = sf::Mouse::getPosition(window_);
          const Vec2 at = camera.to_world(sf::Vector2f(static_cast<float>(mouse.x), static_cast<float>(mouse.y)));
          double best = 2.0;
          for (const AgentPose& p : replay_.poses(replay_.frame_at(t_)))
            if (p.level == options_.level && (p.position - at).norm() < best) {
              best = (p.position - at).norm();
              follow_ = p.id;
            }
          break;
        }
        case sf::Keyboard::S:
        case sf::Keyboard::F12: {
          const std::string name = "campusflow-" + clock_text(t_) + ".png";
          if (const std::string why = save_screenshot(name); why.empty()) std::cout << "screenshot " << name << "\n";
          else std::cerr << "campusflow view: " << why << "\n";
          break;
        }
        default: break;
      }
      if (options_.level >= 0 && levels > 0) options_.level = std::clamp(options_.level, 0, levels - 1);
      break;
    case sf::Event::MouseWheelScrolled:
      if (!side_by_side_)
        camera.zoom(event.mouseWheelScroll.delta > 0 ? 1.25 : 0.8,
                    {static_cast<float>(event.mouseWheelScroll.x), static_cast<float>(event.mouseWheelScroll.y)});
      break;
    case sf::Event::MouseButtonPressed:
      if (event.mouseButton.button != sf::Mouse::Left) break;
      if (seek_bar_rect().contains(static_cast<float>(event.mouseButton.x),
                                   static_cast<float>(event.mouseButton.y) - 4.0f)) {
        seeking_ = true;
      } else {
        dragging_ = true;
        drag_from_ = {event.mouseButton.x, event.mouseButton.y};
      }
      [[fallthrough]];
    case sf::Event::MouseMoved:
      if (seeking_) {
        const sf::FloatRect bar = seek_bar_rect();
        const float x = static_cast<float>(event.type == sf::Event::MouseMoved ? event.mouseMove.x : event.mouseButton.x);
        t_ = std::clamp(static_cast<double>((x - bar.left) / bar.width), 0.0, 1.0) * replay_.duration();
      } else if (dragging_ && event.type == sf::Event::MouseMoved && !side_by_side_) {
        const sf::Vector2i now(event.mouseMove.x, event.mouseMove.y);
        camera.pan(sf::Vector2f(static_cast<float>(now.x - drag_from_.x), static_cast<float>(now.y - drag_from_.y)));
        drag_from_ = now;
      }
      break;
    case sf::Event::MouseButtonReleased: dragging_ = seeking_ = false; break;
    default: break;
  }
}

void Viewer::draw_seek_bar() {
  const sf::FloatRect bar = seek_bar_rect();
  sf::RectangleShape back({bar.width, bar.height});
  back.setPosition(bar.left, bar.top);
  back.setFillColor(sf::Color(200, 200, 200));
  window_.draw(back);
  const double share = replay_.duration() > 0.0 ? t_ / replay_.duration() : 0.0;
  sf::RectangleShape done({bar.width * static_cast<float>(share), bar.height});
  done.setPosition(bar.left, bar.top);
  done.setFillColor(sf::Color(0, 114, 178));
  window_.draw(done);
}

void Viewer::draw() {
  window_.clear(colours::kBackground);
  const std::int64_t frame = replay_.frame_at(t_);
  if (follow_ >= 0) {
    if (const auto pose = scene_.find(follow_, frame)) {
      if (!side_by_side_) options_.level = pose->level;
      cameras_[static_cast<std::size_t>(pose->level)].center_on(pose->position);
    }
  }
  if (side_by_side_) {
    for (std::size_t k = 0; k < cameras_.size(); ++k) {
      scene_.draw_level(window_, cameras_[k], static_cast<int>(k), t_, options_.colour, follow_);
      scene_.draw_caption(window_, cameras_[k], replay_.levels()[k].name);
    }
  } else {
    scene_.draw_level(window_, cameras_[static_cast<std::size_t>(options_.level)], options_.level, t_,
                      options_.colour, follow_);
  }
  draw_seek_bar();
  if (legend_) {
    std::ostringstream speed;
    speed << "x" << options_.speed << (playing_ ? "  playing" : "  paused");
    std::vector<std::string> lines{replay_.scenario_name(),
                                   "t = " + clock_text(t_) + " / " + clock_text(replay_.duration()), speed.str(),
                                   side_by_side_ ? "all floors" : "level: " + replay_.levels()[options_.level].name};
    if (const std::string phase = replay_.phase_text(t_); !phase.empty()) lines.push_back("phase: " + phase);
    if (follow_ >= 0) lines.push_back("following agent " + std::to_string(follow_));
    if (measured_fps_ > 0.0) lines.push_back(std::to_string(static_cast<int>(measured_fps_)) + " frames/s");
    if (help_) {
      for (const char* h : {"space play/pause, <- -> step", "+/- speed, Home/End", "PgUp/PgDn level, A all floors",
                            "C colour, F follow, L legend", "wheel zoom, drag pan, R reset", "S screenshot, Q quit"})
        lines.emplace_back(h);
    } else {
      lines.emplace_back("H: keys");
    }
    scene_.draw_overlay(window_, lines, options_.colour, !side_by_side_ && options_.level == replay_.street_level());
  }
}

std::string Viewer::describe() const {
  return describe_view(replay_, cameras_[static_cast<std::size_t>(options_.level)], t_, options_.level,
                       options_.colour, window_.getSize());
}

std::string Viewer::save_screenshot(const std::filesystem::path& path) {
  sf::Texture texture;
  if (!texture.create(window_.getSize().x, window_.getSize().y)) return "cannot copy the window";
  texture.update(window_);
  try {
    io::write_file(path, encode_png(texture.copyToImage()));
    io::write_file(path.string() + ".json", describe());
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

int Viewer::run() {
  window_.create(sf::VideoMode(options_.width, options_.height), "campusflow: " + replay_.scenario_name());
  if (!window_.isOpen()) {
    std::cerr << "campusflow view: cannot open a window (no X display? try xvfb-run -a)\n";
    return 1;
  }
  const bool scripted = options_.advance || options_.screenshot || options_.benchmark_frames > 0;
  window_.setFramerateLimit(scripted ? 0 : 60);
  fit_cameras();
  if (options_.advance) {
    // The clock advances frame by frame, drawing each, as playing does.
    const double dt = 1.0 / replay_.fps();
    for (double done = 0.0; done + 1e-9 < *options_.advance; done += dt) {
      t_ = std::min(replay_.duration(), t_ + dt);
      draw();
      window_.display();
    }
  }
  if (options_.benchmark_frames > 0) {
    const auto start = std::chrono::steady_clock::now();
    const double dt = 1.0 / replay_.fps();
    for (int k = 0; k < options_.benchmark_frames; ++k) {
      t_ = std::fmod(t_ + dt, std::max(dt, replay_.duration()));
      draw();
      window_.display();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    measured_fps_ = options_.benchmark_frames / wall;
    std::cout << "frames " << options_.benchmark_frames << " in " << wall << " s: " << measured_fps_
              << " frames/s with up to " << replay_.max_agents_in_frame() << " agents in a frame\n";
  }
  if (options_.screenshot) {
    draw();
    const std::string why = save_screenshot(*options_.screenshot);
    window_.display();
    if (!why.empty()) std::cerr << "campusflow view: " << why << "\n";
    window_.close();
    return why.empty() ? 0 : 1;
  }
  if (scripted) {
    window_.close();
    return 0;
  }
  auto last = std::chrono::steady_clock::now();
  while (window_.isOpen()) {
    sf::Event event;
    while (window_.pollEvent(event)) handle(event);
    const auto now = std::chrono::steady_clock::now();
    const double wall = std::chrono::duration<double>(now - last).count();
    last = now;
    measured_fps_ = 0.9 * measured_fps_ + 0.1 * (wall > 0.0 ? 1.0 / wall : 0.0);
    if (playing_) {
      t_ += wall * options_.speed;
      if (t_ >= replay_.duration()) {
        t_ = replay_.duration();
        playing_ = false;
      }
    }
    draw();
    window_.display();
  }
  return 0;
}

}  // namespace campusflow::render
