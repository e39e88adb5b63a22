#include "render/scene.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campusflow::render {

namespace {

// Debian's fonts-dejavu-core; without it the overlay is left out.
constexpr const char* kFontPaths[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                      "/usr/share/fonts/dejavu/DejaVuSans.ttf"};

}  // namespace

const char* colour_by_name(ColourBy c) {
  switch (c) {
    case ColourBy::kProfile: return "profile";
    case ColourBy::kSpeed: return "speed";
    case ColourBy::kDensity: return "density";
  }
  return "profile";
}

ColourBy next(ColourBy c) {
  return c == ColourBy::kProfile ? ColourBy::kSpeed : c == ColourBy::kSpeed ? ColourBy::kDensity : ColourBy::kProfile;
}

std::vector<double> local_densities(const std::vector<AgentPose>& poses, double radius) {
  // Uniform grid of cells of `radius`: neighbours are in the 3 x 3 block.
  auto key = [radius](const Vec2& p) {
    const auto cx = static_cast<std::int64_t>(std::floor(p.x() / radius));
    const auto cy = static_cast<std::int64_t>(std::floor(p.y() / radius));
    return (cx << 32) ^ (cy & 0xffffffff);
  };
  std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
  for (std::size_t i = 0; i < poses.size(); ++i) cells[key(poses[i].position)].push_back(i);
  std::vector<double> out(poses.size(), 0.0);
  const double area = std::numbers::pi * radius * radius;
  for (std::size_t i = 0; i < poses.size(); ++i) {
    std::size_t n = 0;
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy) {
        const auto it = cells.find(key(poses[i].position + Vec2(dx * radius, dy * radius)));
        if (it == cells.end()) continue;
        for (std::size_t j : it->second) n += (poses[j].position - poses[i].position).norm() <= radius;
      }
    out[i] = static_cast<double>(n) / area;
  }
  return out;
}

Scene::Scene(const Replay& replay) : replay_(replay), street_(replay) {
  std::vector<std::string> names;
  for (const ReplayLevel& level : replay.levels()) {
    areas_.emplace_back(level.area);
    names.push_back(level.name);
  }
  for (LevelLandmarks& m : read_landmarks(replay.scenario_text(), names)) landmarks_.emplace_back(std::move(m));
  // A white disc on transparent ground, edges blended over one texel.
  constexpr unsigned kDisc = 64;
  sf::Image mask;
  mask.create(kDisc, kDisc, sf::Color::Transparent);
  for (unsigned y = 0; y < kDisc; ++y)
    for (unsigned x = 0; x < kDisc; ++x) {
      const double r = std::hypot(x + 0.5 - kDisc / 2.0, y + 0.5 - kDisc / 2.0);
      const double alpha = std::clamp(kDisc / 2.0 - r, 0.0, 1.0);
      mask.setPixel(x, y, sf::Color(255, 255, 255, static_cast<std::uint8_t>(std::lround(255.0 * alpha))));
    }
  disc_.loadFromImage(mask);
  disc_.setSmooth(true);
  for (const char* path : kFontPaths) {
    sf::Font font;
    if (font.loadFromFile(path)) {
      font_ = std::move(font);
      break;
    }
  }
}

sf::Color Scene::colour_of(const AgentPose& pose, double density, ColourBy colour) const {
  switch (colour) {
    case ColourBy::kSpeed: return ramp_colour(pose.speed / kSpeedScaleTop);
    case ColourBy::kDensity: return ramp_colour(density / kDensityScaleTop);
    case ColourBy::kProfile: break;
  }
  const auto id = static_cast<std::size_t>(pose.id);
  const std::int32_t profile = id < replay_.agents().size() ? replay_.agents()[id].profile : 0;
  return profile_colour(static_cast<std::size_t>(std::max(0, profile)));
}

void Scene::add_disc(sf::Vector2f centre, float radius, sf::Color tint) {
  const auto size = static_cast<float>(disc_.getSize().x);
  const sf::Vector2f corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
  for (const sf::Vector2f& k : corners)
    agents_.append(sf::Vertex(centre + k * radius, tint, {(k.x + 1.0f) / 2.0f * size, (k.y + 1.0f) / 2.0f * size}));
}

void Scene::draw_street(sf::RenderTarget& target, const Camera& camera, double t, ColourBy colour) {
  // Pupils and parents on foot: discs of 0.25 m, in the walk-in colour (or by speed).
  constexpr double kPupilRadius = 0.25;
  constexpr double kVehicleSpeedTop = 8.33;  // [m/s] 30 km/h, the school street's limit
  street_.draw_fixed(target, camera);
  street_.draw_vehicles(target, camera, t, colour == ColourBy::kSpeed, kVehicleSpeedTop);
  agents_.clear();
  const float radius = std::max(2.0f, static_cast<float>(kPupilRadius * camera.pixels_per_metre()));
  for (const io::StreetFrameRow& r : replay_.street_at(t))
    if (r.kind == io::kFramePedestrian)
      add_disc(camera.to_pixel({r.x, r.y}), radius,
               colour == ColourBy::kSpeed ? ramp_colour(r.speed / kSpeedScaleTop) : profile_colour(1));
  sf::RenderStates states;
  states.texture = &disc_;
  target.draw(agents_, states);
}

