#include "sim/scenario/compile_building.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace campusflow {

namespace {

// How far beside an opening its neighbours' fields are read to cost a link:
// clear of the barrier band a door leaves in other fields. [m]
constexpr double kLinkProbe = 0.3;

Polygon walkable_polygon(const LevelSpec& level) { return Polygon{level.outline, level.obstacles}; }

// A stair laid out in its own frame: x along the slope, y across.
Polygon stair_rectangle(double length, double width) {
  return {{{0, 0}, {length, 0}, {length, width}, {0, width}}, {}};
}

// Points beside an opening on its walkable side(s), where the fields of the
// other openings are read.
std::vector<Vec2> probe_points(const Opening& o) {
  std::vector<Vec2> probes;
  if (o.kind == OpeningKind::kAssembly) {
    // Outside each edge of the area (counter-clockwise: outside is on the right).
    for (const Segment& e : edges(o.area)) {
      const Vec2 t = (e.b - e.a).normalized();
      probes.push_back(0.5 * (e.a + e.b) + kLinkProbe * Vec2(t.y(), -t.x()));
    }
    return probes;
  }
  const Vec2 mid = 0.5 * (o.segment.a + o.segment.b);
  probes.push_back(mid - kLinkProbe * o.normal);
  if (!o.boundary()) probes.push_back(mid + kLinkProbe * o.normal);
  return probes;
}

// Links between every two openings of a level that its floor joins.
void add_level_edges(const WalkableLevel& level, std::vector<GraphEdge>& edges) {
  for (std::size_t i = 0; i < level.openings.size(); ++i) {
    const Opening& a = level.openings[i];
    const std::vector<Vec2> probes = probe_points(a);
    for (std::size_t j = i + 1; j < level.openings.size(); ++j) {
      const Opening& b = level.openings[j];
      double cost = std::numeric_limits<double>::infinity();
      for (const Vec2& p : probes)
        if (b.field.reachable(p)) cost = std::min(cost, b.field.value(p));
      if (std::isfinite(cost)) edges.push_back({a.place, b.place, cost + kLinkProbe});
    }
  }
}

}  // namespace

