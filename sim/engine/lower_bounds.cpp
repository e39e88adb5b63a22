#include "sim/engine/lower_bounds.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <limits>
#include <set>

#include "sim/ped/stair_speed.hpp"

namespace campusflow {

namespace {

// The earliest an agent can start [s]: its release, or for a class still
// waiting for a stair to clear, its own pre-movement time.
double earliest_start(const Agents& agents, std::size_t i) {
  return agents.release[i] == kNever ? agents.pre_movement[i] : us_to_seconds(agents.release[i]);
}

constexpr double kInf = std::numeric_limits<double>::infinity();

double segment_distance(const Segment& a, const Segment& b) {
  if (crossing_fraction(a.a, a.b, b) > 0.0) return 0.0;
  return std::min({distance(a, b.a), distance(a, b.b), distance(b, a.a), distance(b, a.b)});
}

// Straight-line distance from p to an opening: to its segment, or to its area.
double distance_to(const Opening& o, const Vec2& p) {
  if (o.kind != OpeningKind::kAssembly) return distance(o.segment, p);
  if (contains(o.area, p)) return 0.0;
  double d = kInf;
  for (const Segment& e : edges(o.area)) d = std::min(d, distance(e, p));
  return d;
}

double distance_between(const Opening& a, const Opening& b) {
  if (a.kind == OpeningKind::kAssembly || b.kind == OpeningKind::kAssembly) {
    const Opening& area = a.kind == OpeningKind::kAssembly ? a : b;
    const Opening& other = a.kind == OpeningKind::kAssembly ? b : a;
    if (other.kind == OpeningKind::kAssembly) return 0.0;  // two areas of one level: no shorter bound at hand
    double d = kInf;
    for (const Segment& e : edges(area.area)) d = std::min(d, segment_distance(e, other.segment));
    return contains(area.area, other.segment.a) ? 0.0 : d;
  }
  return segment_distance(a.segment, b.segment);
}

// The way from every place to safety in metres of level walking, for agents
// of one profile: straight lines within levels, stairs at the profile's
// faster stair factor. Places closed for the whole run are left out; every
// other door counts as open (one may open later).
std::vector<double> place_bounds(const CompiledScenario& sc, ProfileId profile, const std::vector<char>& closed) {
  std::vector<GraphEdge> edges;
  for (const WalkableLevel& level : sc.levels) {
    for (std::size_t i = 0; i < level.openings.size(); ++i) {
      for (std::size_t j = i + 1; j < level.openings.size(); ++j) {
        const Opening& a = level.openings[i];
        const Opening& b = level.openings[j];
        double d = distance_between(a, b);
        if (level.stair) {
          const CompiledStair& s = sc.stairs[static_cast<std::size_t>(sc.places[a.place].stair)];
          const StairFactors f = stair_factors(profile);
          const double up = s.up_factor >= 0.0 ? s.up_factor : f.up;
          const double down = s.down_factor >= 0.0 ? s.down_factor : f.down;
          d = s.flat ? s.length : s.length / std::max(up, down);
        }
        edges.push_back({a.place, b.place, d});
      }
    }
  }
  return PortalGraph(sc.places.size(), std::move(edges)).costs_to(safety_places(sc), closed);
}

struct Cut {
  std::string name;
  std::vector<char> inside;  // (levels) the levels behind the cut
};

// Behind the cut at elevation e: the floors at or above e that hold no
// assembly point, and the stairs between two of them.
std::vector<Cut> storey_cuts(const CompiledScenario& sc) {
  std::set<double> elevations;
  for (std::size_t l = 0; l < sc.floor_count; ++l) elevations.insert(sc.levels[l].elevation);
  std::vector<Cut> cuts;
  for (double e : elevations) {
    char name[64];
    std::snprintf(name, sizeof name, "levels at or above %.2f m", e);
    Cut c{name, std::vector<char>(sc.levels.size(), 0)};
    for (std::size_t l = 0; l < sc.floor_count; ++l) c.inside[l] = sc.levels[l].elevation >= e;
    for (const CompiledPlace& p : sc.places)
      if (p.kind == PlaceKind::kAssembly) c.inside[p.level] = 0;
    for (const CompiledStair& s : sc.stairs) c.inside[s.level] = c.inside[s.from_level] && c.inside[s.to_level];
    cuts.push_back(std::move(c));
  }
  return cuts;
}

}  // namespace


LowerBounds lower_bounds(const CompiledScenario& sc, const Agents& agents) {
  LowerBounds out;
  const std::vector<char> closed = closed_for_whole_run(sc);
  std::vector<std::vector<double>> by_profile(kProfiles.size());
  // The bounds are the pupils': staff groups (after class_groups()) are left out.
  for (std::size_t gi = 0; gi < sc.class_groups(); ++gi) {
    const CompiledGroup& g = sc.groups[gi];
    auto& bound = by_profile[static_cast<std::size_t>(g.profile)];
    if (bound.empty()) bound = place_bounds(sc, g.profile, closed);
    for (std::uint32_t i = g.first_agent; i < g.first_agent + g.count; ++i) {
      double way = kInf;
      for (const Opening& o : sc.levels[agents.level[i]].openings)
        if (!closed[o.place]) way = std::min(way, distance_to(o, agents.position[i]) + bound[o.place]);
      if (std::isfinite(way))
        out.walking = std::max(out.walking, earliest_start(agents, i) + way / agents.free_speed[i]);
    }
  }

  for (const Cut& cut : storey_cuts(sc)) {
    std::size_t n = 0;
    double first = kInf;
    for (std::size_t i = 0; i < agents.size(); ++i) {
      if (!cut.inside[agents.level[i]] || sc.groups[agents.group[i]].staff >= 0) continue;
      ++n;
      first = std::min(first, earliest_start(agents, i));
    }
    if (n == 0) continue;
    // The cut's openings: places with a level on each side of it, and the
    // exits behind it (they lead out of every level).
    double hard = 0.0, design = 0.0;
    for (std::size_t p = 0; p < sc.places.size(); ++p) {
      if (closed[p]) continue;  // nobody leaves the storey by it
      int sides = 0;
      for (std::size_t l = 0; l < sc.levels.size(); ++l)
        if (sc.levels[l].opening_for(static_cast<std::uint32_t>(p))) sides |= cut.inside[l] ? 1 : 2;
      if (sc.places[p].kind == PlaceKind::kExit && sides == 1) sides = 3;
      if (sides != 3) continue;
      const CompiledPlace& place = sc.places[p];
      const double limit = place.flow_limit > 0.0 ? place.flow_limit : kInf;
      hard += std::min(limit, kHardSpecificFlow * place.width);
      design += std::min(limit, kDesignSpecificFlow * place.width);
    }
    if (hard <= 0.0) continue;
    const double t = first + static_cast<double>(n) / hard;
    if (t > out.capacity) {
      out.capacity = t;
      out.capacity_cut = cut.name;
      out.design_capacity = first + static_cast<double>(n) / design;
    }
  }
  return out;
}

}  // namespace campusflow
