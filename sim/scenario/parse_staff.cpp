#include "sim/scenario/parse_staff.hpp"

#include <array>
#include <map>

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 10> kStaffKeys = {"name",  "level", "position", "post",  "duty",
                                                         "place", "end",   "rate",     "radius", "until"};
constexpr std::array<std::string_view, 2> kUntilKeys = {"time", "clear"};

// The index of the level a place's owner path starts with ("levels[2].doors[0]"), or -1 (a stair).
long level_of_owner(const std::string& owner) {
  if (owner.rfind("levels[", 0) != 0) return -1;
  return std::stol(owner.substr(7));
}

class StaffParser {
 public:
  StaffParser(Reader& r, const std::vector<ParsedLevel>& levels, const NameTable& places,
              const std::vector<StairSpec>& stairs)
      : r_(r), levels_(levels), places_(places), stairs_(stairs) {
    for (std::size_t i = 0; i < levels.size(); ++i) {
      level_names_.push_back(levels[i].spec.name);
      level_index_.emplace(levels[i].spec.name, i);
    }
    for (const auto& [name, owner] : places) place_names_.push_back(name);
  }

  std::optional<StaffSpec> parse(const json::value& v, const std::string& path) {
    const json::object* o = r_.object(v, path);
    if (!o) return std::nullopt;
    r_.check_keys(*o, path, kStaffKeys);
    StaffSpec s;
    s.name = r_.unique_name(*o, path, names_);
    const std::optional<std::size_t> level = read_level(*o, path, "level", true);
    if (level) s.level = *level;
    s.position = read_spot(*o, path, "position", level).value_or(s.position);
    s.post = read_spot(*o, path, "post", level).value_or(s.post);
    bool duty_ok = false;  // a misspelt duty says nothing of whether a rate belongs
    if (const json::value* duty = r_.member(*o, path, "duty", true)) {
      const std::string duty_path = key_path(path, "duty");
      if (const auto d = r_.string(*duty, duty_path)) {
        for (std::size_t k = 0; k < std::size(kStaffDutyNames); ++k) {
          if (*d != kStaffDutyNames[k]) continue;
          duty_ok = true;
          s.duty = static_cast<StaffDuty>(k);
        }
        if (!duty_ok) r_.error(duty_path, *duty, unknown_name_rule(*d, kStaffDutyNames, "duty", true));
      }
    }
    // A sweep acts on its whole level and ends when done: no place, no stand-down.
    const bool sweep = duty_ok && s.duty == StaffDuty::kSweep;
    if (sweep) {
      for (std::string_view key : {"place", "end", "until"})
        if (const json::value* given = r_.member(*o, path, key))
          r_.error(key_path(path, key), *given, "is not for a sweep: it covers the staff member's level and ends when done");
    } else {
      read_place(*o, path, level, s);
    }
    const json::value* rate = r_.member(*o, path, "rate");
    if (duty_ok && s.duty == StaffDuty::kMeter && !rate)
      r_.error(key_path(path, "rate"), "is required for a meter duty");
    if (duty_ok && s.duty != StaffDuty::kMeter && rate)
      r_.error(key_path(path, "rate"), *rate, "is only for a meter duty");
    const json::value* radius = r_.member(*o, path, "radius");
    if (duty_ok && s.duty == StaffDuty::kDirect && !radius)
      r_.error(key_path(path, "radius"), "is required for a direct duty");
    if (duty_ok && s.duty != StaffDuty::kDirect && radius)
      r_.error(key_path(path, "radius"), *radius, "is only for a direct duty");
    // A marshal's voice and arm carry across a landing or a corridor, not a floor.
    if (radius && duty_ok && s.duty == StaffDuty::kDirect)
      s.radius = r_.number(*radius, key_path(path, "radius"), open_closed(0.0, 20.0)).value_or(0.0);
    // Above 10 P/s a marshal meters nothing: a 2 m stair carries about 2.7 P/s at its design flow.
    if (rate && duty_ok && s.duty == StaffDuty::kMeter)
      s.rate = r_.number(*rate, key_path(path, "rate"), open_closed(0.0, 10.0)).value_or(0.0);
    if (!sweep) read_until(*o, path, s);
    return s;
  }

 private:
  std::optional<std::size_t> read_level(const json::object& o, const std::string& path, std::string_view key,
                                        bool required) {
    const json::value* v = r_.member(o, path, key, required);
    if (!v) return std::nullopt;
    const std::string p = key_path(path, key);
    const auto s = r_.string(*v, p);
    if (!s) return std::nullopt;
    if (const auto it = level_index_.find(*s); it != level_index_.end()) return it->second;
    r_.error(p, *v, unknown_name_rule(*s, level_names_, "level", false));
    return std::nullopt;
  }

