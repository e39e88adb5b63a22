// Exits: a stretch of one outline edge, written either as a segment or as a
// center point plus a width.
#include <algorithm>
#include <array>
#include <cmath>

#include "sim/scenario/parse_geometry.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 4> kExitKeys = {"name", "segment", "center", "width"};

// Where an exit sits: outline edge `edge`, from s0 to s1 along it. [m]
struct Span {
  std::size_t edge = 0;
  double s0 = 0.0;
  double s1 = 0.0;
};

// Distance from e.a to the projection of p onto e. [m]
double along(const Segment& e, const Vec2& p) { return (closest_point(e, p) - e.a).norm(); }

Segment span_segment(const std::vector<Segment>& edges, const Span& s) {
  const Segment& e = edges[s.edge];
  const Vec2 dir = (e.b - e.a) / e.length();
  return {e.a + s.s0 * dir, e.a + s.s1 * dir};
}

std::optional<Span> place_segment(Reader& r, const json::value& v, const std::string& path,
                                  const std::vector<Segment>& edges) {
  if (!v.is_array() || v.get_array().size() != 2) {
    r.error(path, v, "must be a pair of points [[x1, y1], [x2, y2]]");
    return std::nullopt;
  }
  const auto p = read_point(r, v.get_array()[0], index_path(path, 0));
  const auto q = read_point(r, v.get_array()[1], index_path(path, 1));
  if (!p || !q) return std::nullopt;
  if ((*p - *q).norm() <= kOnEdgeTolerance) {
    r.error(path, v, "must be longer than 0.001 m");
    return std::nullopt;
  }
  if (edges.empty()) return std::nullopt;
  bool p_on_outline = false;
  bool q_on_outline = false;
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const bool p_on = distance(edges[k], *p) <= kOnEdgeTolerance;
    const bool q_on = distance(edges[k], *q) <= kOnEdgeTolerance;
    if (p_on && q_on) {
      const double a = along(edges[k], *p);
      const double b = along(edges[k], *q);
      return Span{k, std::min(a, b), std::max(a, b)};
    }
    p_on_outline = p_on_outline || p_on;
    q_on_outline = q_on_outline || q_on;
  }
  if (p_on_outline && q_on_outline)
    r.error(path, v, "spans more than one edge of the outline; an exit must lie on a single edge");
  else
    r.error(path, v, "must lie on an edge of the outline (within 0.001 m)");
  return std::nullopt;
}

std::optional<Span> place_centered(Reader& r, const json::value& center, const json::value& width,
                                   const std::string& path, const std::vector<Segment>& edges) {
  const std::string center_path = key_path(path, "center");
  const std::string width_path = key_path(path, "width");
  const auto c = read_point(r, center, center_path);
  const auto w = r.number(width, width_path, above(0.0));
  if (!c || !w || edges.empty()) return std::nullopt;
  bool near_outline = false;
  // Near a corner the center is close to two edges; take the first it fits on.
  for (std::size_t k = 0; k < edges.size(); ++k) {
    if (distance(edges[k], *c) > kOnEdgeTolerance) continue;
    near_outline = true;
    const double s = along(edges[k], *c);
    const double len = edges[k].length();
    if (s - 0.5 * *w >= -kOnEdgeTolerance && s + 0.5 * *w <= len + kOnEdgeTolerance)
      return Span{k, std::max(0.0, s - 0.5 * *w), std::min(len, s + 0.5 * *w)};
  }
  if (!near_outline)
    r.error(center_path, center, "must lie on an edge of the outline (within 0.001 m)");
  else
    r.error(width_path, width, "runs past a corner of the outline; the exit must fit on one edge");
  return std::nullopt;
}

}  // namespace

std::optional<Segment> read_outline_stretch(Reader& r, const json::value& v, const std::string& path,
                                            const Ring* outline) {
  const std::vector<Segment> edges = outline ? campusflow::edges(*outline) : std::vector<Segment>{};
  const auto span = place_segment(r, v, path, edges);
  if (!span) return std::nullopt;
  return span_segment(edges, *span);
}

bool stretches_overlap(const Segment& a, const Segment& b) {
  const Vec2 d = (a.b - a.a) / a.length();
  auto off_line = [&](const Vec2& p) { return std::abs(d.x() * (p - a.a).y() - d.y() * (p - a.a).x()); };
  if (off_line(b.a) > kOnEdgeTolerance || off_line(b.b) > kOnEdgeTolerance) return false;
  const double b0 = (b.a - a.a).dot(d), b1 = (b.b - a.a).dot(d);
  return std::min(a.length(), std::max(b0, b1)) - std::max(0.0, std::min(b0, b1)) > kOnEdgeTolerance;
}

std::vector<ExitSpec> parse_exits(Reader& r, const json::array& exits, const std::string& path,
                                  const Ring* outline, NameTable& exit_names) {
  const std::vector<Segment> edges = outline ? campusflow::edges(*outline) : std::vector<Segment>{};
  std::vector<ExitSpec> out;
  std::vector<std::pair<Span, std::size_t>> placed;  // with the exit's index in the file
  for (std::size_t i = 0; i < exits.size(); ++i) {
    const std::string exit_path = index_path(path, i);
    const json::object* o = r.object(exits[i], exit_path);
    if (!o) continue;
    r.check_keys(*o, exit_path, kExitKeys);
    ExitSpec exit;
    exit.name = r.unique_name(*o, exit_path, exit_names);
    const json::value* segment = r.member(*o, exit_path, "segment");
    const json::value* center = r.member(*o, exit_path, "center");
    const json::value* width = r.member(*o, exit_path, "width");
    std::optional<Span> span;
    if ((segment != nullptr) == (center != nullptr)) {
      r.error(exit_path, "must have either \"segment\" or \"center\" and \"width\"");
    } else if (segment) {
      if (width) r.error(key_path(exit_path, "width"), *width, "is only allowed with \"center\"");
      span = place_segment(r, *segment, key_path(exit_path, "segment"), edges);
    } else if (!width) {
      r.error(key_path(exit_path, "width"), "is required with \"center\"");
    } else {
      span = place_centered(r, *center, *width, exit_path, edges);
    }
    if (!span) continue;
    // Two exits on one edge overlap when their spans share more than the
    // tolerance; exits on different edges of a simple ring meet at most at a corner.
    const auto clash = std::find_if(placed.begin(), placed.end(), [&](const auto& other) {
      const Span& s = other.first;
      return s.edge == span->edge && std::min(s.s1, span->s1) - std::max(s.s0, span->s0) > kOnEdgeTolerance;
    });
    if (clash != placed.end()) {
      r.error(exit_path, "overlaps " + index_path(path, clash->second));
      continue;
    }
    placed.emplace_back(*span, i);
    exit.segment = span_segment(edges, *span);
    out.push_back(std::move(exit));
  }
  return out;
}

}  // namespace campusflow::scenario_parse
