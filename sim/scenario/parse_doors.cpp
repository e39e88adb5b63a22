// Doors: a line across a gap in the walls of a level. Both ends must sit on a
// wall (the outline or an obstacle), so that the line really closes the gap
// when the door is shut, and its middle must be walkable.
#include <algorithm>
#include <array>

#include "sim/scenario/parse_geometry.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 5> kDoorKeys = {"name", "segment", "open", "flow_limit", "building_exit"};
constexpr std::array<std::string_view, 2> kAssemblyKeys = {"name", "area"};
// How far a door end may sit from the wall it closes on. [m]
constexpr double kOnWallTolerance = 0.01;
// A door narrower than a small child's shoulders can pass nobody. [m]
constexpr double kMinDoorWidth = 0.3;

}  // namespace

std::vector<DoorSpec> parse_doors(Reader& r, const json::array& doors, const std::string& path,
                                  const Polygon* walkable, NameTable& names) {
  const std::vector<Segment> walls = walkable ? edges(*walkable) : std::vector<Segment>{};
  auto on_wall = [&](const Vec2& p) {
    for (const Segment& w : walls)
      if (distance(w, p) <= kOnWallTolerance) return true;
    return false;
  };
  std::vector<DoorSpec> out;
  for (std::size_t i = 0; i < doors.size(); ++i) {
    const std::string door_path = index_path(path, i);
    const json::object* o = r.object(doors[i], door_path);
    if (!o) continue;
    r.check_keys(*o, door_path, kDoorKeys);
    DoorSpec door;
    door.name = r.unique_name(*o, door_path, names);
    bool ok = !door.name.empty();
    ok = r.optional_flag(*o, door_path, "open", door.open) && ok;
    ok = r.optional_flag(*o, door_path, "building_exit", door.building_exit) && ok;
    if (const json::value* limit = r.member(*o, door_path, "flow_limit")) {
      door.flow_limit = r.number(*limit, key_path(door_path, "flow_limit"), open_closed(0.0, 10.0));
      ok = ok && door.flow_limit.has_value();
    }
    const json::value* segment = r.member(*o, door_path, "segment", true);
    if (!segment) continue;
    const std::string segment_path = key_path(door_path, "segment");
    if (!segment->is_array() || segment->get_array().size() != 2) {
      r.error(segment_path, *segment, "must be a pair of points [[x1, y1], [x2, y2]]");
      continue;
    }
    const auto p = read_point(r, segment->get_array()[0], index_path(segment_path, 0));
    const auto q = read_point(r, segment->get_array()[1], index_path(segment_path, 1));
    if (!p || !q || !walkable) continue;
    const double width = (*p - *q).norm();
    if (width < kMinDoorWidth) {
      r.error(segment_path, *segment, "is " + format_number(width) + " m wide; a door must be at least 0.3 m");
      continue;
    }
    if (!on_wall(*p) || !on_wall(*q)) {
      r.error(segment_path, *segment, "must end on walls (the outline or an obstacle, within 0.01 m) at both ends");
      continue;
    }
    if (!contains(*walkable, 0.5 * (*p + *q))) {
      r.error(segment_path, *segment, "must cross walkable floor; its middle lies outside the level");
      continue;
    }
    door.segment = {*p, *q};
    if (ok) out.push_back(std::move(door));
  }
  return out;
}

std::vector<AssemblySpec> parse_assembly_points(Reader& r, const json::array& points, const std::string& path,
                                                const Polygon* walkable, NameTable& names) {
  std::vector<AssemblySpec> out;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string point_path = index_path(path, i);
    const json::object* o = r.object(points[i], point_path);
    if (!o) continue;
    r.check_keys(*o, point_path, kAssemblyKeys);
    AssemblySpec a;
    a.name = r.unique_name(*o, point_path, names);
    const json::value* area = r.member(*o, point_path, "area", true);
    if (!area) continue;
    const std::string area_path = key_path(point_path, "area");
    auto ring = read_ring(r, *area, area_path, /*ccw=*/true);
    if (!ring || !walkable) continue;
    if (!ring_within(*ring, walkable->outer)) {
      r.error(area_path, "must lie inside the outline");
      continue;
    }
    const bool clear = std::none_of(walkable->holes.begin(), walkable->holes.end(),
                                    [&](const Ring& hole) { return rings_intersect(hole, *ring); });
    if (!clear) {
      r.error(area_path, "must not overlap an obstacle");
      continue;
    }
    a.area = std::move(*ring);
    if (!a.name.empty()) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace campusflow::scenario_parse