  // A point of the level where an adult can stand: inside its outline, outside its obstacles.
  std::optional<Vec2> read_spot(const json::object& o, const std::string& path, std::string_view key,
                                std::optional<std::size_t> level) {
    const json::value* v = r_.member(o, path, key, true);
    if (!v) return std::nullopt;
    const std::string p = key_path(path, key);
    const auto point = read_point(r_, *v, p);
    if (!point || !level || !levels_[*level].outline_ok) return point;
    const LevelSpec& l = levels_[*level].spec;
    if (!contains(l.outline, *point)) {
      r_.error(p, *v, "must lie inside the outline of level \"" + l.name + "\"");
      return std::nullopt;
    }
    for (const Ring& obstacle : l.obstacles) {
      if (!contains(obstacle, *point)) continue;
      r_.error(p, *v, "must not lie inside an obstacle of level \"" + l.name + "\"");
      return std::nullopt;
    }
    return point;
  }

  // The place acted on must be at the staff's level: a door or exit of it, or
  // a stair end there (or, with "end", at the level named).
  void read_place(const json::object& o, const std::string& path, std::optional<std::size_t> level,
                  StaffSpec& s) {
    const json::value* v = r_.member(o, path, "place", true);
    const json::value* end = r_.member(o, path, "end");
    if (!v) return;
    const std::string p = key_path(path, "place");
    const auto name = r_.string(*v, p);
    if (!name) return;
    const auto owner = places_.find(*name);
    if (owner == places_.end()) {
      r_.error(p, *v, unknown_name_rule(*name, place_names_, "door, stair or exit", false));
      return;
    }
    s.place = *name;
    const StairSpec* stair = nullptr;
    for (const StairSpec& st : stairs_)
      if (st.name == *name) stair = &st;
    if (!stair) {
      if (end) r_.error(key_path(path, "end"), *end, "is only for a stair; \"" + *name + "\" is not one");
      const long at = level_of_owner(owner->second);
      if (level && at >= 0 && static_cast<std::size_t>(at) != *level)
        r_.error(p, *v, "must be on the staff member's level \"" + levels_[*level].spec.name + "\"");
      return;
    }
    std::optional<std::size_t> end_level = level;
    if (end) {
      end_level = read_level(o, path, "end", false);
      if (!end_level) return;
      s.end = levels_[*end_level].spec.name;
    }
    // A marshal acts on the end where it stands: "end" names the staff member's own level.
    if (end && end_level && level && *end_level != *level) {
      r_.error(key_path(path, "end"), *end,
               "must be the staff member's level \"" + levels_[*level].spec.name + "\": a duty acts on the end "
               "where its post is");
      return;
    }
    if (end_level && stair->from.level != *end_level && stair->to.level != *end_level)
      r_.error(end ? key_path(path, "end") : p, end ? *end : *v,
               "is a stair with no end on level \"" + levels_[*end_level].spec.name + "\"");
  }

  // {"time": s} or {"clear": "LEVEL"}.
  void read_until(const json::object& o, const std::string& path, StaffSpec& s) {
    const json::value* v = r_.member(o, path, "until", true);
    if (!v) return;
    const std::string p = key_path(path, "until");
    const json::object* u = r_.object(*v, p);
    if (!u) return;
    r_.check_keys(*u, p, kUntilKeys);
    const json::value* time = r_.member(*u, p, "time");
    const json::value* clear = r_.member(*u, p, "clear");
    if ((time != nullptr) == (clear != nullptr)) {
      r_.error(p, "must have exactly one of \"time\" and \"clear\"");
      return;
    }
    if (time) {
      s.until_time = r_.number(*time, key_path(p, "time"), closed(0.0, 86400.0));
      return;
    }
    if (const auto l = read_level(*u, p, "clear", true)) s.until_clear = levels_[*l].spec.name;
  }

  Reader& r_;
  const std::vector<ParsedLevel>& levels_;
  const NameTable& places_;
  const std::vector<StairSpec>& stairs_;
  std::vector<std::string_view> level_names_, place_names_;
  std::map<std::string, std::size_t> level_index_;
  std::map<std::string, std::string> names_;
};

}  // namespace

std::vector<StaffSpec> parse_staff(Reader& r, const json::value& v, const std::string& path,
                                   const std::vector<ParsedLevel>& levels, const NameTable& places,
                                   const std::vector<StairSpec>& stairs) {
  std::vector<StaffSpec> out;
  const json::array* list = r.array(v, path);
  if (!list) return out;
  StaffParser parser(r, levels, places, stairs);
  for (std::size_t i = 0; i < list->size(); ++i)
    if (auto s = parser.parse((*list)[i], index_path(path, i))) out.push_back(std::move(*s));
  return out;
}

}  // namespace campusflow::scenario_parse