void compile_building(const ScenarioSpec& spec, double wall_range, CompiledScenario& out) {
  DistanceFieldOptions field;
  field.cell = spec.settings.field_cell;
  std::map<std::string, std::uint32_t> place_of;
  // Places first: exits and doors level by level, then the ends of each stair.
  std::vector<std::vector<OpeningSpec>> openings(spec.levels.size() + spec.stairs.size());
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const LevelSpec& level = spec.levels[l];
    const auto li = static_cast<std::uint32_t>(l);
    const std::string level_path = "levels[" + std::to_string(l) + "]";
    for (const ExitSpec& e : level.exits) {
      const auto p = static_cast<std::uint32_t>(out.places.size());
      CompiledPlace place{.name = e.name, .kind = PlaceKind::kExit, .level = li, .width = e.segment.length(),
                          .source = level_path + ".exits[" + std::to_string(&e - level.exits.data()) + "]"};
      place.exit = static_cast<std::int32_t>(out.exits.size());
      out.exits.push_back({e.name, li, e.segment, p});
      out.places.push_back(place);
      place_of[e.name] = p;
      openings[l].push_back(OpeningSpec::line(OpeningKind::kExit, p, e.segment));
    }
    for (const AssemblySpec& a : level.assembly_points) {
      const auto p = static_cast<std::uint32_t>(out.places.size());
      CompiledPlace place{
          .name = a.name, .kind = PlaceKind::kAssembly, .level = li,
          .source = level_path + ".assembly_points[" + std::to_string(&a - level.assembly_points.data()) + "]"};
      place.exit = static_cast<std::int32_t>(out.exits.size());
      out.exits.push_back({a.name, li, Segment{}, p});
      out.places.push_back(place);
      place_of[a.name] = p;
      openings[l].push_back(OpeningSpec::zone(p, a.area));
    }
    for (const DoorSpec& d : level.doors) {
      const auto p = static_cast<std::uint32_t>(out.places.size());
      CompiledPlace place{.name = d.name, .kind = PlaceKind::kDoor, .level = li, .width = d.segment.length(),
                          .source = level_path + ".doors[" + std::to_string(&d - level.doors.data()) + "]"};
      place.open = d.open;
      place.building_exit = d.building_exit;
      place.flow_limit = d.flow_limit.value_or(0.0) * d.segment.length();
      out.places.push_back(place);
      place_of[d.name] = p;
      openings[l].push_back(OpeningSpec::line(OpeningKind::kDoor, p, d.segment));
    }
  }
  out.floor_count = spec.levels.size();
  for (std::size_t s = 0; s < spec.stairs.size(); ++s) {
    const StairSpec& st = spec.stairs[s];
    CompiledStair c;
    c.name = st.name;
    c.level = static_cast<std::uint32_t>(spec.levels.size() + s);
    c.from_level = static_cast<std::uint32_t>(st.from.level);
    c.to_level = static_cast<std::uint32_t>(st.to.level);
    c.length = st.length;
    c.width = st.from.segment.length();
    c.rises = spec.levels[st.to.level].elevation > spec.levels[st.from.level].elevation;
    c.flat = spec.levels[st.to.level].elevation == spec.levels[st.from.level].elevation;
    c.up_factor = st.up_factor.value_or(-1.0);
    c.down_factor = st.down_factor.value_or(-1.0);
    c.from_place = static_cast<std::uint32_t>(out.places.size());
    c.to_place = c.from_place + 1;
    const auto si = static_cast<std::int32_t>(s);
    const std::string path = "stairs[" + std::to_string(s) + "]";
    CompiledPlace from{.name = st.name + " (from)", .kind = PlaceKind::kStairEnd, .level = c.from_level,
                       .width = c.width, .source = path + ".from"};
    CompiledPlace to{.name = st.name + " (to)", .kind = PlaceKind::kStairEnd, .level = c.to_level, .width = c.width,
                     .source = path + ".to"};
    from.stair = to.stair = si;
    from.building_exit = to.building_exit = st.building_exit;
    out.places.push_back(from);
    out.places.push_back(to);
    openings[st.from.level].push_back(OpeningSpec::line(OpeningKind::kStairEnd, c.from_place, st.from.segment));
    openings[st.to.level].push_back(OpeningSpec::line(OpeningKind::kStairEnd, c.to_place, st.to.segment));
    // On the flight's own level: x = 0 runs from y = width to 0 (outline order).
    openings[c.level].push_back(OpeningSpec::line(OpeningKind::kStairEnd, c.from_place, {{0, c.width}, {0, 0}}));
    openings[c.level].push_back(
        OpeningSpec::line(OpeningKind::kStairEnd, c.to_place, {{c.length, 0}, {c.length, c.width}}));
    out.stairs.push_back(c);
  }

  const std::size_t places = out.places.size();
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const LevelSpec& level = spec.levels[l];
    out.levels.push_back(build_walkable_level(level.name, level.elevation, walkable_polygon(level), openings[l],
                                              places, field, wall_range));
  }
  for (std::size_t s = 0; s < spec.stairs.size(); ++s) {
    const StairSpec& st = spec.stairs[s];
    const CompiledStair& c = out.stairs[s];
    const double z0 = spec.levels[st.from.level].elevation, z1 = spec.levels[st.to.level].elevation;
    WalkableLevel level = build_walkable_level(st.name, std::min(z0, z1), stair_rectangle(c.length, c.width),
                                               openings[c.level], places, field, wall_range);
    level.stair = StairPlacement{st.from.segment, st.to.segment, c.length, c.width, z0, z1};
    out.levels.push_back(std::move(level));
  }

  std::vector<GraphEdge> edges;
  for (const WalkableLevel& level : out.levels) add_level_edges(level, edges);
  out.graph = PortalGraph(places, std::move(edges));

  for (const EventSpec& e : spec.events) {
    CompiledEvent c;
    c.time = seconds_to_us(e.time);
    c.kind = e.kind;
    if (const auto it = place_of.find(e.target); it != place_of.end()) {
      c.places.push_back(it->second);
    } else {
      for (const CompiledStair& s : out.stairs) {
        if (s.name != e.target) continue;
        if (e.end.empty()) {
          c.places = {s.from_place, s.to_place};
          c.whole_stair = true;
        } else {
          c.places = {out.levels[s.from_level].name == e.end ? s.from_place : s.to_place};
        }
      }
    }
    out.events.push_back(std::move(c));
  }
}

std::vector<RouteStep> compile_route(std::span<const std::string> names, const CompiledScenario& sc) {
  std::vector<RouteStep> route;
  for (const std::string& name : names) {
    RouteStep step;
    for (std::size_t p = 0; p < sc.places.size(); ++p)
      if (sc.places[p].kind != PlaceKind::kStairEnd && sc.places[p].name == name)
        step.places.push_back(static_cast<std::uint32_t>(p));
    for (std::size_t s = 0; s < sc.stairs.size(); ++s)
      if (sc.stairs[s].name == name) {
        step.stair = static_cast<std::int32_t>(s);
        step.places = {sc.stairs[s].from_place, sc.stairs[s].to_place};
      }
    route.push_back(std::move(step));
  }
  return route;
}

double cost_to_safety(const CompiledScenario& sc, std::uint32_t level, const Vec2& p,
                      const std::vector<double>& place_cost) {
  double best = std::numeric_limits<double>::infinity();
  for (const Opening& o : sc.levels[level].openings) {
    if (!std::isfinite(place_cost[o.place]) || !o.field.reachable(p)) continue;
    best = std::min(best, o.field.value(p) + place_cost[o.place]);
  }
  return best;
}

}  // namespace campusflow
