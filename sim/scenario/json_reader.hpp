#pragma once
// Typed access to a parsed JSON document for parse_scenario. Every mismatch is
// reported to Diagnostics with the value's JSON path and the caller gets an
// empty optional, so parsing goes on and one run lists every problem
// (STYLE.md rule 1). Internal to sim/scenario.
#include <boost/json/value.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sim/core/diagnostics.hpp"

namespace campusflow::scenario_parse {

namespace json = boost::json;

// Paths as in messages: levels[1].exits[3].width. Keys that are not plain
// identifiers are written as ["odd key"] so the path stays unambiguous.
std::string key_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);

// Shortest text that reads back as x ("0.05", "86400", "1e+06").
std::string format_number(double x);
// Cuts text longer than ~40 characters to 37 plus "...", on a UTF-8 boundary.
std::string shorten(std::string text);

std::size_t edit_distance(std::string_view a, std::string_view b);
// The first candidate at the smallest edit distance, if that distance is <= 2.
std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates);
// The rule for a name that is not in a vocabulary: `names no <what>`, then a
// suggestion when one is close, else (when list_choices) the whole vocabulary.
std::string unknown_name_rule(std::string_view word, std::span<const std::string_view> candidates,
                              std::string_view what, bool list_choices);

// An interval of allowed numbers; an open end excludes its bound.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  bool lo_open = false;
  double hi = std::numeric_limits<double>::infinity();
  bool hi_open = false;

  bool contains(double x) const;
  std::string rule() const;  // "must be > 0 and <= 0.5"
};
inline Range above(double lo) { return {lo, true}; }
inline Range at_least(double lo) { return {lo, false}; }
inline Range open_closed(double lo, double hi) { return {lo, true, hi, false}; }
inline Range closed(double lo, double hi) { return {lo, false, hi, false}; }

class Reader {
 public:
  // overflow_literals: the source text of numbers that parsed to +-inf, by
  // path, so messages can quote what the user wrote (1e999), not "Infinity".
  Reader(Diagnostics& diags, std::map<std::string, std::string> overflow_literals)
      : diags_(diags), overflow_literals_(std::move(overflow_literals)) {}

  void error(const std::string& path, const json::value& value, std::string rule);
  void error(const std::string& path, std::string rule);
  // Compact JSON text of the value, shortened.
  std::string render(const json::value& value, const std::string& path) const;

  const json::object* object(const json::value& v, const std::string& path);
  const json::array* array(const json::value& v, const std::string& path);
  std::optional<std::string> string(const json::value& v, const std::string& path);
  std::optional<std::string> nonempty_string(const json::value& v, const std::string& path);
  std::optional<double> number(const json::value& v, const std::string& path, const Range& range = {});
  std::optional<bool> boolean(const json::value& v, const std::string& path);
  // An optional true/false member `key` of o, read into `into` when present;
  // false when present but not a boolean (reported).
  bool optional_flag(const json::object& o, const std::string& path, std::string_view key, bool& into);
  // A whole number (2.0 counts, as in JSON Schema) >= min and < 2^64.
  std::optional<std::uint64_t> integer(const json::value& v, const std::string& path,
                                       std::uint64_t min = 0);

  // The required, non-empty "name" of the object at `path`, registered in
  // `taken` (name -> path of its owner); a name already taken is reported
  // with its first owner. Empty when missing or invalid.
  std::string unique_name(const json::object& o, const std::string& path,
                          std::map<std::string, std::string>& taken);

  // Reports every key of o not in allowed, in document order.
  void check_keys(const json::object& o, const std::string& path,
                  std::span<const std::string_view> allowed);
  // The member, or nullptr; a missing required member is reported as "is required".
  const json::value* member(const json::object& o, const std::string& path, std::string_view key,
                            bool required = false);

 private:
  void render_into(const json::value& v, const std::string& path, std::string& out) const;

  Diagnostics& diags_;
  std::map<std::string, std::string> overflow_literals_;
};

}  // namespace campusflow::scenario_parse