void Scene::draw_level(sf::RenderTarget& target, const Camera& camera, int level, double t, ColourBy colour,
                       std::int64_t highlight) {
  sf::RectangleShape outside(camera.size());
  outside.setPosition(camera.origin());
  outside.setFillColor(colours::kOutside);
  target.draw(outside);
  if (level < 0 || level >= static_cast<int>(areas_.size())) return;
  if (level == replay_.street_level()) {
    draw_street(target, camera, t, colour);
    return;
  }
  if (level == replay_.street_under()) draw_street(target, camera, t, colour);  // the campus and its street
  areas_[static_cast<std::size_t>(level)].draw(target, camera);
  landmarks_[static_cast<std::size_t>(level)].draw(target, camera);

  const std::int64_t frame = replay_.frame_at(t);
  std::vector<AgentPose> here;
  for (const AgentPose& p : replay_.poses(frame))
    if (p.level == level) here.push_back(p);
  const std::vector<double> density =
      colour == ColourBy::kDensity ? local_densities(here) : std::vector<double>(here.size(), 0.0);
  agents_.clear();
  const double ppm = camera.pixels_per_metre();
  for (std::size_t i = 0; i < here.size(); ++i) {
    const auto id = static_cast<std::size_t>(here[i].id);
    const double r = id < replay_.agents().size() ? replay_.agents()[id].radius : 0.2;
    const float radius = std::max(2.0f, static_cast<float>(r * ppm));
    const sf::Vector2f c = camera.to_pixel(here[i].position);
    if (here[i].id == highlight) add_disc(c, radius + 4.0f, colours::kText);
    add_disc(c, radius, colour_of(here[i], density[i], colour));
  }
  sf::RenderStates states;
  states.texture = &disc_;
  target.draw(agents_, states);
}

std::optional<AgentPose> Scene::find(std::int64_t id, std::int64_t frame) const {
  for (const AgentPose& p : replay_.poses(frame))
    if (p.id == id) return p;
  return std::nullopt;
}

void Scene::draw_caption(sf::RenderTarget& target, const Camera& camera, const std::string& text) {
  if (!font_) return;
  sf::Text caption(text, *font_, 14);
  caption.setFillColor(colours::kText);
  caption.setPosition(camera.origin().x + 8.0f, camera.origin().y + camera.size().y - 22.0f);
  target.draw(caption);
}

void Scene::draw_overlay(sf::RenderTarget& target, const std::vector<std::string>& lines, ColourBy colour,
                         bool street) {
  if (!font_) return;
  constexpr unsigned kSize = 15;
  constexpr float kLine = 20.0f, kPad = 8.0f;
  std::vector<std::pair<std::string, sf::Color>> legend;
  if (street && colour != ColourBy::kSpeed) {
    legend.emplace_back("vehicle", colours::kVehicle);
    legend.emplace_back("pupil or parent on foot", profile_colour(1));
    legend.emplace_back("curb stall", colours::kStall);
    legend.emplace_back("signal (red, amber, green)", control_colour(io::kFrameSignalRed));
    legend.emplace_back("guard holding traffic", control_colour(io::kFrameGuardHolding));
  } else if (colour == ColourBy::kProfile) {
    for (std::size_t k = 0; k < replay_.profile_names().size(); ++k)
      legend.emplace_back(replay_.profile_names()[k], profile_colour(k));
    legend.emplace_back("door", door_colour());
    legend.emplace_back("stair end", stair_colour());
    legend.emplace_back("exit / assembly point", exit_colour());
  } else {
    const double top = colour == ColourBy::kSpeed ? kSpeedScaleTop : kDensityScaleTop;
    const char* unit = colour == ColourBy::kSpeed ? " m/s" : " P/m2";
    for (int k = 0; k <= 4; ++k) {
      char label[32];
      std::snprintf(label, sizeof label, "%s%.1f%s", k == 4 ? ">= " : "", top * k / 4.0, unit);
      legend.emplace_back(label, ramp_colour(k / 4.0));
    }
  }
  const float height = kPad * 2 + kLine * static_cast<float>(lines.size() + legend.size());
  // As wide as the widest line (a long scenario name, an earthquake's phase),
  // and never narrower than the legend's usual 250 px.
  float width = 250.0f;
  for (const std::string& line : lines)
    width = std::max(width, 2 * kPad + sf::Text(line, *font_, kSize).getLocalBounds().width);
  for (const auto& entry : legend)
    width = std::max(width, 2 * kPad + 22.0f + sf::Text(entry.first, *font_, kSize).getLocalBounds().width);
  sf::RectangleShape panel({width, height});
  panel.setPosition(6.0f, 6.0f);
  panel.setFillColor(sf::Color(255, 255, 255, 215));
  panel.setOutlineColor(sf::Color(120, 120, 120));
  panel.setOutlineThickness(1.0f);
  target.draw(panel);
  float y = 6.0f + kPad;
  for (const std::string& line : lines) {
    sf::Text text(line, *font_, kSize);
    text.setFillColor(colours::kText);
    text.setPosition(6.0f + kPad, y);
    target.draw(text);
    y += kLine;
  }
  for (const auto& [label, c] : legend) {
    sf::RectangleShape swatch({14.0f, 14.0f});
    swatch.setPosition(6.0f + kPad, y + 3.0f);
    swatch.setFillColor(c);
    target.draw(swatch);
    sf::Text text(label, *font_, kSize);
    text.setFillColor(colours::kText);
    text.setPosition(6.0f + kPad + 22.0f, y);
    target.draw(text);
    y += kLine;
  }
}

}  // namespace campusflow::render
