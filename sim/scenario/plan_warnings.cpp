#include "sim/scenario/plan_warnings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>

namespace campusflow {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Closer than this counts as touching [m] (the parser's tolerance for ends on walls).
constexpr double kTouching = 1e-3;

// Metres to the centimetre, without trailing zeros.
std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(x * 100.0) / 100.0);
  return buf;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// The closest points of two segments.
struct Gap {
  double distance = 0.0;  // [m]
  Vec2 on_a = Vec2::Zero(), on_b = Vec2::Zero();
};
Gap segment_gap(const Segment& a, const Segment& b) {
  if (crossing_fraction(a.a, a.b, b) > 0.0) return {0.0, a.a, closest_point(b, a.a)};
  Gap best{kInf};
  auto take = [&](const Vec2& on_a, const Vec2& on_b) {
    const double d = (on_a - on_b).norm();
    if (d < best.distance) best = {d, on_a, on_b};
  };
  take(a.a, closest_point(b, a.a));
  take(a.b, closest_point(b, a.b));
  take(closest_point(a, b.a), b.a);
  take(closest_point(a, b.b), b.b);
  return best;
}

// How far along the ring's perimeter p lies from its first point [m];
// nullopt when p is not on the ring.
std::optional<double> arc_position(const Ring& ring, const Vec2& p) {
  double at = 0.0;
  for (const Segment& e : edges(ring)) {
    if (distance(e, p) < kTouching) return at + (closest_point(e, p) - e.a).norm();
    at += e.length();
  }
  return std::nullopt;
}

// The wall between two openings of a ring, the shorter way round [m];
// nullopt when either is not on it.
std::optional<double> wall_between(const Ring& ring, const Segment& a, const Segment& b) {
  double perimeter = 0.0;
  for (const Segment& e : edges(ring)) perimeter += e.length();
  // Each opening as the stretch [start, start + length] in the ring's direction.
  auto stretch = [&](const Segment& s) -> std::optional<std::pair<double, double>> {
    const auto pa = arc_position(ring, s.a), pb = arc_position(ring, s.b);
    if (!pa || !pb) return std::nullopt;
    const double forward = std::fmod(*pb - *pa + perimeter, perimeter);
    return forward <= perimeter / 2.0 ? std::pair{*pa, forward} : std::pair{*pb, perimeter - forward};
  };
  const auto sa = stretch(a), sb = stretch(b);
  if (!sa || !sb) return std::nullopt;
  auto ahead = [&](double from, double to) {  // from `from` forward to `to`
    const double d = std::fmod(to - from + 2.0 * perimeter, perimeter);
    return d > perimeter - kTouching ? 0.0 : d;
  };
  return std::min(ahead(sa->first + sa->second, sb->first), ahead(sb->first + sb->second, sa->first));
}

// Where a group starts: its first explicit position (the teacher's, in a
// class), else its teacher, else the first free place of its spawn area.
std::optional<Vec2> group_start(const CompiledGroup& g) {
  if (!g.positions.empty()) return g.positions[0];
  if (g.teacher) return g.teacher_position;
  if (!g.candidates.empty()) return g.candidates[0];
  return std::nullopt;
}

// (a) A posted route step whose closing leaves the group no way to safety.
// A step that is the only way out of the group's starting room (a classroom
// with one door) is left alone: that is the building, not the plan.
void route_warnings(const CompiledScenario& sc, std::vector<Diagnostic>& out) {
  const std::vector<char> base = closed_at_alarm(sc);
  const std::vector<std::uint32_t> safety = safety_places(sc);
  const std::vector<double> base_cost = sc.graph.costs_to(safety, base);
  for (std::size_t gi = 0; gi < sc.groups.size(); ++gi) {
    const CompiledGroup& g = sc.groups[gi];
    const std::optional<Vec2> start = group_start(g);
    if (g.route.empty() || !start) continue;
    std::vector<std::uint32_t> first;  // the openings the group can walk to from its start
    for (const Opening& o : sc.levels[g.level].openings)
      if (!base[o.place] && o.field.reachable(*start)) first.push_back(o.place);
    if (std::none_of(first.begin(), first.end(), [&](std::uint32_t p) { return std::isfinite(base_cost[p]); }))
      continue;
    for (std::size_t k = 0; k < g.route.size(); ++k) {
      const RouteStep& step = g.route[k];
      auto in_step = [&](std::uint32_t p) {
        return std::find(step.places.begin(), step.places.end(), p) != step.places.end();
      };
      if (step.places.empty() || sc.places[step.places[0]].kind == PlaceKind::kAssembly) continue;  // never closes
      if (std::all_of(first.begin(), first.end(), in_step)) continue;
      std::vector<char> blocked = base;
      for (std::uint32_t p : step.places) blocked[p] = 1;
      const std::vector<double> cost = sc.graph.costs_to(safety, blocked);
      const bool way = std::any_of(first.begin(), first.end(),
                                   [&](std::uint32_t p) { return !blocked[p] && std::isfinite(cost[p]); });
      if (way) continue;
      const CompiledPlace& place = sc.places[step.places[0]];
      std::string what;
      if (step.stair >= 0) {
        const CompiledStair& s = sc.stairs[static_cast<std::size_t>(step.stair)];
        what = "stair " + quoted(s.name) + " (" + quoted(sc.levels[s.from_level].name) + " to " +
               quoted(sc.levels[s.to_level].name) + ") blocked";
      } else {
        const bool door = place.kind == PlaceKind::kDoor;
        what = (door ? "door " : "exit ") + quoted(place.name) + " (level " + quoted(sc.levels[place.level].name) +
               (door ? ") closed" : ") blocked");
      }
      out.push_back(
          {"groups[" + std::to_string(gi) + "].route[" + std::to_string(k) + "]",
           quoted(step.stair >= 0 ? sc.stairs[static_cast<std::size_t>(step.stair)].name : place.name),
           "has no alternative: with " + what + ", group " + quoted(g.name) + " can reach no exit or assembly point"});
    }
  }
}

// (f) A group that events cut off from every safety for the whole run: a
// door closed or a place blocked at the alarm that nothing opens again. The
// run will end INCOMPLETE; the event that does it is named (the first whose
// removal gives the group a way out again).
void trapped_warnings(const CompiledScenario& sc, std::vector<Diagnostic>& out) {
  const std::vector<char> shut = closed_for_whole_run(sc);
  const std::vector<char> base = closed_at_alarm(sc);
  if (shut == base) return;  // no event shuts anything for good
  const std::vector<std::uint32_t> safety = safety_places(sc);
  // Whether a group starting at `start` on `level` has a way out with `blocked` shut.
  auto way_out = [&](std::uint32_t level, const Vec2& start, const std::vector<char>& blocked) {
    const std::vector<double> cost = sc.graph.costs_to(safety, blocked);
    for (const Opening& o : sc.levels[level].openings)
      if (!blocked[o.place] && o.field.reachable(start) && std::isfinite(cost[o.place])) return true;
    return false;
  };
  for (std::size_t gi = 0; gi < sc.groups.size(); ++gi) {
    const CompiledGroup& g = sc.groups[gi];
    const std::optional<Vec2> start = group_start(g);
    if (!start || way_out(g.level, *start, shut)) continue;
    for (std::size_t k = 0; k < sc.events.size(); ++k) {
      const CompiledEvent& e = sc.events[k];
      if (e.time != 0 || (e.kind != EventKind::kClose && e.kind != EventKind::kBlock)) continue;
      std::vector<char> without = shut;
      for (std::uint32_t p : e.places) without[p] = base[p];
      if (!way_out(g.level, *start, without)) continue;
      const CompiledPlace& place = sc.places[e.places.front()];
      const std::string name =
          place.stair >= 0 ? sc.stairs[static_cast<std::size_t>(place.stair)].name : place.name;
      out.push_back({"groups[" + std::to_string(gi) + "]", quoted(g.name),
                     "can reach no exit or assembly point: events[" + std::to_string(k) + "] shuts " + quoted(name) +
                         " at the alarm and no event opens it again; the run will end INCOMPLETE"});
      break;
    }
  }
}

// (b) An assembly area that leaves a gap narrower than a body between itself
// and a wall: a slot nobody passes, though it looks walkable. Touching is fine.
void assembly_warnings(const CompiledScenario& sc, std::vector<Diagnostic>& out) {
  const double body = 2.0 * sc.max_radius;
  for (std::size_t p = 0; p < sc.places.size(); ++p) {
    const CompiledPlace& place = sc.places[p];
    if (place.kind != PlaceKind::kAssembly) continue;
    const WalkableLevel& level = sc.levels[place.level];
    const Opening* o = level.opening_for(static_cast<std::uint32_t>(p));
    if (!o) continue;
    double gap = kInf;
    Vec2 at = Vec2::Zero();
    for (const Segment& wall : level.walls) {
      Gap nearest{kInf};
      for (const Segment& e : edges(o->area)) {
        const Gap g = segment_gap(e, wall);
        if (g.distance < nearest.distance) nearest = g;
      }
      // A gap is floor between the area and the wall; the far face of an
      // obstacle the area touches is no gap (its middle lies in the obstacle).
      if (nearest.distance <= kTouching || nearest.distance >= gap) continue;
      if (!contains(level.walkable, (nearest.on_a + nearest.on_b) / 2.0)) continue;
      gap = nearest.distance;
      at = nearest.on_b;
    }
    if (gap < body)
      out.push_back({place.source, quoted(place.name),
                     "leaves a " + num(gap) + " m gap to the wall at [" + num(at.x()) + ", " + num(at.y()) +
                         "], narrower than a body (" + num(body) +
                         " m): nobody can pass there; let the area touch the wall or leave at least " + num(body) +
                         " m"});
  }
}

// (e) An exit less than a body's width of wall from a stair end on the same
// outline: the crowd at one stands in the way of the other.
void exit_warnings(const CompiledScenario& sc, std::vector<Diagnostic>& out) {
  for (std::size_t l = 0; l < sc.floor_count; ++l) {
    const WalkableLevel& level = sc.levels[l];
    for (const Opening& e : level.openings) {
      if (e.kind != OpeningKind::kExit) continue;
      for (const Opening& s : level.openings) {
        if (s.kind != OpeningKind::kStairEnd) continue;
        // Along the outline: an exit and a stair end on either side of a
        // thin wall are far apart for walkers, however close in a straight line.
        const double d = wall_between(level.walkable.outer, e.segment, s.segment)
                             .value_or(segment_gap(e.segment, s.segment).distance);
        if (d >= kBodyWidth) continue;
        const CompiledPlace& exit = sc.places[e.place];
        const CompiledStair& stair = sc.stairs[static_cast<std::size_t>(sc.places[s.place].stair)];
        out.push_back({exit.source, quoted(exit.name),
                       "is " + num(d) + " m from the end of stair " + quoted(stair.name) +
                           ", less than a body's width (" + num(kBodyWidth) +
                           " m): people queueing for one block the other; leave at least " + num(kBodyWidth) +
                           " m of wall between them"});
      }
    }
  }
}

std::string item(const std::string& root, const char* key, std::size_t k) {
  return root + "." + key + "[" + std::to_string(k) + "]";
}

std::string name_list(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t k = 0; k < names.size(); ++k) s += (k ? ", " : "") + quoted(names[k]);
  return s;
}

