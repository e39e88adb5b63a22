#include "study/study_spec.hpp"

#include <array>
#include <cmath>
#include <map>
#include <set>

#include "sim/core/input_file.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/json_text.hpp"
#include "study/metrics.hpp"

namespace campusflow::study {

namespace {

namespace json = boost::json;
using namespace scenario_parse;

constexpr std::string_view kFormat = "campusflow-study/1";
constexpr std::array<std::string_view, 9> kTopKeys = {"format",  "name",  "description", "scenario",    "variants",
                                                      "factors", "seeds", "metrics",     "trajectories"};
constexpr std::array<std::string_view, 4> kVariantKeys = {"name", "description", "variant", "set"};
constexpr std::array<std::string_view, 5> kFactorKeys = {"name", "unit", "values", "range", "set"};
constexpr std::array<std::string_view, 3> kRangeKeys = {"from", "to", "step"};
constexpr std::array<std::string_view, 3> kTargetKeys = {"pointer", "scale", "offset"};
constexpr std::array<std::string_view, 2> kSeedKeys = {"from", "count"};
// A factor's levels: enough for any plot, few enough to run.
constexpr std::size_t kMaxLevels = 1000;

bool is_pointer(const std::string& s) { return s.starts_with("/"); }

std::optional<std::string> pointer(Reader& r, const json::value& v, const std::string& path) {
  auto s = r.string(v, path);
  if (s && !is_pointer(*s)) {
    r.error(path, v, "must be a JSON pointer starting with '/' (e.g. \"/settings/seed\")");
    return std::nullopt;
  }
  return s;
}

// "set": {"/pointer": value, ...}, applied in the order written.
std::vector<ScenarioPatch> read_sets(Reader& r, const json::value& v, const std::string& path) {
  std::vector<ScenarioPatch> out;
  const json::object* o = r.object(v, path);
  if (!o) return out;
  for (const auto& member : *o) {
    const std::string key(member.key());
    const std::string at = key_path(path, key);
    if (!is_pointer(key)) {
      r.error(at, "must be a JSON pointer starting with '/' (e.g. \"/settings/seed\")");
      continue;
    }
    out.push_back({key, member.value(), at});
  }
  return out;
}

std::vector<StudyVariant> read_variants(Reader& r, const json::value& v) {
  std::vector<StudyVariant> out;
  const json::array* list = r.array(v, "variants");
  if (!list) return out;
  if (list->empty()) r.error("variants", "must name at least one variant (leave it out to run the base scenario)");
  std::map<std::string, std::string> taken;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = index_path("variants", i);
    const json::value& item = (*list)[i];
    if (item.is_string()) {  // a variant of the scenario file, under its own name
      StudyVariant sv;
      sv.name = sv.file_variant = std::string(item.get_string());
      if (sv.name.empty()) r.error(path, item, "must not be empty");
      else if (auto [it, fresh] = taken.emplace(sv.name, path); !fresh)
        r.error(path, item, "names the variant of " + it->second + " again; give each once");
      out.push_back(std::move(sv));
      continue;
    }
    const json::object* o = r.object(item, path);
    if (!o) continue;
    r.check_keys(*o, path, kVariantKeys);
    StudyVariant sv;
    sv.name = r.unique_name(*o, path, taken);
    if (const json::value* d = r.member(*o, path, "description")) r.string(*d, key_path(path, "description"));
    if (const json::value* fv = r.member(*o, path, "variant"))
      sv.file_variant = r.nonempty_string(*fv, key_path(path, "variant")).value_or("");
    if (const json::value* set = r.member(*o, path, "set")) sv.sets = read_sets(r, *set, key_path(path, "set"));
    out.push_back(std::move(sv));
  }
  return out;
}

// "range": {"from": a, "to": b, "step": s}: a, a + s, ... up to b (within
// a millionth of a step, so 0 to 0.3 by 0.1 ends at 0.3).
void read_range(Reader& r, const json::value& v, const std::string& path, Factor& f) {
  const json::object* o = r.object(v, path);
  if (!o) return;
  r.check_keys(*o, path, kRangeKeys);
  std::optional<double> from, to, step;
  if (const json::value* x = r.member(*o, path, "from", true)) from = r.number(*x, key_path(path, "from"));
  if (const json::value* x = r.member(*o, path, "to", true)) to = r.number(*x, key_path(path, "to"));
  if (const json::value* x = r.member(*o, path, "step", true)) step = r.number(*x, key_path(path, "step"), above(0.0));
  if (!from || !to || !step) return;
  if (*to < *from) {
    r.error(key_path(path, "to"), o->at("to"), "must be >= from (" + format_number(*from) + ")");
    return;
  }
  const double count = std::floor((*to - *from) / *step + 1e-6) + 1.0;
  if (!(count <= static_cast<double>(kMaxLevels))) {
    r.error(path, "gives " + format_number(count) + " levels; at most " + std::to_string(kMaxLevels));
    return;
  }
  for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k) {
    const double x = *from + static_cast<double>(k) * *step;
    // Whole numbers stay integers, so that a seed or a count can be a factor.
    if (x == std::round(x) && std::abs(x) < 9e15) f.values.emplace_back(static_cast<std::int64_t>(x));
    else f.values.emplace_back(x);
  }
}

