#include "render/landmarks.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "render/shapes.hpp"

namespace campusflow::render {

namespace {

namespace json = boost::json;

// Apart from the profile colours, so that people stay readable over them.
const sf::Color kDoor{150, 200, 230}, kExit{20, 110, 60}, kStair{150, 95, 40}, kAssembly{205, 235, 215};

bool point(const json::value& v, Vec2& out) {
  const json::array* a = v.if_array();
  if (!a || a->size() != 2 || !(*a)[0].is_number() || !(*a)[1].is_number()) return false;
  out = {(*a)[0].to_number<double>(), (*a)[1].to_number<double>()};
  return true;
}

bool segment(const json::value* v, Segment& out) {
  const json::array* a = v ? v->if_array() : nullptr;
  return a && a->size() == 2 && point((*a)[0], out.a) && point((*a)[1], out.b);
}

// Each element's "segment" of an array member, e.g. level["doors"].
void segments(const json::object& o, const char* key, std::vector<Segment>& out) {
  const json::value* arr = o.if_contains(key);
  if (!arr || !arr->is_array()) return;
  for (const json::value& e : arr->as_array()) {
    Segment s;
    if (e.is_object() && segment(e.as_object().if_contains("segment"), s)) out.push_back(s);
  }
}

}  // namespace

sf::Color door_colour() { return kDoor; }
sf::Color exit_colour() { return kExit; }
sf::Color stair_colour() { return kStair; }
sf::Color assembly_colour() { return kAssembly; }

std::vector<LevelLandmarks> read_landmarks(const std::string& scenario_text, const std::vector<std::string>& level_names) {
  std::vector<LevelLandmarks> out(level_names.size());
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  boost::system::error_code ec;
  const json::value root = json::parse(scenario_text, ec, {}, options);
  if (ec || !root.is_object()) return out;
  auto index = [&](const json::value* name) -> int {
    if (!name || !name->is_string()) return -1;
    const auto it = std::find(level_names.begin(), level_names.end(), std::string(name->as_string()));
    return it == level_names.end() ? -1 : static_cast<int>(it - level_names.begin());
  };
  if (const json::value* levels = root.as_object().if_contains("levels"); levels && levels->is_array())
    for (const json::value& l : levels->as_array()) {
      if (!l.is_object()) continue;
      const int k = index(l.as_object().if_contains("name"));
      if (k < 0) continue;
      LevelLandmarks& m = out[static_cast<std::size_t>(k)];
      segments(l.as_object(), "doors", m.doors);
      segments(l.as_object(), "exits", m.exits);
      if (const json::value* ap = l.as_object().if_contains("assembly_points"); ap && ap->is_array())
        for (const json::value& a : ap->as_array()) {
          const json::value* area = a.is_object() ? a.as_object().if_contains("area") : nullptr;
          if (!area || !area->is_array()) continue;
          Polygon p;
          for (const json::value& v : area->as_array()) {
            Vec2 q;
            if (point(v, q)) p.outer.push_back(q);
          }
          if (p.outer.size() >= 3) m.assembly.push_back(std::move(p));
        }
    }
  if (const json::value* stairs = root.as_object().if_contains("stairs"); stairs && stairs->is_array())
    for (const json::value& s : stairs->as_array()) {
      if (!s.is_object()) continue;
      for (const char* end : {"from", "to"}) {
        const json::value* e = s.as_object().if_contains(end);
        if (!e || !e->is_object()) continue;
        const int k = index(e->as_object().if_contains("level"));
        Segment seg;
        if (k >= 0 && segment(e->as_object().if_contains("segment"), seg)) out[static_cast<std::size_t>(k)].stair_ends.push_back(seg);
      }
    }
  return out;
}

LandmarkPainter::LandmarkPainter(LevelLandmarks landmarks)
    : marks_(std::move(landmarks)), assembly_(marks_.assembly, kAssembly, kExit) {}

void LandmarkPainter::draw(sf::RenderTarget& target, const Camera& camera) {
  assembly_.draw(target, camera);
  lines_.clear();
  const float thick = std::clamp(static_cast<float>(camera.pixels_per_metre() * 0.25), 2.0f, 8.0f);
  for (const Segment& s : marks_.doors) add_line(lines_, camera.to_pixel(s.a), camera.to_pixel(s.b), thick, kDoor);
  for (const Segment& s : marks_.stair_ends) add_line(lines_, camera.to_pixel(s.a), camera.to_pixel(s.b), thick, kStair);
  for (const Segment& s : marks_.exits) add_line(lines_, camera.to_pixel(s.a), camera.to_pixel(s.b), thick * 1.5f, kExit);
  target.draw(lines_);
}

}  // namespace campusflow::render