// (c) Drop-off routes whose every curb zone lies inside the no-car zone:
// drivers who obey it find no zone and stop in the lane outside the zone.
// Distances as the street compiler measures them (assign_stop): along the
// sidewalks from the zone's end nearest the gate to the gate's street end.
void curb_warnings(const CompiledStreet& c, std::vector<Diagnostic>& out) {
  const StreetSpec& s = c.spec;
  if (!s.no_car_zone || s.gates.empty() || s.no_car_zone->compliance <= 0.0) return;
  const NoCarZoneSpec& ncz = *s.no_car_zone;
  const GateSpec& gate = s.gates[ncz.gate];
  std::vector<char> drop_route(s.routes.size(), 0);
  for (const VehicleDemand& v : s.vehicles)
    if (v.drop_off && !v.zone) drop_route[v.route] = 1;
  for (const FlowSpec& f : s.flows)
    if (f.drop_off) drop_route[f.route] = 1;
  if (s.drop_off_profile)
    for (std::size_t r : s.drop_off_profile->routes) drop_route[r] = 1;
  std::vector<double> zone_distance(s.curb_zones.size());
  for (std::size_t z = 0; z < s.curb_zones.size(); ++z) {
    const CurbZoneSpec& zs = s.curb_zones[z];
    const double near_end = zs.kind == CurbKind::kLayBy || zs.kind == CurbKind::kInLane ? zs.end : zs.start;
    zone_distance[z] = c.sidewalks.distance_to_gate(static_cast<std::uint32_t>(zs.link), near_end,
                                                    static_cast<std::uint32_t>(ncz.gate)) -
                       gate.path_length + zs.walk_access;
  }
  std::vector<std::vector<std::string>> routes_of(s.curb_zones.size());
  std::vector<char> alone(s.curb_zones.size(), 1);
  for (std::size_t r = 0; r < s.routes.size(); ++r) {
    if (!drop_route[r]) continue;
    const auto& links = s.routes[r].links;
    auto step_of = [&](std::size_t link) -> std::ptrdiff_t {
      const auto it = std::find(links.begin(), links.end(), link);
      return it == links.end() ? -1 : it - links.begin();
    };
    std::vector<std::size_t> zones;  // the zones a driver on this route may use
    for (std::size_t z = 0; z < s.curb_zones.size(); ++z) {
      const CurbZoneSpec& zs = s.curb_zones[z];
      const std::ptrdiff_t k = step_of(zs.link);
      if (k < 0 || (zs.kind == CurbKind::kUnderground && step_of(zs.exit_link) < k)) continue;
      zones.push_back(z);
    }
    if (zones.empty() ||
        std::any_of(zones.begin(), zones.end(), [&](std::size_t z) { return zone_distance[z] >= ncz.radius; }))
      continue;
    for (std::size_t z : zones) {
      routes_of[z].push_back(s.routes[r].name);
      if (zones.size() > 1) alone[z] = 0;
    }
  }
  for (std::size_t z = 0; z < s.curb_zones.size(); ++z) {
    if (routes_of[z].empty()) continue;
    const std::string on =
        (routes_of[z].size() == 1 ? "drop-off route " : "drop-off routes ") + name_list(routes_of[z]);
    out.push_back({item(s.source_path, "curb_zones", z), quoted(s.curb_zones[z].name),
                   "lies inside the no-car zone (" + num(zone_distance[z]) + " m from gate " + quoted(gate.name) +
                       " along the sidewalks, radius " + num(ncz.radius) + " m) and " +
                       (alone[z] ? "is the only curb zone on " : "so does every other curb zone on ") + on +
                       ": drivers who obey the zone will stop in the lane outside it instead"});
  }
}

