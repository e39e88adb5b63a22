#include "study/metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

#include "sim/scenario/json_reader.hpp"

namespace campusflow::study {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

double time_or_none(double t) { return t >= 0.0 ? t : kNone; }

// The figures of one run as a whole: name, unit, whether it needs a street
// (s) or a building (b), and how to read it from the run.
struct Plain {
  std::string_view name, unit;
  char needs;  // 'b' building, 's' street, 'j' pupils' journeys (a gate that is a building exit), 'a' any
  double (*read)(const CompiledScenario&, const RunReport&);
};

const std::array<Plain, 28> kPlain = {{
    {"complete", "", 'a', [](const CompiledScenario&, const RunReport& r) { return r.complete ? 1.0 : 0.0; }},
    {"evacuation_time", "s", 'b', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.evacuation_time); }},
    {"not_safe", "", 'b',
     [](const CompiledScenario& sc, const RunReport& r) {
       // In a lockdown safe is sheltering; elsewhere out of the building.
       const std::size_t safe = sc.procedure.kind == ProcedureKind::kLockdown ? r.sheltered : r.counts.exited;
       return static_cast<double>(sc.agent_count - std::min<std::size_t>(safe, sc.agent_count));
     }},
    {"stuck_episodes", "", 'b', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.stuck.size()); }},
    {"reroutes", "", 'b', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.reroutes.size()); }},
    {"peak_density", "P/m2", 'b',
     [](const CompiledScenario&, const RunReport& r) { return r.peak_density.time >= 0.0 ? r.peak_density.density : 0.0; }},
    {"simulated_time", "s", 'a', [](const CompiledScenario&, const RunReport& r) { return r.simulated_time; }},
    {"walking_bound", "s", 'b', [](const CompiledScenario&, const RunReport& r) { return r.bounds.walking; }},
    {"capacity_bound", "s", 'b', [](const CompiledScenario&, const RunReport& r) { return r.bounds.capacity; }},
    {"time_to_secure", "s", 'b',
     [](const CompiledScenario& sc, const RunReport& r) {
       return sc.procedure.kind == ProcedureKind::kLockdown ? time_or_none(r.procedure.time_to_secure) : kNone;
     }},
    {"street.mean_delay", "s", 's', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->mean_delay); }},
    {"street.max_queue_tail", "m", 's', [](const CompiledScenario&, const RunReport& r) { return r.street->max_queue_tail; }},
    {"street.spillback", "s", 's', [](const CompiledScenario&, const RunReport& r) { return r.street->spillback_seconds; }},
    {"street.mean_walk", "m", 's', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->mean_walk); }},
    {"street.max_walk", "m", 's', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->max_walk); }},
    {"street.mean_walk_time", "s", 's', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->mean_walk_time); }},
    {"street.conflicts", "", 's', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.street->conflicts); }},
    {"street.drop_offs", "", 's', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.street->drop_offs); }},
    {"street.unfinished", "", 's', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.street->unfinished); }},
    {"street.end_time", "s", 's', [](const CompiledScenario&, const RunReport& r) { return r.street->end_time; }},
    {"street.vehicles", "", 's', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.street->vehicles); }},
    {"street.mean_pick_up_dwell", "s", 's',
     [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->mean_pick_up_dwell); }},
    {"street.mean_check_wait", "s", 's', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.street->mean_check_wait); }},
    {"street.max_check_line", "", 's', [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.street->max_check_line); }},
    {"journeys.peak_at_gate", "", 'j',
     [](const CompiledScenario&, const RunReport& r) { return static_cast<double>(r.journeys->peak_at_gate); }},
    {"journeys.mean_gate_wait", "s", 'j',
     [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.journeys->mean_gate_wait); }},
    {"journeys.mean_parent_wait", "s", 'j',
     [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.journeys->mean_parent_wait); }},
    {"journeys.last_home", "s", 'j', [](const CompiledScenario&, const RunReport& r) { return time_or_none(r.journeys->last_home); }},
}};

// Figures of one named thing: "class_assembled:7A", "flight_peak:east stair 2-1", "exit:west".
constexpr std::array<std::string_view, 4> kNamed = {"class_assembled", "class_cleared", "flight_peak", "exit"};

const Plain* plain(const std::string& name) {
  for (const Plain& p : kPlain)
    if (p.name == name) return &p;
  return nullptr;
}

struct Named {
  std::string_view kind;
  std::string thing;
};
std::optional<Named> named(const std::string& name) {
  const std::size_t colon = name.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string_view kind = std::string_view(name).substr(0, colon);
  for (std::string_view k : kNamed)
    if (k == kind) return Named{k, name.substr(colon + 1)};
  return std::nullopt;
}

