#include "sim/scenario/parse_groups.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "sim/geometry/polygon_index.hpp"
#include "sim/geometry/segment_index.hpp"
#include "sim/scenario/parse_distribution.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 14> kGroupKeys = {
    "name",         "level", "profile",      "count",   "spawn",  "positions", "desired_speed",
    "pre_movement", "route", "fallback",     "route_choice", "teacher", "spread", "release"};
constexpr std::array<std::string_view, 1> kTeacherKeys = {"position"};
constexpr std::array<std::string_view, 2> kReleaseKeys = {"at", "when_clear"};
constexpr std::array<std::string_view, 2> kRouteChoices = {"shortest", "quickest"};

// An explicit start position that passed its own checks, kept for the
// pairwise overlap test across all groups.
struct Placed {
  Vec2 p;
  double radius;  // [m]
  std::size_t level;
  std::string path;
};

std::string metres(double x) { return format_number(std::round(x * 1000.0) / 1000.0) + " m"; }

class GroupParser {
 public:
  GroupParser(Reader& r, const std::vector<ParsedLevel>& levels, const NameTable& places)
      : r_(r), levels_(levels), places_(places) {
    for (const auto& [name, owner] : places) place_names_.push_back(name);
    for (std::size_t i = 0; i < levels.size(); ++i) {
      const std::string& name = levels[i].spec.name;
      if (!name.empty() && level_index_.emplace(name, i).second) level_names_.push_back(name);
    }
    for (const Profile& p : kProfiles) {
      profile_names_.push_back(p.name);
      cell_ = std::max(cell_, 2.0 * p.radius);
    }
    floors_.resize(levels.size());
  }

  std::optional<GroupSpec> parse(const json::value& v, const std::string& path, ParsedGroups& out) {
    const json::object* o = r_.object(v, path);
    if (!o) return std::nullopt;
    r_.check_keys(*o, path, kGroupKeys);
    GroupSpec g;
    g.name = r_.unique_name(*o, path, group_names_);
    const std::optional<std::size_t> level = read_level(*o, path);
    if (level) {
      g.level = *level;
      out.level_has_group[*level] = true;
    }
    std::optional<ProfileId> profile_id = g.profile;
    if (const json::value* profile = r_.member(*o, path, "profile")) {
      const std::string profile_path = key_path(path, "profile");
      const auto s = r_.string(*profile, profile_path);
      const auto id = s ? profile_from_name(*s) : std::nullopt;
      if (s && !id) r_.error(profile_path, *profile, unknown_name_rule(*s, profile_names_, "profile", true));
      if (id) g.profile = *id;
      profile_id = id;
    }
    const json::value* count = r_.member(*o, path, "count");
    std::optional<std::uint64_t> n;
    if (count) n = r_.integer(*count, key_path(path, "count"), 1);
    if (n) g.count = *n;

    const json::value* spawn = r_.member(*o, path, "spawn");
    const json::value* positions = r_.member(*o, path, "positions");
    const ParsedLevel* home = level && levels_[*level].outline_ok ? &levels_[*level] : nullptr;
    if ((spawn != nullptr) == (positions != nullptr)) {
      r_.error(path, "must have exactly one of \"spawn\" and \"positions\"");
    } else if (spawn) {
      if (!count) r_.error(key_path(path, "count"), "is required with \"spawn\"");
      const std::string spawn_path = key_path(path, "spawn");
      g.spawn_polygon = read_ring(r_, *spawn, spawn_path, /*ccw=*/true);
      // Overlapping obstacles is fine: agents are placed around them later.
      if (g.spawn_polygon && home && !ring_within(*g.spawn_polygon, home->spec.outline))
        r_.error(spawn_path, "must lie inside the outline of " + level_path(*level));
    } else {
      read_positions(*positions, key_path(path, "positions"), home ? level : std::nullopt, profile_id, g);
      // Only against a readable, non-empty list: otherwise that was the error.
      const std::size_t written = positions->is_array() ? positions->get_array().size() : 0;
      if (n && written > 0 && *n != written)
        r_.error(key_path(path, "count"), *count,
                 "must equal the number of positions (" + std::to_string(written) + ")");
      g.count = g.positions.size();
    }
    if (const json::value* speed = r_.member(*o, path, "desired_speed"))
      g.desired_speed = parse_distribution(r_, *speed, key_path(path, "desired_speed"), Quantity::kDesiredSpeed);
    if (const json::value* pre = r_.member(*o, path, "pre_movement")) {
      if (auto d = parse_distribution(r_, *pre, key_path(path, "pre_movement"), Quantity::kPreMovement))
        g.pre_movement = *d;
    }
    if (const json::value* route = r_.member(*o, path, "route")) read_route(*route, key_path(path, "route"), g.route);
    if (const json::value* fallback = r_.member(*o, path, "fallback"))
      read_route(*fallback, key_path(path, "fallback"), g.fallback);
    if (const json::value* teacher = r_.member(*o, path, "teacher"))
      read_teacher(*teacher, key_path(path, "teacher"), home ? level : std::nullopt, g);
    else if (g.profile == ProfileId::kKindergarten)
      r_.error(key_path(path, "teacher"), "is required: a kindergarten class is led by its teacher");
    if (const json::value* spread = r_.member(*o, path, "spread"))
      g.spread = r_.number(*spread, key_path(path, "spread"), open_closed(0.0, 100.0)).value_or(g.spread);
    if (const json::value* release = r_.member(*o, path, "release")) read_release(*release, key_path(path, "release"), g);
    if (const json::value* choice = r_.member(*o, path, "route_choice")) {
      const std::string choice_path = key_path(path, "route_choice");
      if (const auto s = r_.string(*choice, choice_path)) {
        if (*s == kRouteChoices[1])
          g.route_choice = RouteChoice::kQuickest;
        else if (*s != kRouteChoices[0])
          r_.error(choice_path, *choice, unknown_name_rule(*s, kRouteChoices, "route choice", true));
      }
    }
    return g;
  }

