#include "sim/engine/street_geometry.hpp"

#include <cmath>

namespace campusflow {

namespace {

// How the crossing is controlled, the strongest control first: a signal
// decides even where a guard stands; a guard even on a zebra.
std::int8_t crossing_kind(const StreetCrossing& c) {
  if (c.signal >= 0) return 2;
  if (c.guard >= 0) return 3;
  return c.pedestrian_priority ? 0 : 1;
}

void add_lanes(const CompiledStreet& st, io::StreetGeometry& g) {
  for (std::uint32_t link = 0; link < st.links.size(); ++link) {
    const StreetLink& l = st.links[link];
    g.link_names.push_back(l.name);
    for (std::uint32_t lane = 0; lane < l.lanes; ++lane) {
      const double offset = st.lane_offset(link, lane);
      const Vec2 a = st.road_point(link, 0.0, offset), b = st.road_point(link, l.length, offset);
      g.lanes.push_back({static_cast<std::int32_t>(link), static_cast<std::int32_t>(lane), a.x(), a.y(), b.x(), b.y(),
                         st.lane_width(link)});
    }
  }
}

void add_walks(const CompiledStreet& st, io::StreetGeometry& g) {
  for (const StreetCrossing& c : st.crossings) g.crossing_names.push_back(c.name);
  for (const WalkPath& p : st.sidewalks.paths()) {
    if (p.kind == WalkPathKind::kCrossing) {
      g.crossings.push_back({p.index, p.a.x(), p.a.y(), p.b.x(), p.b.y(), p.width,
                             crossing_kind(st.crossings[static_cast<std::size_t>(p.index)])});
      continue;
    }
    const std::int8_t kind = p.kind == WalkPathKind::kSidewalk ? 0 : p.kind == WalkPathKind::kCorner ? 1 : 2;
    g.sidewalks.push_back({p.a.x(), p.a.y(), p.b.x(), p.b.y(), p.width, kind,
                           p.kind == WalkPathKind::kSidewalk ? p.index : -1});
  }
}

// A stall is where its car stands: a lay-by's and an in-lane zone's cars
// stop with their front at the stall's front; a lot's and a garage's stand
// at the zone's entry, beside the curb lane, until they leave.
void add_stalls(const CompiledStreet& st, io::StreetGeometry& g) {
  for (std::size_t z = 0; z < st.zones.size(); ++z) {
    const CurbZoneSpec& spec = st.zones[z].spec;
    const auto link = static_cast<std::uint32_t>(spec.link);
    const bool along = spec.kind == CurbKind::kLayBy || spec.kind == CurbKind::kInLane;
    const double offset = st.lane_offset(link, 0, spec.kind != CurbKind::kInLane);
    const Vec2& d = st.links[link].dir;
    for (std::size_t k = 0; k < st.zones[z].stalls.size(); ++k) {
      const double front = along ? st.zones[z].stalls[k].front : spec.start;
      const Vec2 c = st.road_point(link, front - spec.stall_length / 2.0, offset);
      g.stalls.push_back({static_cast<std::int32_t>(z), static_cast<std::int32_t>(k),
                          static_cast<std::int8_t>(spec.kind), c.x(), c.y(), std::atan2(d.y(), d.x()),
                          spec.stall_length, st.lane_width(link)});
    }
  }
}

}  // namespace

io::StreetGeometry street_geometry(const CompiledStreet& street) {
  io::StreetGeometry g;
  add_lanes(street, g);
  add_walks(street, g);
  add_stalls(street, g);
  for (const VehicleTypeSpec& t : street.spec.vehicle_types) {
    g.vehicle_type_names.push_back(t.name);
    g.vehicle_types.push_back({static_cast<std::int8_t>(t.vehicle_class), t.idm.length, t.width});
  }
  return g;
}

}  // namespace campusflow