void read_targets(Reader& r, const json::value& v, const std::string& path, Factor& f) {
  const json::array* list = r.array(v, path);
  if (!list) return;
  if (list->empty()) r.error(path, "must name at least one JSON pointer to receive the factor's value");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = index_path(path, i);
    const json::value& item = (*list)[i];
    FactorTarget t;
    if (item.is_string()) {
      t.pointer = pointer(r, item, at).value_or("");
    } else if (const json::object* o = r.object(item, at)) {
      r.check_keys(*o, at, kTargetKeys);
      if (const json::value* p = r.member(*o, at, "pointer", true)) t.pointer = pointer(r, *p, key_path(at, "pointer")).value_or("");
      t.linear = true;
      if (const json::value* s = r.member(*o, at, "scale")) t.scale = r.number(*s, key_path(at, "scale")).value_or(1.0);
      if (const json::value* s = r.member(*o, at, "offset")) t.offset = r.number(*s, key_path(at, "offset")).value_or(0.0);
    }
    f.targets.push_back(std::move(t));
  }
}

std::vector<Factor> read_factors(Reader& r, const json::value& v) {
  std::vector<Factor> out;
  const json::array* list = r.array(v, "factors");
  if (!list) return out;
  std::map<std::string, std::string> taken;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = index_path("factors", i);
    const json::object* o = r.object((*list)[i], path);
    if (!o) continue;
    r.check_keys(*o, path, kFactorKeys);
    Factor f;
    f.name = r.unique_name(*o, path, taken);
    if (const json::value* u = r.member(*o, path, "unit")) f.unit = r.string(*u, key_path(path, "unit")).value_or("");
    const json::value* values = r.member(*o, path, "values");
    const json::value* range = r.member(*o, path, "range");
    if (values && range) r.error(path, "must have \"values\" or \"range\", not both");
    else if (!values && !range) r.error(path, "must have \"values\" (a list) or \"range\" (from, to, step)");
    if (values) {
      if (const json::array* a = r.array(*values, key_path(path, "values"))) {
        if (a->empty()) r.error(key_path(path, "values"), "must hold at least one value");
        if (a->size() > kMaxLevels) r.error(key_path(path, "values"), "must hold at most " + std::to_string(kMaxLevels) + " values");
        f.values.assign(a->begin(), a->end());
      }
    } else if (range) {
      read_range(r, *range, key_path(path, "range"), f);
    }
    if (const json::value* set = r.member(*o, path, "set", true)) read_targets(r, *set, key_path(path, "set"), f);
    // A linear target needs numbers.
    const bool linear = std::any_of(f.targets.begin(), f.targets.end(), [](const FactorTarget& t) { return t.linear; });
    for (std::size_t k = 0; linear && k < f.values.size(); ++k)
      if (!f.values[k].is_number())
        r.error(index_path(key_path(path, "values"), k), f.values[k],
                "must be a number: a target with scale and offset computes from it");
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::uint64_t> read_seeds(Reader& r, const json::value& v) {
  std::vector<std::uint64_t> out;
  if (const json::array* a = v.if_array()) {
    if (a->empty()) r.error("seeds", "must hold at least one seed");
    std::set<std::uint64_t> seen;
    for (std::size_t i = 0; i < a->size(); ++i)
      if (auto s = r.integer((*a)[i], index_path("seeds", i))) {
        if (!seen.insert(*s).second) r.error(index_path("seeds", i), (*a)[i], "is given twice; each seed once");
        out.push_back(*s);
      }
    return out;
  }
  const json::object* o = r.object(v, "seeds");
  if (!o) return out;
  r.check_keys(*o, "seeds", kSeedKeys);
  std::optional<std::uint64_t> from, count;
  if (const json::value* x = r.member(*o, "seeds", "from", true)) from = r.integer(*x, "seeds.from");
  if (const json::value* x = r.member(*o, "seeds", "count", true)) count = r.integer(*x, "seeds.count", 1);
  if (count && *count > kMaxRuns) r.error("seeds.count", o->at("count"), "must be <= " + std::to_string(kMaxRuns));
  if (!from || !count || *count > kMaxRuns) return out;
  if (*from > UINT64_MAX - *count) {
    r.error("seeds", "runs past 2^64 - 1");
    return out;
  }
  for (std::uint64_t k = 0; k < *count; ++k) out.push_back(*from + k);
  return out;
}

std::vector<std::string> read_metrics(Reader& r, const json::value& v) {
  std::vector<std::string> out;
  const json::array* list = r.array(v, "metrics");
  if (!list) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = index_path("metrics", i);
    auto name = r.nonempty_string((*list)[i], path);
    if (!name) continue;
    if (const std::string rule = metric_name_rule(*name); !rule.empty()) r.error(path, (*list)[i], rule);
    else if (!seen.insert(*name).second) r.error(path, (*list)[i], "is named twice; name each metric once");
    else out.push_back(*name);
  }
  return out;
}

}  // namespace

