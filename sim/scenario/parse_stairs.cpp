// Stairs: a straight flight whose two ends are stretches of outline edges of
// two different levels, like exits. Agents leave a level through one end and
// arrive on the other level through the other.
#include <array>
#include <cmath>

#include "sim/scenario/parse_stairs.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 7> kStairKeys = {"name",      "from",        "to",           "length",
                                                        "up_factor", "down_factor", "building_exit"};
constexpr std::array<std::string_view, 2> kEndKeys = {"level", "segment"};
// Both ends of a flight have the flight's width. [m]
constexpr double kWidthTolerance = 0.01;

class StairParser {
 public:
  StairParser(Reader& r, const std::vector<ParsedLevel>& levels) : r_(r), levels_(levels) {
    for (std::size_t i = 0; i < levels.size(); ++i)
      if (!levels[i].spec.name.empty()) {
        level_index_.emplace(levels[i].spec.name, i);
        level_names_.push_back(levels[i].spec.name);
      }
    taken_.resize(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i)
      for (std::size_t k = 0; k < levels[i].spec.exits.size(); ++k)
        taken_[i].push_back({levels[i].spec.exits[k].segment, "levels[" + std::to_string(i) + "].exits[" +
                                                                  std::to_string(k) + "]"});
  }

  std::optional<StairSpec> parse(const json::value& v, const std::string& path, NameTable& names) {
    const json::object* o = r_.object(v, path);
    if (!o) return std::nullopt;
    r_.check_keys(*o, path, kStairKeys);
    StairSpec s;
    s.name = r_.unique_name(*o, path, names);
    bool ok = !s.name.empty();
    const auto from = end(*o, path, "from");
    const auto to = end(*o, path, "to");
    if (const json::value* length = r_.member(*o, path, "length", true)) {
      const auto x = r_.number(*length, key_path(path, "length"), open_closed(0.0, 1000.0));
      ok = ok && x.has_value();
      s.length = x.value_or(0.0);
    } else {
      ok = false;
    }
    ok = r_.optional_flag(*o, path, "building_exit", s.building_exit) && ok;
    ok = factor(*o, path, "up_factor", s.up_factor) && ok;
    ok = factor(*o, path, "down_factor", s.down_factor) && ok;
    if (!from || !to) return std::nullopt;
    if (from->level == to->level) {
      r_.error(key_path(path, "to") + ".level", "\"" + levels_[to->level].spec.name +
                                                    "\": a stair must join two different levels, not a level to itself");
      return std::nullopt;
    }
    const double w_from = from->segment.length(), w_to = to->segment.length();
    if (std::abs(w_from - w_to) > kWidthTolerance) {
      r_.error(key_path(path, "to") + ".segment", "is " + format_number(w_to) + " m wide but \"from\" is " +
                                                      format_number(w_from) + " m; both ends of a flight have its width");
      return std::nullopt;
    }
    const double rise = std::abs(levels_[to->level].spec.elevation - levels_[from->level].spec.elevation);
    if (s.length > 0.0 && s.length + 1e-9 < rise) {
      r_.error(key_path(path, "length"), *o->if_contains("length"),
               "must be at least the rise between the two levels (" + format_number(rise) + " m)");
      return std::nullopt;
    }
    s.from = *from;
    s.to = *to;
    if (!ok) return std::nullopt;
    taken_[from->level].push_back({from->segment, key_path(path, "from")});
    taken_[to->level].push_back({to->segment, key_path(path, "to")});
    return s;
  }

 private:
  std::optional<StairEndSpec> end(const json::object& o, const std::string& path, std::string_view key) {
    const json::value* v = r_.member(o, path, key, true);
    if (!v) return std::nullopt;
    const std::string end_path = key_path(path, key);
    const json::object* e = r_.object(*v, end_path);
    if (!e) return std::nullopt;
    r_.check_keys(*e, end_path, kEndKeys);
    std::optional<std::size_t> level;
    if (const json::value* name = r_.member(*e, end_path, "level", true)) {
      const std::string level_path = key_path(end_path, "level");
      if (const auto s = r_.string(*name, level_path)) {
        const auto it = level_index_.find(*s);
        if (it == level_index_.end())
          r_.error(level_path, *name, unknown_name_rule(*s, level_names_, "level", true));
        else
          level = it->second;
      }
    }
    const json::value* segment = r_.member(*e, end_path, "segment", true);
    if (!level || !segment) return std::nullopt;
    const ParsedLevel& l = levels_[*level];
    const std::string segment_path = key_path(end_path, "segment");
    const auto stretch = read_outline_stretch(r_, *segment, segment_path, l.outline_ok ? &l.spec.outline : nullptr);
    if (!stretch) return std::nullopt;
    for (const auto& [other, owner] : taken_[*level])
      if (stretches_overlap(other, *stretch)) {
        r_.error(segment_path, *segment, "overlaps " + owner);
        return std::nullopt;
      }
    return StairEndSpec{*level, *stretch};
  }

  bool factor(const json::object& o, const std::string& path, std::string_view key, std::optional<double>& into) {
    const json::value* v = r_.member(o, path, key);
    if (!v) return true;
    into = r_.number(*v, key_path(path, key), open_closed(0.0, 2.0));
    return into.has_value();
  }

  Reader& r_;
  const std::vector<ParsedLevel>& levels_;
  std::map<std::string, std::size_t> level_index_;
  std::vector<std::string_view> level_names_;
  std::vector<std::vector<std::pair<Segment, std::string>>> taken_;  // (levels) openings placed so far
};

}  // namespace

std::vector<StairSpec> parse_stairs(Reader& r, const json::value& v, const std::string& path,
                                    const std::vector<ParsedLevel>& levels, NameTable& names) {
  std::vector<StairSpec> out;
  const json::array* list = r.array(v, path);
  if (!list) return out;
  StairParser parser(r, levels);
  for (std::size_t i = 0; i < list->size(); ++i)
    if (auto s = parser.parse((*list)[i], index_path(path, i), names)) out.push_back(std::move(*s));
  return out;
}

}  // namespace campusflow::scenario_parse
