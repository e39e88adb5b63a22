#include "sim/scenario/parse_geometry.hpp"

#include <algorithm>
#include <array>

#include "sim/geometry/disjoint_rings.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 7> kLevelKeys = {"name",  "elevation", "outline",        "obstacles",
                                                        "exits", "doors",     "assembly_points"};

std::optional<ParsedLevel> parse_level(Reader& r, const json::value& v, const std::string& path,
                                       NameTable& level_names, NameTable& exit_names) {
  const json::object* o = r.object(v, path);
  if (!o) return std::nullopt;
  r.check_keys(*o, path, kLevelKeys);
  ParsedLevel level;

  level.spec.name = r.unique_name(*o, path, level_names);
  if (const json::value* e = r.member(*o, path, "elevation"))
    level.spec.elevation = r.number(*e, key_path(path, "elevation")).value_or(0.0);

  if (const json::value* outline = r.member(*o, path, "outline", true)) {
    if (auto ring = read_ring(r, *outline, key_path(path, "outline"), /*ccw=*/true)) {
      level.spec.outline = std::move(*ring);
      level.outline_ok = true;
    }
  }

  if (const json::value* obstacles = r.member(*o, path, "obstacles")) {
    const std::string list_path = key_path(path, "obstacles");
    if (const json::array* list = r.array(*obstacles, list_path)) {
      DisjointRings kept;  // level.spec.obstacles, filed for the overlap test
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string obstacle_path = index_path(list_path, i);
        auto ring = read_ring(r, (*list)[i], obstacle_path, /*ccw=*/false);
        if (!ring || !level.outline_ok) continue;
        if (!ring_within(*ring, level.spec.outline)) {
          r.error(obstacle_path, "must lie inside the outline");
          continue;
        }
        // Holes of one polygon must be disjoint; report only the first clash
        // (the earliest kept obstacle) so one misplaced obstacle does not
        // flood the list.
        if (const auto clash = kept.first_clash(*ring, level.spec.obstacles)) {
          r.error(obstacle_path, "overlaps or touches " + index_path(list_path, level.obstacle_index[*clash]));
          continue;
        }
        kept.add(*ring);
        level.spec.obstacles.push_back(std::move(*ring));
        level.obstacle_index.push_back(i);
      }
    }
  }

  if (const json::value* exits = r.member(*o, path, "exits")) {
    const std::string list_path = key_path(path, "exits");
    if (const json::array* list = r.array(*exits, list_path)) {
      level.spec.exits =
          parse_exits(r, *list, list_path, level.outline_ok ? &level.spec.outline : nullptr, exit_names);
    }
  }
  if (const json::value* doors = r.member(*o, path, "doors")) {
    const std::string list_path = key_path(path, "doors");
    if (const json::array* list = r.array(*doors, list_path)) {
      const Polygon walkable{level.spec.outline, level.spec.obstacles};
      level.spec.doors = parse_doors(r, *list, list_path, level.outline_ok ? &walkable : nullptr, exit_names);
    }
  }
  if (const json::value* points = r.member(*o, path, "assembly_points")) {
    const std::string list_path = key_path(path, "assembly_points");
    if (const json::array* list = r.array(*points, list_path)) {
      const Polygon walkable{level.spec.outline, level.spec.obstacles};
      level.spec.assembly_points =
          parse_assembly_points(r, *list, list_path, level.outline_ok ? &walkable : nullptr, exit_names);
    }
  }
  return level;
}

}  // namespace

std::optional<Vec2> read_point(Reader& r, const json::value& v, const std::string& path) {
  if (!v.is_array() || v.get_array().size() != 2) {
    r.error(path, v, "must be a point [x, y]");
    return std::nullopt;
  }
  const json::array& a = v.get_array();
  const Range range = closed(-kCoordinateLimit, kCoordinateLimit);
  const auto x = r.number(a[0], index_path(path, 0), range);
  const auto y = r.number(a[1], index_path(path, 1), range);
  if (!x || !y) return std::nullopt;
  return Vec2(*x, *y);
}

std::optional<Ring> read_ring(Reader& r, const json::value& v, const std::string& path, bool ccw) {
  if (!v.is_array()) {
    r.error(path, v, "must be an array of points [x, y]");
    return std::nullopt;
  }
  const json::array& a = v.get_array();
  Ring ring;
  bool ok = true;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto p = read_point(r, a[i], index_path(path, i));
    if (p) ring.push_back(*p);
    ok = ok && p.has_value();
  }
  if (!ok) return std::nullopt;
  // Many tools write rings closed; the spec stores them open.
  if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
  if (const auto defect = ring_defect(ring)) {
    r.error(path, *defect);
    return std::nullopt;
  }
  if ((signed_area2(ring) > 0.0) != ccw) std::reverse(ring.begin(), ring.end());
  return ring;
}

std::vector<ParsedLevel> parse_levels(Reader& r, const json::value& v, const std::string& path,
                                      NameTable& exit_names) {
  std::vector<ParsedLevel> levels;
  const json::array* list = r.array(v, path);
  if (!list) return levels;
  if (list->empty()) r.error(path, v, "must not be empty");
  NameTable level_names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto level = parse_level(r, (*list)[i], index_path(path, i), level_names, exit_names);
    // Keep a placeholder for a level that is not even an object, so indices
    // stay those of the file.
    levels.push_back(level ? std::move(*level) : ParsedLevel{});
  }
  return levels;
}

}  // namespace campusflow::scenario_parse