std::optional<StudySpec> parse_study(std::string_view text, const std::filesystem::path& folder, Diagnostics& diags) {
  const std::size_t before = diags.size();
  StudySpec spec;
  spec.file = diags.file();
  spec.text = std::string(text);
  auto doc = parse_json_text(text, diags);
  if (!doc) return std::nullopt;
  Reader r(diags, std::move(doc->overflow_literals));
  const json::object* top = r.object(doc->root, "");
  if (!top) return std::nullopt;
  r.check_keys(*top, "", kTopKeys);
  if (const json::value* format = r.member(*top, "", "format", true)) {
    const auto s = r.string(*format, "format");
    if (s && *s != kFormat) r.error("format", *format, "must be \"" + std::string(kFormat) + "\"");
  }
  if (const json::value* v = r.member(*top, "", "name", true)) spec.name = r.nonempty_string(*v, "name").value_or("");
  if (const json::value* v = r.member(*top, "", "description")) spec.description = r.string(*v, "description").value_or("");
  if (const json::value* v = r.member(*top, "", "scenario", true))
    if (auto s = r.nonempty_string(*v, "scenario")) spec.scenario = folder / *s;
  if (const json::value* v = r.member(*top, "", "variants")) spec.variants = read_variants(r, *v);
  if (spec.variants.empty()) {
    spec.variants.push_back({"base", {}, {}});
    spec.base_only = true;
  }
  if (const json::value* v = r.member(*top, "", "factors")) spec.factors = read_factors(r, *v);
  if (const json::value* v = r.member(*top, "", "seeds", true)) spec.seeds = read_seeds(r, *v);
  if (const json::value* v = r.member(*top, "", "metrics")) spec.metrics = read_metrics(r, *v);
  if (const json::value* v = r.member(*top, "", "trajectories"))
    spec.trajectories = r.boolean(*v, "trajectories").value_or(false);
  // The grid's size, before anything is expanded.
  double runs = static_cast<double>(spec.variants.size()) * static_cast<double>(std::max<std::size_t>(spec.seeds.size(), 1));
  for (const Factor& f : spec.factors) runs *= static_cast<double>(std::max<std::size_t>(f.values.size(), 1));
  if (runs > static_cast<double>(kMaxRuns))
    r.error("", "asks for " + format_number(runs) + " runs (variants x factor levels x seeds); at most " +
                    std::to_string(kMaxRuns) + " in one study");
  if (diags.size() > before) return std::nullopt;
  return spec;
}

std::optional<StudySpec> read_study_file(const std::filesystem::path& path, std::vector<std::string>& errors) {
  const InputText in = read_input_file(path, kMaxStudyBytes);
  if (!in.ok) {
    errors.push_back(path.string() + ": " + in.error);
    return std::nullopt;
  }
  Diagnostics diags(path.string());
  auto spec = parse_study(in.text, path.parent_path(), diags);
  errors = diags.messages();
  return spec;
}

}  // namespace campusflow::study
