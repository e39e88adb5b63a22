// Timed events: {"time": 30, "action": "block", "target": "stair B"}, and a
// stair blocked at one end: {"time": 30, "action": "block", "target": "stair B", "end": "floor 1"}.
#include <array>
#include <vector>

#include "sim/scenario/parse_stairs.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 4> kEventKeys = {"time", "action", "target", "end"};
constexpr std::array<std::string_view, 4> kActions = {"close", "open", "block", "unblock"};

bool is_door(const std::string& owner_path) { return owner_path.find(".doors[") != std::string::npos; }

const StairSpec* stair_named(const std::vector<StairSpec>& stairs, const std::string& name) {
  for (const StairSpec& s : stairs)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

std::vector<EventSpec> parse_events(Reader& r, const json::value& v, const std::string& path,
                                    const NameTable& names, const std::vector<StairSpec>& stairs,
                                    const std::vector<ParsedLevel>& levels) {
  std::vector<EventSpec> out;
  const json::array* list = r.array(v, path);
  if (!list) return out;
  std::vector<std::string_view> known;
  for (const auto& [name, owner] : names) known.push_back(name);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string event_path = index_path(path, i);
    const json::object* o = r.object((*list)[i], event_path);
    if (!o) continue;
    r.check_keys(*o, event_path, kEventKeys);
    EventSpec e;
    bool ok = true;
    if (const json::value* t = r.member(*o, event_path, "time", true)) {
      const auto x = r.number(*t, key_path(event_path, "time"), closed(0.0, 86400.0));
      ok = x.has_value();
      e.time = x.value_or(0.0);
    } else {
      ok = false;
    }
    std::optional<std::size_t> action;
    if (const json::value* a = r.member(*o, event_path, "action", true)) {
      const std::string action_path = key_path(event_path, "action");
      if (const auto s = r.string(*a, action_path)) {
        for (std::size_t k = 0; k < kActions.size(); ++k)
          if (kActions[k] == *s) action = k;
        if (!action) r.error(action_path, *a, unknown_name_rule(*s, kActions, "action", true));
      }
    }
    const json::value* target = r.member(*o, event_path, "target", true);
    if (!target || !action) continue;
    const std::string target_path = key_path(event_path, "target");
    const auto name = r.string(*target, target_path);
    if (!name) continue;
    const auto owner = names.find(*name);
    if (owner == names.end()) {
      r.error(target_path, *target, unknown_name_rule(*name, known, "door, stair or exit", false));
      continue;
    }
    e.kind = static_cast<EventKind>(*action);
    if ((e.kind == EventKind::kClose || e.kind == EventKind::kOpen) && !is_door(owner->second)) {
      r.error(target_path, *target, "is " + owner->second + ", not a door; only doors open and close (use block)");
      continue;
    }
    e.target = *name;
    if (const json::value* end = r.member(*o, event_path, "end")) {
      const std::string end_path = key_path(event_path, "end");
      const auto level = r.string(*end, end_path);
      const StairSpec* stair = stair_named(stairs, *name);
      if (!level) {
        ok = false;
      } else if (!stair) {
        r.error(end_path, *end, "is given, but \"" + *name + "\" is not a stair (it is " + owner->second +
                                    "); only a stair is blocked at one end");
        ok = false;
      } else if (e.kind != EventKind::kBlock && e.kind != EventKind::kUnblock) {
        r.error(end_path, *end, "an end is blocked or unblocked, not closed or opened");
        ok = false;
      } else {
        const std::string& from = levels[stair->from.level].spec.name;
        const std::string& to = levels[stair->to.level].spec.name;
        if (*level != from && *level != to) {
          r.error(end_path, *end, "is not a level at an end of stair \"" + *name + "\" (its ends are on \"" + from +
                                      "\" and \"" + to + "\")");
          ok = false;
        }
        e.end = *level;
      }
    }
    if (ok) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace campusflow::scenario_parse
