#include "sim/scenario/compile_procedure.hpp"

#include <algorithm>
#include <cmath>

namespace campusflow {

namespace {

// How far beside a door the floor on each side is probed: past the band of
// cells that a door's barrier blocks (0.75 cell) and inside a 0.24 m wall's
// reveal. [m]
constexpr double kBeside = 0.4;
// How far inside the level an exit or stair end is probed. [m]
constexpr double kInward = 0.3;

Vec2 middle(const Segment& s) { return 0.5 * (s.a + s.b); }

// The part of the level reachable from p with every door shut: finite there.
DistanceField region_from(const WalkableLevel& level, const Vec2& p, const DistanceFieldOptions& options) {
  std::vector<Segment> barriers;
  for (const Opening& o : level.openings)
    if (o.kind == OpeningKind::kDoor) barriers.push_back(o.segment);
  // A short seed segment; `through` makes the field grow to both sides of it.
  const FieldTarget seed{{p - Vec2(0.1, 0.0), p + Vec2(0.1, 0.0)}, Vec2::Zero(), true};
  return DistanceField::build(level.walkable, level.walls, std::span(&seed, 1), barriers, options);
}

// Whether an exit, a stair end or an assembly point opens the region.
bool opens_to_safety_or_stairs(const WalkableLevel& level, const DistanceField& region) {
  for (const Opening& o : level.openings) {
    if (o.kind == OpeningKind::kDoor) continue;
    const Vec2 probe = o.kind == OpeningKind::kAssembly ? middle({bounding_box(o.area).min, bounding_box(o.area).max})
                                                        : middle(o.segment) - kInward * o.normal;
    if (std::isfinite(region.value(probe))) return true;
  }
  return false;
}

// The point of a region farthest from where its field was grown (the
// middle of its cell; the first on ties, in grid order).
Vec2 farthest_point(const DistanceField& region) {
  const GridSpec& g = region.grid();
  const std::span<const float> v = region.values();
  std::size_t best = 0;
  for (std::size_t k = 0; k < v.size(); ++k)
    if (std::isfinite(v[k]) && (!std::isfinite(v[best]) || v[k] > v[best])) best = k;
  return g.centre(static_cast<int>(best % static_cast<std::size_t>(g.nx)),
                  static_cast<int>(best / static_cast<std::size_t>(g.nx)));
}

}  // namespace

std::vector<CompiledRoom> find_rooms(const CompiledScenario& sc, const DistanceFieldOptions& field) {
  std::vector<CompiledRoom> rooms;
  for (std::uint32_t l = 0; l < sc.floor_count; ++l) {
    const WalkableLevel& level = sc.levels[l];
    std::vector<DistanceField> seen;  // every region found on this level, rooms or not
    std::vector<std::int32_t> room_of;  // (seen) index into rooms, -1: not a room
    for (const Opening& door : level.openings) {
      if (door.kind != OpeningKind::kDoor) continue;
      for (const double side : {1.0, -1.0}) {
        const Vec2 p = middle(door.segment) + side * kBeside * door.normal;
        if (!contains(level.walkable, p)) continue;
        std::size_t r = 0;
        while (r < seen.size() && !std::isfinite(seen[r].value(p))) ++r;
        if (r == seen.size()) {
          seen.push_back(region_from(level, p, field));
          const bool room = !opens_to_safety_or_stairs(level, seen.back());
          room_of.push_back(room ? static_cast<std::int32_t>(rooms.size()) : -1);
          // Those who come in walk to the far side of the room: its field
          // is grown again from the point farthest from this door.
          if (room) rooms.push_back({"", l, {}, 0.0, region_from(level, farthest_point(seen.back()), field)});
        }
        if (room_of[r] < 0) continue;
        CompiledRoom& room = rooms[static_cast<std::size_t>(room_of[r])];
        if (std::find(room.doors.begin(), room.doors.end(), door.place) == room.doors.end())
          room.doors.push_back(door.place);
      }
    }
  }
  for (CompiledRoom& room : rooms) {
    const double cell = room.region.grid().cell;
    const std::span<const float> v = room.region.values();
    const auto cells = std::count_if(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
    room.area = cell * cell * static_cast<double>(cells);
    std::sort(room.doors.begin(), room.doors.end());
    room.name = "room behind " + sc.places[room.doors.front()].name;
    for (std::size_t k = 1; k < room.doors.size(); ++k) room.name += " + " + sc.places[room.doors[k]].name;
  }
  return rooms;
}

void compile_procedure(const ScenarioSpec& spec, CompiledScenario& out, Diagnostics& diags) {
  out.procedure = spec.procedure;
  if (spec.procedure.kind == ProcedureKind::kEarthquake) {
    // Nobody moves before the second signal: pre-movement and staged
    // releases count from it (docs/models/procedures.md).
    for (CompiledGroup& g : out.groups) g.release_at += seconds_to_us(spec.procedure.hold);
    return;
  }
  if (spec.procedure.kind != ProcedureKind::kLockdown) return;
  DistanceFieldOptions field;
  field.cell = spec.settings.field_cell;
  out.rooms = find_rooms(out, field);
  if (out.rooms.empty()) {
    diags.error("procedure.type", "\"lockdown\"",
                "needs a room to shelter in (a part of a floor enclosed by walls and doors); the building has none");
    return;
  }
  // Sheltering happens on one's own floor: a group on a floor without rooms
  // (a yard, say) would have nowhere to go.
  for (std::size_t g = 0; g < out.groups.size(); ++g) {
    const std::uint32_t level = out.groups[g].level;
    const bool any =
        std::any_of(out.rooms.begin(), out.rooms.end(), [&](const CompiledRoom& r) { return r.level == level; });
    if (!any)
      diags.error("groups[" + std::to_string(g) + "].level", "\"" + out.levels[level].name + "\"",
                  "has no room to shelter in during the lockdown (it looks for rooms on its own level only)");
  }
}

}  // namespace campusflow