 private:
  static std::string level_path(std::size_t i) { return index_path("levels", i); }

  std::optional<std::size_t> read_level(const json::object& o, const std::string& path) {
    const json::value* level = r_.member(o, path, "level", true);
    if (!level) return std::nullopt;
    const std::string level_path_ = key_path(path, "level");
    const auto s = r_.string(*level, level_path_);
    if (!s) return std::nullopt;
    const auto it = level_index_.find(*s);
    if (it != level_index_.end()) return it->second;
    r_.error(level_path_, *level, unknown_name_rule(*s, level_names_, "level", false));
    return std::nullopt;
  }

  // {"position": [x, y]}: the teacher's start, checked like a position of
  // the class (an adult's body must fit there).
  void read_teacher(const json::value& v, const std::string& path, std::optional<std::size_t> level, GroupSpec& g) {
    const json::object* o = r_.object(v, path);
    if (!o) return;
    r_.check_keys(*o, path, kTeacherKeys);
    const json::value* position = r_.member(*o, path, "position", true);
    if (!position) return;
    const std::string point_path = key_path(path, "position");
    const auto p = read_point(r_, *position, point_path);
    if (!p) return;
    g.teacher = *p;
    if (level) check_position(*p, *position, point_path, *level, ProfileId::kAdult);
  }

  // {"at": seconds} or {"when_clear": "stair"}.
  void read_release(const json::value& v, const std::string& path, GroupSpec& g) {
    const json::object* o = r_.object(v, path);
    if (!o) return;
    r_.check_keys(*o, path, kReleaseKeys);
    const json::value* at = r_.member(*o, path, "at");
    const json::value* clear = r_.member(*o, path, "when_clear");
    if ((at != nullptr) == (clear != nullptr)) {
      r_.error(path, "must have exactly one of \"at\" and \"when_clear\"");
      return;
    }
    if (at) {
      g.release_at = r_.number(*at, key_path(path, "at"), closed(0.0, 86400.0)).value_or(0.0);
      return;
    }
    const std::string clear_path = key_path(path, "when_clear");
    const auto name = r_.string(*clear, clear_path);
    if (!name) return;
    const auto owner = places_.find(*name);
    if (owner == places_.end() || owner->second.rfind("stairs[", 0) != 0) {
      std::vector<std::string_view> stairs;
      for (const auto& [n, path_of] : places_)
        if (path_of.rfind("stairs[", 0) == 0) stairs.push_back(n);
      r_.error(clear_path, *clear, unknown_name_rule(*name, stairs, "stair", false));
      return;
    }
    g.release_when_clear = *name;
  }

