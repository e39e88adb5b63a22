#include "sim/scenario/parse_scenario.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>

#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/json_text.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/parse_groups.hpp"
#include "sim/scenario/parse_procedure.hpp"
#include "sim/scenario/parse_stairs.hpp"
#include "sim/scenario/parse_staff.hpp"
#include "sim/scenario/parse_street.hpp"

namespace campusflow {

namespace {

using namespace scenario_parse;

constexpr std::string_view kFormat = "campusflow-scenario/1";
constexpr std::array<std::string_view, 13> kTopKeys = {
    "format", "name",   "description", "settings", "model",     "levels",  "stairs",
    "groups", "events", "street",      "procedure", "staff",    "variants"};
constexpr std::array<std::string_view, 3> kVariantKeys = {"name", "description", "set"};
constexpr std::array<std::string_view, 5> kSettingsKeys = {"dt", "time_limit", "seed", "output_fps",
                                                           "field_cell"};
constexpr std::array<std::string_view, 6> kModelKeys = {
    "type", "time_gap", "neighbour_strength", "neighbour_range", "wall_strength", "wall_range"};
constexpr std::array<std::string_view, 12> kSocialForceKeys = {
    "type",          "relaxation_time", "mass",           "neighbour_strength", "neighbour_range", "body_stiffness",
    "sliding_friction", "wall_strength", "wall_range",     "wall_stiffness",     "wall_friction", "radius_factor"};
constexpr std::array<std::string_view, 2> kModelTypes = {"collision_free_speed", "social_force"};
// The social force model integrates stiff contact forces explicitly: a
// touching pair is stable only below about 0.04 s (docs/models/sfm.md).
constexpr double kSocialForceMaxDt = 0.01;

// Reads an optional number member into `into`; false when present but bad.
bool read_number(Reader& r, const json::object& o, const std::string& path, std::string_view key,
                 const Range& range, double& into) {
  const json::value* v = r.member(o, path, key);
  if (!v) return true;
  const auto x = r.number(*v, key_path(path, key), range);
  if (x) into = *x;
  return x.has_value();
}

// Frames are recorded on ticks, so a frame period must be a whole number of
// ticks. A bad dt was reported already; judging fps against it would only add noise.
void read_output_fps(Reader& r, const json::object& o, const std::string& path, bool dt_ok, SettingsSpec& s) {
  const json::value* fps = r.member(o, path, "output_fps");
  if (!read_number(r, o, path, "output_fps", above(0.0), s.output_fps) || !fps || !dt_ok) return;
  const double ticks_per_frame = 1.0 / (s.output_fps * s.dt);
  const std::string fps_path = key_path(path, "output_fps");
  if (ticks_per_frame < 1.0 - 1e-6) {
    r.error(fps_path, *fps, "must be <= 1/dt (" + format_number(1.0 / s.dt) + ")");
  } else if (std::abs(ticks_per_frame - std::round(ticks_per_frame)) > 1e-6) {
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.6g", ticks_per_frame);
    r.error(fps_path, *fps,
            std::string("must put every frame on a tick; 1/(output_fps*dt) is ") + ratio +
                ", not a whole number");
  }
}

void parse_settings(Reader& r, const json::value& v, SettingsSpec& s) {
  const std::string path = "settings";
  const json::object* o = r.object(v, path);
  if (!o) return;
  r.check_keys(*o, path, kSettingsKeys);
  const bool dt_ok = read_number(r, *o, path, "dt", open_closed(0.0, 0.5), s.dt);
  read_number(r, *o, path, "time_limit", open_closed(0.0, 86400.0), s.time_limit);
  if (const json::value* seed = r.member(*o, path, "seed"))
    s.seed = r.integer(*seed, key_path(path, "seed")).value_or(s.seed);
  read_output_fps(r, *o, path, dt_ok, s);
  read_number(r, *o, path, "field_cell", closed(0.05, 0.5), s.field_cell);
}

// The models' parameter ranges are physical (docs/scenario-format.md,
// "Model"): decay lengths from a centimetre (the papers' 0.08-0.2 m) up to a
// metre, time scales no shorter than a few ticks. Below them the exponential
// repulsion of two touching bodies overflows a double (e^709) and the
// explicit integration diverges.
void parse_social_force(Reader& r, const json::object& o, const std::string& path, SfmParams& p) {
  r.check_keys(o, path, kSocialForceKeys);
  read_number(r, o, path, "relaxation_time", closed(0.05, 10.0), p.relaxation_time);
  read_number(r, o, path, "mass", closed(1.0, 500.0), p.mass);
  read_number(r, o, path, "neighbour_strength", closed(0.0, 1e5), p.neighbour_strength);
  read_number(r, o, path, "neighbour_range", closed(0.01, 1.0), p.neighbour_range);
  read_number(r, o, path, "body_stiffness", closed(0.0, 1e7), p.body_stiffness);
  read_number(r, o, path, "sliding_friction", closed(0.0, 1e7), p.sliding_friction);
  read_number(r, o, path, "wall_strength", closed(0.0, 1e5), p.wall_strength);
  read_number(r, o, path, "wall_range", closed(0.01, 1.0), p.wall_range);
  read_number(r, o, path, "wall_stiffness", closed(0.0, 1e7), p.wall_stiffness);
  read_number(r, o, path, "wall_friction", closed(0.0, 1e7), p.wall_friction);
  read_number(r, o, path, "radius_factor", closed(0.5, 2.5), p.radius_factor);
}

void parse_model(Reader& r, const json::value& v, ModelSpec& m) {
  const std::string path = "model";
  const json::object* o = r.object(v, path);
  if (!o) return;
  if (const json::value* type = r.member(*o, path, "type", true)) {
    const std::string type_path = key_path(path, "type");
    const auto s = r.string(*type, type_path);
    if (s && *s == kModelTypes[1]) {
      m.kind = PedModelKind::kSocialForce;
      parse_social_force(r, *o, path, m.sfm);
      return;
    }
    if (s && *s != kModelTypes[0]) r.error(type_path, *type, unknown_name_rule(*s, kModelTypes, "model", true));
    m.kind = PedModelKind::kCollisionFreeSpeed;
  }
  r.check_keys(*o, path, kModelKeys);
  CfsmParams& p = m.cfsm;
  read_number(r, *o, path, "time_gap", closed(0.1, 10.0), p.time_gap);
  read_number(r, *o, path, "neighbour_strength", closed(0.0, 100.0), p.neighbour_strength);
  read_number(r, *o, path, "neighbour_range", closed(0.01, 1.0), p.neighbour_range);
  read_number(r, *o, path, "wall_strength", closed(0.0, 100.0), p.wall_strength);
  read_number(r, *o, path, "wall_range", closed(0.005, 1.0), p.wall_range);
}

// Named variants: each a name and settings (JSON pointer -> value) over the
// base. Here only their form is checked; what each pointer names is checked
// when the variant is applied (`check` applies every one).
void parse_variants(Reader& r, const json::value& v, std::vector<std::string>& names) {
  const std::string path = "variants";
  const json::array* list = r.array(v, path);
  if (!list) return;
  std::map<std::string, std::string> taken;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item = index_path(path, i);
    const json::object* o = r.object((*list)[i], item);
    if (!o) continue;
    r.check_keys(*o, item, kVariantKeys);
    if (std::string name = r.unique_name(*o, item, taken); !name.empty()) names.push_back(std::move(name));
    if (const json::value* d = r.member(*o, item, "description")) r.string(*d, key_path(item, "description"));
    const json::value* set = r.member(*o, item, "set", true);
    const json::object* sets = set ? r.object(*set, key_path(item, "set")) : nullptr;
    if (!sets) continue;
    for (const auto& member : *sets) {
      if (!member.key().starts_with("/"))
        r.error(key_path(key_path(item, "set"), member.key()),
                "must be a JSON pointer starting with '/' (e.g. \"/settings/seed\")");
    }
  }
}

// The social force model needs a short tick: it is its default, and a
// longer one written in the file is an error.
void fit_tick_to_model(Reader& r, const json::object& top, ScenarioSpec& spec) {
  if (spec.model.kind != PedModelKind::kSocialForce) return;
  const json::value* settings = top.if_contains("settings");
  const json::value* dt = settings && settings->is_object() ? settings->get_object().if_contains("dt") : nullptr;
  if (!dt) {
    spec.settings.dt = kSocialForceMaxDt;
    return;
  }
  if (dt->is_number() && spec.settings.dt > kSocialForceMaxDt)
    r.error("settings.dt", *dt, "must be <= 0.01 with the social force model (its contact forces are stiff)");
}

// Checks that need the document as a whole; the result is only trusted when
// no error was reported.
ScenarioSpec parse_document(Reader& r, const json::value& root, ScenarioSpec spec,
                            const DataFiles& data) {
  const json::object* top = r.object(root, "");
  if (!top) return spec;
  r.check_keys(*top, "", kTopKeys);
  if (const json::value* format = r.member(*top, "", "format", true)) {
    const auto s = r.string(*format, "format");
    if (s && *s != kFormat) r.error("format", *format, "must be \"" + std::string(kFormat) + "\"");
  }
  if (const json::value* name = r.member(*top, "", "name", true))
    spec.name = r.nonempty_string(*name, "name").value_or("");
  if (const json::value* description = r.member(*top, "", "description"))
    spec.description = r.string(*description, "description").value_or("");
  if (const json::value* variants = r.member(*top, "", "variants")) parse_variants(r, *variants, spec.variant_names);
  if (const json::value* settings = r.member(*top, "", "settings")) parse_settings(r, *settings, spec.settings);
  if (const json::value* model = r.member(*top, "", "model")) parse_model(r, *model, spec.model);
  fit_tick_to_model(r, *top, spec);
  if (const json::value* procedure = r.member(*top, "", "procedure"))
    spec.procedure = parse_procedure(r, *procedure, "procedure");

  // A scenario is a building (levels and groups), a street, or both.
  const bool street = top->contains("street");
  if (street) spec.street = parse_street(r, top->at("street"), "street", data);
  std::vector<ParsedLevel> levels;
  NameTable places;  // exits, doors and stairs: what routes and events name
  if (const json::value* v = r.member(*top, "", "levels", !street)) levels = parse_levels(r, *v, "levels", places);
  if (const json::value* v = r.member(*top, "", "stairs")) spec.stairs = parse_stairs(r, *v, "stairs", levels, places);
  ParsedGroups groups;
  groups.level_has_group.assign(levels.size(), false);
  if (const json::value* v = r.member(*top, "", "groups", !street || top->contains("levels")))
    groups = parse_groups(r, *v, "groups", levels, places);
  if (const json::value* v = r.member(*top, "", "events")) spec.events = parse_events(r, *v, "events", places, spec.stairs, levels);
  if (const json::value* v = r.member(*top, "", "staff")) {
    spec.staff = parse_staff(r, *v, "staff", levels, places, spec.stairs);
    // In a lockdown everyone shelters in a room; a marshal at a stair has no flow to act on.
    if (spec.procedure.kind == ProcedureKind::kLockdown && !spec.staff.empty())
      r.error("staff", "must be left out of a lockdown: everyone shelters in a room, nobody keeps a post");
  }

  for (std::size_t i = 0; i < levels.size(); ++i) {

    spec.levels.push_back(std::move(levels[i].spec));
  }
  spec.groups = std::move(groups.groups);
  return spec;
}

// Out of memory is the likely cause, so reporting may fail as well; the
// nullopt alone still says the scenario was refused.
void report_internal_error(Diagnostics& diags, const char* what) noexcept {
  try {
    diags.error("", "", std::string("internal error while checking the scenario: ") + what);
  } catch (...) {
  }
}

}  // namespace

