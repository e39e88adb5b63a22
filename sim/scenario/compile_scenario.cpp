#include "sim/scenario/compile_scenario.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "sim/core/state_hash.hpp"
#include "sim/ped/models/sfm/sfm_model.hpp"
#include "sim/scenario/compile_building.hpp"
#include "sim/scenario/compile_procedure.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/spawn_places.hpp"
#include "sim/traffic/compile_street.hpp"

namespace campusflow {

namespace {

std::string fmt(const char* format, double a, double b = 0.0) {
  char buf[96];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

std::string point_text(const Vec2& p) { return fmt("[%g, %g]", p.x(), p.y()); }

std::string group_path(std::size_t g) { return "groups[" + std::to_string(g) + "]"; }

// The body radius a profile has in the chosen model [m].
double body_radius(ProfileId id, const ModelSpec& model) {
  const double r = profile(id).radius;
  return model.kind == PedModelKind::kSocialForce ? r * model.sfm.radius_factor : r;
}

CompiledSettings compile_settings(const SettingsSpec& s) {
  CompiledSettings c;
  c.dt = seconds_to_us(s.dt);
  c.time_limit = seconds_to_us(s.time_limit);
  c.frame_interval = c.dt * std::max<TimeUs>(1, std::llround(1.0 / (s.output_fps * s.dt)));
  c.seed = s.seed;
  c.output_fps = s.output_fps;
  return c;
}

// Distance fields are dense grids; a level so large that its grid would not
// fit in memory is an input error, reported before anything is allocated.
constexpr double kMaxFieldCells = 4e7;  // about 0.5 GB of field data

bool levels_fit_in_memory(const ScenarioSpec& spec, Diagnostics& diags) {
  bool ok = true;
  for (std::size_t l = 0; l < spec.levels.size(); ++l) {
    const Box box = bounding_box(spec.levels[l].outline);
    const Vec2 size = box.max - box.min;
    const double cells = (size.x() / spec.settings.field_cell + 3) * (size.y() / spec.settings.field_cell + 3);
    if (cells > kMaxFieldCells) {
      diags.error("levels[" + std::to_string(l) + "].outline", "",
                  fmt("spans %.6g x ", size.x(), 0.0) + fmt("%.6g m: its distance field would need ", size.y()) +
                      fmt("%.3g cells at settings.field_cell %g m, more than the limit of 4e+07; ", cells,
                          spec.settings.field_cell) +
                      "use a larger field_cell or split the level");
      ok = false;
    }
  }
  return ok;
}

// Every step of a posted route (or its fallback, `key`) must be reachable from
// the one before (from the group's level for the first), and safety from the
// last. `blocked`: the places shut at the alarm; `safety_cost`: every place's
// cost to safety through the others.
void check_route(const CompiledGroup& g, std::size_t gi, std::span<const RouteStep> route, const char* key,
                 const CompiledScenario& sc, const std::vector<char>& blocked,
                 const std::vector<double>& safety_cost, Diagnostics& diags) {
  const std::string path = group_path(gi) + "." + key;
  std::vector<std::uint32_t> here;  // places the walk may be at
  for (const Opening& o : sc.levels[g.level].openings) here.push_back(o.place);
  for (std::size_t k = 0; k < route.size(); ++k) {
    const std::vector<double> cost = sc.graph.costs_to(route[k].places, blocked);
    const bool ok = std::any_of(here.begin(), here.end(), [&](std::uint32_t p) { return std::isfinite(cost[p]); });
    if (!ok) {
      const RouteStep& step = route[k];
      const std::string& name =
          step.stair >= 0 ? sc.stairs[static_cast<std::size_t>(step.stair)].name : sc.places[step.places[0]].name;
      diags.error(path + "[" + std::to_string(k) + "]", "\"" + name + "\"",
                  k == 0 ? "cannot be reached from level \"" + sc.levels[g.level].name + "\""
                         : "cannot be reached from the step before it");
      return;
    }
    here = route[k].places;
  }
  if (!route.empty() &&
      std::none_of(here.begin(), here.end(), [&](std::uint32_t p) { return std::isfinite(safety_cost[p]); }))
    diags.error(path + "[" + std::to_string(route.size() - 1) + "]", "", "no exit can be reached after this step");
}

void compile_groups(const ScenarioSpec& spec, CompiledScenario& out, Diagnostics& diags) {
  // The cost of every place to safety with the doors shut at the alarm shut.
  const std::vector<char> blocked = closed_at_alarm(out);
  const std::vector<double> place_cost = out.graph.costs_to(safety_places(out), blocked);
  auto reachable = [&](std::uint32_t level, const Vec2& p) {
    return std::isfinite(cost_to_safety(out, level, p, place_cost));
  };
  // Explicit positions occupy their places before any spawn area is filled.
  std::vector<std::vector<std::pair<Vec2, double>>> occupied(spec.levels.size());
  for (const GroupSpec& g : spec.groups) {
    for (const Vec2& p : g.positions) occupied[g.level].push_back({p, body_radius(g.profile, spec.model)});
    if (g.teacher) occupied[g.level].push_back({*g.teacher, body_radius(ProfileId::kAdult, spec.model)});
  }
  // Filed once per level, when its first spawn area is filled.
  std::vector<std::optional<SpawnFloor>> spawn_floors(spec.levels.size());

  for (std::size_t gi = 0; gi < spec.groups.size(); ++gi) {
    const GroupSpec& g = spec.groups[gi];
    const WalkableLevel& level = out.levels[g.level];
    CompiledGroup c;
    c.name = g.name;
    c.level = static_cast<std::uint32_t>(g.level);
    c.count = static_cast<std::uint32_t>(g.count);
    c.first_agent = out.agent_count;
    c.profile = g.profile;
    c.radius = body_radius(g.profile, spec.model);
    c.teacher_radius = body_radius(ProfileId::kAdult, spec.model);
    c.desired_speed = g.desired_speed.value_or(profile(g.profile).desired_speed);
    c.pre_movement = g.pre_movement;
    c.positions = g.positions;
    for (std::size_t k = 0; k < g.positions.size(); ++k) {
      if (!reachable(c.level, g.positions[k]))
        diags.error(group_path(gi) + ".positions[" + std::to_string(k) + "]", point_text(g.positions[k]),
                    "no exit can be reached from here (level \"" + level.name + "\")");
    }
    if (g.spawn_polygon) {
      for (std::size_t other = 0; other < gi; ++other) {
        const GroupSpec& o = spec.groups[other];
        if (o.level == g.level && o.spawn_polygon && rings_intersect(*o.spawn_polygon, *g.spawn_polygon))
          diags.error(group_path(gi) + ".spawn", "",
                      "overlaps the spawn area of " + group_path(other) + " (\"" + o.name +
                          "\"); give each group its own area");
      }
      auto& floor = spawn_floors[g.level];
      if (!floor) floor.emplace(level.walkable, std::move(occupied[g.level]));
      c.candidates = floor->places(*g.spawn_polygon, c.radius);
      const auto reachable_end = std::stable_partition(
          c.candidates.begin(), c.candidates.end(), [&](const Vec2& p) { return reachable(c.level, p); });
      const auto unreachable = static_cast<std::size_t>(c.candidates.end() - reachable_end);
      const std::size_t places = c.candidates.size();
      c.candidates.erase(reachable_end, c.candidates.end());
      if (unreachable > 0) {
        // Reported once, as the cause; a count check on top would only repeat it.
        const std::string where = unreachable == places ? std::string("any place")
                                                        : std::to_string(unreachable) + " of " +
                                                              std::to_string(places) + " places";
        diags.error(group_path(gi) + ".spawn", "",
                    "no exit can be reached from " + where + " in this area (level \"" + level.name + "\")");
      } else if (c.candidates.size() < g.count) {
        diags.error(group_path(gi) + ".count", std::to_string(g.count),
                    "agents do not fit in the spawn area: room for " + std::to_string(c.candidates.size()) +
                        fmt(" at %.2f m spacing", spawn_spacing(c.radius)));
      }
    }
    c.route = compile_route(g.route, out);
    c.fallback = compile_route(g.fallback, out);
    c.route_choice = g.route_choice;
    c.spread = g.spread;
    c.release_at = seconds_to_us(g.release_at);
    for (std::size_t st = 0; st < out.stairs.size(); ++st)
      if (out.stairs[st].name == g.release_when_clear) c.release_when_clear = static_cast<std::int32_t>(st);
    if (g.teacher) {
      // The teacher is the class's first agent; with explicit positions the
      // teacher's comes first too.
      c.teacher = true;
      ++c.count;
      if (!c.positions.empty()) c.positions.insert(c.positions.begin(), *g.teacher);
      c.teacher_position = *g.teacher;
      if (!reachable(c.level, *g.teacher))
        diags.error(group_path(gi) + ".teacher.position", point_text(*g.teacher),
                    "no exit can be reached from here (level \"" + level.name + "\")");
    }
    check_route(c, gi, c.route, "route", out, blocked, place_cost, diags);
    check_route(c, gi, c.fallback, "fallback", out, blocked, place_cost, diags);
    out.agent_count += c.count;
    out.groups.push_back(std::move(c));
  }
}

// Each staff member becomes a group of one adult, after the scenario's groups
// (CompiledScenario::class_groups), with no pre-movement: staff walk to their
// posts at the alarm (docs/models/staff.md).
void compile_staff(const ScenarioSpec& spec, CompiledScenario& out, Diagnostics& diags) {
  const std::vector<char> blocked = closed_at_alarm(out);
  const std::vector<double> place_cost = out.graph.costs_to(safety_places(out), blocked);
  for (std::size_t k = 0; k < spec.staff.size(); ++k) {
    const StaffSpec& s = spec.staff[k];
    const std::string path = "staff[" + std::to_string(k) + "]";
    CompiledStaff c;
    c.name = s.name;
    c.agent = out.agent_count;
    c.level = static_cast<std::uint32_t>(s.level);
    c.post = s.post;
    c.duty = s.duty;
    c.rate = s.rate;
    c.radius = s.radius;
    if (s.duty == StaffDuty::kDirect) c.route = compile_route(std::span<const std::string>(&s.place, 1), out);
    if (s.until_time) c.until_time = seconds_to_us(*s.until_time);
    // A sweep starts once its own level has no pupils left.
    if (s.duty == StaffDuty::kSweep) c.until_clear = static_cast<std::int32_t>(s.level);
    for (std::size_t l = 0; l < out.floor_count; ++l)
      if (!s.until_clear.empty() && out.levels[l].name == s.until_clear) c.until_clear = static_cast<std::int32_t>(l);
    // The place: a door or exit by name, or the end of the stair on the level it is acted on from.
    c.place = kNoPlace;
    for (std::size_t st = 0; st < out.stairs.size(); ++st) {
      const CompiledStair& stair = out.stairs[st];
      if (stair.name != s.place) continue;
      const std::string& end = s.end.empty() ? out.levels[s.level].name : s.end;
      c.place = out.levels[stair.from_level].name == end ? stair.from_place : stair.to_place;
      c.level = out.places[c.place].level;
    }
    for (std::size_t p = 0; p < out.places.size() && c.place == kNoPlace; ++p)
      if (out.places[p].name == s.place && out.places[p].kind != PlaceKind::kStairEnd)
        c.place = static_cast<std::uint32_t>(p);
    if (!std::isfinite(cost_to_safety(out, static_cast<std::uint32_t>(s.level), s.position, place_cost)))
      diags.error(path + ".position", point_text(s.position),
                  "no exit can be reached from here (level \"" + out.levels[s.level].name + "\")");
    CompiledGroup g;
    g.name = s.name;
    g.level = static_cast<std::uint32_t>(s.level);
    g.count = 1;
    g.first_agent = out.agent_count;
    g.profile = ProfileId::kAdult;
    g.radius = body_radius(ProfileId::kAdult, spec.model);
    g.desired_speed = profile(ProfileId::kAdult).desired_speed;
    g.pre_movement = Distribution::constant(0.0);
    g.positions = {s.position};
    g.staff = static_cast<std::int32_t>(k);
    out.agent_count += 1;
    out.groups.push_back(std::move(g));
    out.staff.push_back(std::move(c));
  }
}

// An assembly point is where classes gather: one that no group can reach is
// surely a mistake (an exit may serve nobody: a side door, say).
void check_assembly_points(const CompiledScenario& sc, Diagnostics& diags) {
  const std::vector<char> blocked = closed_at_alarm(sc);
  for (std::size_t p = 0; p < sc.places.size(); ++p) {
    const CompiledPlace& place = sc.places[p];
    if (place.kind != PlaceKind::kAssembly) continue;
    const std::uint32_t target[] = {static_cast<std::uint32_t>(p)};
    const std::vector<double> cost = sc.graph.costs_to(target, blocked);
    const bool reached = std::any_of(sc.groups.begin(), sc.groups.end(), [&](const CompiledGroup& g) {
      const auto& openings = sc.levels[g.level].openings;
      return std::any_of(openings.begin(), openings.end(), [&](const Opening& o) {
        if (!std::isfinite(cost[o.place])) return false;
        const Vec2 start = g.positions.empty() ? (g.candidates.empty() ? g.teacher_position : g.candidates[0]) : g.positions[0];
        return o.field.reachable(start);
      });
    });
    if (!reached)
      diags.error(place.source, "\"" + place.name + "\"", "cannot be reached from where any group starts");
  }
}

// A gate named after a building exit joins the two halves: who leaves by
// that exit is at the gate (docs/models/journeys.md).
void link_gates(CompiledScenario& sc, Diagnostics& diags) {
  using scenario_parse::index_path;
  using scenario_parse::key_path;
  const StreetSpec& st = sc.street->spec;
  for (std::size_t g = 0; g < st.gates.size(); ++g) {
    const GateSpec& gate = st.gates[g];
    const std::string path = index_path(key_path(st.source_path, "gates"), g);
    if (gate.exit.empty()) {
      if (gate.call_distance)
        diags.error(key_path(path, "call_line"), "\"" + gate.name + "\"",
                    "a call line calls pupils out of the building: the gate needs the \"exit\" it is");
      continue;
    }
    const auto it = std::find_if(sc.exits.begin(), sc.exits.end(), [&](const CompiledExit& e) { return e.name == gate.exit; });
    if (it == sc.exits.end()) {
      diags.error(key_path(path, "exit"), "\"" + gate.exit + "\"",
                  sc.exits.empty() ? "names a building exit, but the scenario has no building"
                                   : "names no exit of the building");
      continue;
    }
    std::int32_t& linked = sc.exit_gate[static_cast<std::size_t>(it - sc.exits.begin())];
    if (linked >= 0) {
      diags.error(key_path(path, "exit"), "\"" + gate.exit + "\"", "is already the exit of gate \"" + st.gates[linked].name + "\"");
      continue;
    }
    linked = static_cast<std::int32_t>(g);
  }
}

}  // namespace

std::unique_ptr<const CompiledScenario> compile_scenario(const ScenarioSpec& spec, Diagnostics& diags) {
  auto out = std::make_unique<CompiledScenario>();
  out->file = spec.file;
  out->name = spec.name;
  out->description = spec.description;
  out->text = spec.text;
  out->variant = spec.variant;
  out->overrides = spec.overrides;
  out->variant_names = spec.variant_names;
  StateHash h;
  h.add_bytes(spec.text.data(), spec.text.size());
  // The effective scenario: the same text with other settings is another one.
  h.add_bytes(spec.overrides.data(), spec.overrides.size());
  out->hash = h.value();
  out->settings = compile_settings(spec.settings);
  out->model = spec.model;
  auto widen = [&](double radius, const Distribution& speed) {
    out->max_radius = std::max(out->max_radius, radius);
    const double top = speed.kind == DistributionKind::kConstant ? speed.a
                       : speed.kind == DistributionKind::kUniform ? speed.b
                                                                  : speed.upper;
    out->max_desired_speed = std::max(out->max_desired_speed, std::min(top, 3.0));
  };
  for (const GroupSpec& g : spec.groups) {
    widen(body_radius(g.profile, spec.model), g.desired_speed.value_or(profile(g.profile).desired_speed));
    if (g.teacher) widen(body_radius(ProfileId::kAdult, spec.model), profile(ProfileId::kAdult).desired_speed);
  }
  if (!spec.staff.empty()) widen(body_radius(ProfileId::kAdult, spec.model), profile(ProfileId::kAdult).desired_speed);
  if (!levels_fit_in_memory(spec, diags)) return nullptr;
  // How far agents look for walls: where the model's wall force fades out.
  const double model_wall_range = spec.model.kind == PedModelKind::kSocialForce
                                      ? SfmModel(spec.model.sfm).wall_interaction_range(out->max_radius)
                                      : out->max_radius + 10.0 * spec.model.cfsm.wall_range;
  const double wall_range = std::min(10.0, std::max(1.0, model_wall_range));
  compile_building(spec, wall_range, *out);
  const std::size_t before = diags.size();
  compile_groups(spec, *out, diags);
  if (diags.size() == before) compile_staff(spec, *out, diags);
  if (diags.size() == before) check_assembly_points(*out, diags);
  if (diags.size() == before) compile_procedure(spec, *out, diags);
  if (spec.street) out->street = compile_street(*spec.street, out->settings.seed, diags);
  out->exit_gate.assign(out->exits.size(), -1);
  if (out->street) link_gates(*out, diags);
  if (diags.size() > before) return nullptr;
  return out;
}

}  // namespace campusflow