  // A posted route (or its fallback): names of doors, stairs and exits, in walking order.
  void read_route(const json::value& v, const std::string& path, std::vector<std::string>& route) {
    const json::array* list = r_.array(v, path);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string step_path = index_path(path, i);
      const auto name = r_.string((*list)[i], step_path);
      if (!name) continue;
      if (!places_.contains(*name)) {
        r_.error(step_path, (*list)[i], unknown_name_rule(*name, place_names_, "door, stair or exit", false));
        continue;
      }
      if (!route.empty() && route.back() == *name) {
        r_.error(step_path, (*list)[i], "repeats the step before it");
        continue;
      }
      route.push_back(*name);
    }
  }

  // level: the level whose geometry the positions are checked against, if
  // usable; without a profile (it was misspelt) clearances cannot be checked.
  void read_positions(const json::value& v, const std::string& path, std::optional<std::size_t> level,
                      std::optional<ProfileId> profile_id, GroupSpec& g) {
    const json::array* list = r_.array(v, path);
    if (!list) return;
    if (list->empty()) r_.error(path, v, "must not be empty");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string point_path = index_path(path, i);
      const auto p = read_point(r_, (*list)[i], point_path);
      if (!p) continue;
      g.positions.push_back(*p);
      if (level) check_position(*p, (*list)[i], point_path, *level, profile_id);
    }
  }

  void check_position(const Vec2& p, const json::value& v, const std::string& path, std::size_t level,
                      std::optional<ProfileId> profile_id) {
    const ParsedLevel& l = levels_[level];
    const Floor& floor = floor_of(level);
    if (!floor.area.in_outer(p)) {
      r_.error(path, v, "must lie inside the outline of " + level_path(level));
      return;
    }
    if (const auto k = floor.area.hole_at(p)) {
      r_.error(path, v, "must not lie inside " + level_path(level) + ".obstacles[" +
                            std::to_string(l.obstacle_index[*k]) + "]");
      return;
    }
    if (!profile_id) return;
    const Profile& body = profile(*profile_id);
    const double radius = body.radius;
    const double clearance = floor.walls.distance(p);
    if (clearance < radius) {
      r_.error(path, v, "must be >= " + metres(radius) + " (the " + std::string(body.name) +
                            " radius) from walls and obstacles; it is " + metres(clearance) + " away");
      return;
    }
    if (const Placed* q = first_overlap(p, radius, level)) {
      r_.error(path, v, "overlaps " + q->path + ": centres " + metres((q->p - p).norm()) +
                            " apart, must be >= " + metres(q->radius + radius));
      return;
    }
    grid_[cell_key(p, level)].push_back(placed_.size());
    placed_.push_back({p, radius, level, path});
  }

  // A level's outline and obstacles, filed for thousands of positions.
  struct Floor {
    PolygonIndex area;
    SegmentIndex walls;  // outline and obstacle edges
  };
  const Floor& floor_of(std::size_t level) {
    auto& floor = floors_[level];
    if (!floor) {
      const Polygon walkable{levels_[level].spec.outline, levels_[level].spec.obstacles};
      floor.emplace(Floor{PolygonIndex(walkable), SegmentIndex(edges(walkable))});
    }
    return *floor;
  }

  // Cells as wide as the largest body diameter: overlapping agents sit in the
  // same or a neighbouring cell, so thousands of positions stay cheap.
  using CellKey = std::array<std::int64_t, 3>;
  CellKey cell_key(const Vec2& p, std::size_t level, int dx = 0, int dy = 0) const {
    return {static_cast<std::int64_t>(level), static_cast<std::int64_t>(std::floor(p.x() / cell_)) + dx,
            static_cast<std::int64_t>(std::floor(p.y() / cell_)) + dy};
  }

  // The earliest placed position on the level closer than the two radii.
  const Placed* first_overlap(const Vec2& p, double radius, std::size_t level) const {
    std::size_t first = placed_.size();
    for (int dx = -1; dx <= 1; ++dx) {
      for (int dy = -1; dy <= 1; ++dy) {
        const auto cell = grid_.find(cell_key(p, level, dx, dy));
        if (cell == grid_.end()) continue;
        for (std::size_t i : cell->second)
          if (i < first && (placed_[i].p - p).norm() < placed_[i].radius + radius) first = i;
      }
    }
    return first < placed_.size() ? &placed_[first] : nullptr;
  }

  Reader& r_;
  const std::vector<ParsedLevel>& levels_;
  const NameTable& places_;
  std::vector<std::string_view> place_names_;
  std::map<std::string, std::size_t> level_index_;
  std::vector<std::string_view> level_names_;
  std::vector<std::string_view> profile_names_;
  NameTable group_names_;
  std::vector<std::optional<Floor>> floors_;  // (n_levels) filed on first use
  double cell_ = 0.0;                        // [m]
  std::vector<Placed> placed_;
  std::map<CellKey, std::vector<std::size_t>> grid_;  // indices into placed_
};

}  // namespace

ParsedGroups parse_groups(Reader& r, const json::value& v, const std::string& path,
                          const std::vector<ParsedLevel>& levels, const NameTable& places) {
  ParsedGroups out;
  out.level_has_group.assign(levels.size(), false);
  const json::array* list = r.array(v, path);
  if (!list) return out;
  if (list->empty()) r.error(path, v, "must not be empty");
  GroupParser parser(r, levels, places);
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (auto g = parser.parse((*list)[i], index_path(path, i), out)) out.groups.push_back(std::move(*g));
  }
  return out;
}

}  // namespace campusflow::scenario_parse