std::optional<ScenarioSpec> parse_scenario(std::string_view text, Diagnostics& diags, const DataFiles& data,
                                           const ScenarioVariant& variant) {
  const std::size_t errors_before = diags.size();
  // The last line of defence for "never throws": Boost.Geometry and the
  // allocator may throw on inputs no check above foresaw.
  try {
    ScenarioSpec spec;
    spec.file = diags.file();
    spec.text = std::string(text);
    auto doc = parse_json_text(text, diags);
    if (!doc) return std::nullopt;
    // A setting that names nothing is skipped and reported; the checks go on
    // so that one run lists every problem.
    const std::vector<AppliedPatch> applied = apply_variant(doc->root, variant, diags);
    spec.variant = variant.variant;
    spec.overrides = describe_patches(applied);
    spec.applied = applied;
    Reader reader(diags, std::move(doc->overflow_literals));
    const std::size_t checked_from = diags.size();
    spec = parse_document(reader, doc->root, std::move(spec), data);
    name_settings_in_errors(diags, checked_from, applied);
    if (diags.size() > errors_before) return std::nullopt;
    return spec;
  } catch (const std::exception& e) {
    report_internal_error(diags, e.what());
  } catch (...) {
    report_internal_error(diags, "unknown exception");
  }
  return std::nullopt;
}

}  // namespace campusflow