std::optional<std::size_t> group_index(const CompiledScenario& sc, const std::string& thing) {
  for (std::size_t g = 0; g < sc.groups.size(); ++g)
    if (sc.groups[g].name == thing) return g;
  return std::nullopt;
}
std::optional<std::size_t> stair_index(const CompiledScenario& sc, const std::string& thing) {
  for (std::size_t s = 0; s < sc.stairs.size(); ++s)
    if (sc.stairs[s].name == thing && !sc.stairs[s].flat) return s;
  return std::nullopt;
}
std::optional<std::size_t> exit_index(const CompiledScenario& sc, const std::string& thing) {
  for (std::size_t e = 0; e < sc.exits.size(); ++e)
    if (sc.exits[e].name == thing) return e;
  return std::nullopt;
}

}  // namespace

std::string metric_name_rule(const std::string& name) {
  if (plain(name)) return {};
  if (auto n = named(name)) return n->thing.empty() ? "names no " + std::string(n->kind) + " after ':'" : std::string();
  std::vector<std::string_view> names;
  for (const Plain& p : kPlain) names.push_back(p.name);
  std::string rule = scenario_parse::unknown_name_rule(name, names, "metric", true);
  return rule + "; or one of a named thing: class_assembled:CLASS, class_cleared:CLASS, flight_peak:STAIR, exit:EXIT";
}

std::string metric_scenario_rule(const std::string& name, const CompiledScenario& sc) {
  if (const Plain* p = plain(name)) {
    if (p->needs == 's' && !sc.street) return "is a street's figure, and the scenario has no street";
    if (p->needs == 'j' && std::none_of(sc.exit_gate.begin(), sc.exit_gate.end(), [](std::int32_t g) { return g >= 0; }))
      return "is a figure of pupils' journeys, and no gate of the scenario's street is an exit of its building";
    if (p->needs == 'b' && sc.agent_count == 0) return "is a building's figure, and the scenario has nobody in a building";
    return {};
  }
  const auto n = named(name);
  if (!n) return metric_name_rule(name);
  const bool found = n->kind == "exit"          ? exit_index(sc, n->thing).has_value()
                     : n->kind == "flight_peak" ? stair_index(sc, n->thing).has_value()
                                                : group_index(sc, n->thing).has_value();
  if (found) return {};
  const char* what = n->kind == "exit" ? "exit" : n->kind == "flight_peak" ? "stair flight" : "class";
  return "names no " + std::string(what) + " of the scenario: \"" + n->thing + "\"";
}

std::vector<std::string> default_metrics(const CompiledScenario& sc) {
  std::vector<std::string> out = {"complete"};
  if (sc.agent_count > 0) {
    const bool lockdown = sc.procedure.kind == ProcedureKind::kLockdown;
    out.push_back(lockdown ? "time_to_secure" : "evacuation_time");
    for (const char* m : {"not_safe", "stuck_episodes", "peak_density"}) out.emplace_back(m);
  }
  if (sc.street)
    for (const char* m : {"street.mean_delay", "street.max_queue_tail", "street.spillback", "street.mean_walk",
                          "street.mean_walk_time", "street.conflicts", "street.unfinished"})
      out.emplace_back(m);
  return out;
}

std::string metric_unit(const std::string& name) {
  if (const Plain* p = plain(name)) return std::string(p->unit);
  const auto n = named(name);
  if (!n || n->kind == "exit") return "";
  return n->kind == "flight_peak" ? "P/m2" : "s";
}

double metric_value(const std::string& name, const CompiledScenario& sc, const RunReport& r) {
  if (const Plain* p = plain(name)) {
    if (p->needs == 's' && !r.street) return kNone;
    if (p->needs == 'j' && !r.journeys) return kNone;
    return p->read(sc, r);
  }
  const auto n = named(name);
  if (!n) return kNone;
  if (n->kind == "exit") {
    const auto e = exit_index(sc, n->thing);
    return e && *e < r.exit_counts.size() ? static_cast<double>(r.exit_counts[*e]) : kNone;
  }
  if (n->kind == "flight_peak") {
    const auto s = stair_index(sc, n->thing);
    if (!s || *s >= r.stair_peaks.size()) return kNone;
    return r.stair_peaks[*s].time >= 0.0 ? r.stair_peaks[*s].density : 0.0;
  }
  const auto g = group_index(sc, n->thing);
  if (!g || *g >= r.classes.size()) return kNone;
  return time_or_none(n->kind == "class_assembled" ? r.classes[*g].assembled : r.classes[*g].cleared);
}

}  // namespace campusflow::study