// (d) A gate that is a building exit while the building has other ways out:
// a pupil fetched by car who leaves by one of them never reaches the gate,
// and its parent waits in vain (docs/models/journeys.md).
void gate_exit_warnings(const CompiledScenario& sc, std::vector<Diagnostic>& out) {
  std::vector<std::string> others;
  for (std::size_t e = 0; e < sc.exits.size(); ++e)
    if (sc.exit_gate[e] < 0) others.push_back(sc.exits[e].name);
  if (others.empty()) return;
  const StreetSpec& s = sc.street->spec;
  for (std::size_t g = 0; g < s.gates.size(); ++g) {
    if (s.gates[g].exit.empty()) continue;
    out.push_back({item(s.source_path, "gates", g) + ".exit", quoted(s.gates[g].exit),
                   "is the gate, but pupils may also leave by " + name_list(others) +
                       ": a pupil fetched by car who does never reaches the gate, and the run ends INCOMPLETE"});
  }
}

}  // namespace

std::vector<Diagnostic> plan_warnings(const CompiledScenario& sc) {
  std::vector<Diagnostic> out;
  route_warnings(sc, out);
  trapped_warnings(sc, out);
  assembly_warnings(sc, out);
  exit_warnings(sc, out);
  if (sc.street) {
    curb_warnings(*sc.street, out);
    gate_exit_warnings(sc, out);
  }
  // Scenario order: the paths sort as the file reads (levels, stairs, groups, street).
  auto rank = [](const std::string& path) {
    return path.rfind("levels", 0) == 0 ? 0 : path.rfind("groups", 0) == 0 ? 1 : 2;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a.path) < rank(b.path); });
  return out;
}

}  // namespace campusflow
