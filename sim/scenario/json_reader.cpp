#include "sim/scenario/json_reader.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <vector>

namespace campusflow::scenario_parse {

namespace {

constexpr std::size_t kMaxValueChars = 40;

bool is_identifier(std::string_view key) {
  if (key.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(key.front())) return false;
  return std::all_of(key.begin(), key.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

std::string quoted(std::string_view s) {
  return shorten(json::serialize(json::string_view(s.data(), s.size())));
}

double to_double(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  return v.get_double();
}

}  // namespace

std::string key_path(std::string_view parent, std::string_view key) {
  if (!is_identifier(key)) return std::string(parent) + "[" + quoted(key) + "]";
  std::string k = shorten(std::string(key));
  return parent.empty() ? k : std::string(parent) + "." + k;
}

std::string index_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string format_number(double x) {
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, result.ptr);
}

std::string shorten(std::string text) {
  if (text.size() <= kMaxValueChars) return text;
  std::size_t cut = kMaxValueChars - 3;
  // Never split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "...";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (std::string_view c : candidates) {
    // A length gap above 2 already rules the candidate out; skipping it keeps
    // a pathological megabyte-long key from costing a full distance matrix.
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap > 2) continue;
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string unknown_name_rule(std::string_view word, std::span<const std::string_view> candidates,
                              std::string_view what, bool list_choices) {
  std::string rule = "names no " + std::string(what);
  if (const auto c = closest(word, candidates)) return rule + "; did you mean " + quoted(*c) + "?";
  if (!list_choices) return rule;
  rule += "; choose one of ";
  for (std::size_t i = 0; i < candidates.size(); ++i) rule += (i ? ", " : "") + std::string(candidates[i]);
  return rule;
}

bool Range::contains(double x) const {
  const bool lo_ok = lo_open ? x > lo : x >= lo;
  const bool hi_ok = hi_open ? x < hi : x <= hi;
  return lo_ok && hi_ok;
}

std::string Range::rule() const {
  const bool has_lo = std::isfinite(lo);
  const bool has_hi = std::isfinite(hi);
  std::string s = "must be";
  if (has_lo) s += (lo_open ? " > " : " >= ") + format_number(lo);
  if (has_lo && has_hi) s += " and";
  if (has_hi) s += (hi_open ? " < " : " <= ") + format_number(hi);
  return s;
}

void Reader::error(const std::string& path, const json::value& value, std::string rule) {
  diags_.error(path, render(value, path), std::move(rule));
}

void Reader::error(const std::string& path, std::string rule) { diags_.error(path, "", std::move(rule)); }

std::string Reader::render(const json::value& value, const std::string& path) const {
  std::string out;
  render_into(value, path, out);
  return shorten(std::move(out));
}

void Reader::render_into(const json::value& v, const std::string& path, std::string& out) const {
  // Past the cut nothing more is shown, so stop early: a huge array costs
  // no more than a small one.
  if (out.size() > kMaxValueChars) return;
  switch (v.kind()) {
    case json::kind::null: out += "null"; break;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case json::kind::int64: out += std::to_string(v.get_int64()); break;
    case json::kind::uint64: out += std::to_string(v.get_uint64()); break;
    case json::kind::double_: {
      const double d = v.get_double();
      const auto it = overflow_literals_.find(path);
      if (std::isfinite(d)) out += format_number(d);
      else if (it != overflow_literals_.end()) out += it->second;
      else out += json::serialize(v);
      break;
    }
    case json::kind::string: {
      const json::string& s = v.get_string();
      out += quoted(std::string_view(s.data(), std::min<std::size_t>(s.size(), 2 * kMaxValueChars)));
      break;
    }
    case json::kind::array: {
      out += '[';
      const json::array& a = v.get_array();
      for (std::size_t i = 0; i < a.size() && out.size() <= kMaxValueChars; ++i) {
        if (i) out += ',';
        render_into(a[i], index_path(path, i), out);
      }
      out += ']';
      break;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (out.size() > kMaxValueChars) break;
        if (!first) out += ',';
        first = false;
        out += quoted(kv.key()) + ":";
        render_into(kv.value(), key_path(path, kv.key()), out);
      }
      out += '}';
      break;
    }
  }
}

const json::object* Reader::object(const json::value& v, const std::string& path) {
  if (v.is_object()) return &v.get_object();
  error(path, v, "must be an object");
  return nullptr;
}

const json::array* Reader::array(const json::value& v, const std::string& path) {
  if (v.is_array()) return &v.get_array();
  error(path, v, "must be an array");
  return nullptr;
}

std::optional<std::string> Reader::string(const json::value& v, const std::string& path) {
  if (v.is_string()) return std::string(v.get_string());
  error(path, v, "must be a string");
  return std::nullopt;
}

std::optional<std::string> Reader::nonempty_string(const json::value& v, const std::string& path) {
  auto s = string(v, path);
  if (s && s->empty()) {
    error(path, v, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<double> Reader::number(const json::value& v, const std::string& path, const Range& range) {
  if (!v.is_number()) {
    error(path, v, "must be a number");
    return std::nullopt;
  }
  const double d = to_double(v);
  if (!std::isfinite(d)) {
    error(path, v, "must be finite");
    return std::nullopt;
  }
  if (!range.contains(d)) {
    error(path, v, range.rule());
    return std::nullopt;
  }
  return d;
}

std::optional<std::uint64_t> Reader::integer(const json::value& v, const std::string& path,
                                             std::uint64_t min) {
  const std::string below_min = "must be >= " + std::to_string(min);
  std::optional<std::uint64_t> out;
  if (v.is_int64()) {
    if (v.get_int64() >= 0) out = static_cast<std::uint64_t>(v.get_int64());
    else error(path, v, below_min);
  } else if (v.is_uint64()) {
    out = v.get_uint64();
  } else if (!v.is_double()) {
    error(path, v, "must be an integer");
  } else if (const double d = v.get_double(); !std::isfinite(d)) {
    error(path, v, "must be finite");
  } else if (d != std::floor(d)) {
    error(path, v, "must be an integer");
  } else if (d < 0.0) {
    error(path, v, below_min);
  } else if (d >= 18446744073709551616.0) {
    error(path, v, "must be < 2^64");
  } else {
    out = static_cast<std::uint64_t>(d);
  }
  if (out && *out < min) {
    error(path, v, below_min);
    return std::nullopt;
  }
  return out;
}

void Reader::check_keys(const json::object& o, const std::string& path,
                        std::span<const std::string_view> allowed) {
  for (const auto& kv : o) {
    const std::string_view key(kv.key().data(), kv.key().size());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string rule = "unknown key";
    if (const auto c = closest(key, allowed)) rule += "; did you mean " + quoted(*c) + "?";
    error(key_path(path, key), std::move(rule));
  }
}

const json::value* Reader::member(const json::object& o, const std::string& path, std::string_view key,
                                  bool required) {
  const json::value* v = o.if_contains(json::string_view(key.data(), key.size()));
  if (!v && required) error(key_path(path, key), "is required");
  return v;
}

std::optional<bool> Reader::boolean(const json::value& v, const std::string& path) {
  if (v.is_bool()) return v.get_bool();
  error(path, v, "must be true or false");
  return std::nullopt;
}

bool Reader::optional_flag(const json::object& o, const std::string& path, std::string_view key, bool& into) {
  const json::value* v = member(o, path, key);
  if (!v) return true;
  const auto b = boolean(*v, key_path(path, key));
  if (b) into = *b;
  return b.has_value();
}

std::string Reader::unique_name(const json::object& o, const std::string& path,
                                std::map<std::string, std::string>& taken) {
  const json::value* name = member(o, path, "name", true);
  if (!name) return {};
  const std::string name_path = key_path(path, "name");
  auto s = nonempty_string(*name, name_path);
  if (!s) return {};
  if (const auto [it, fresh] = taken.emplace(*s, path); !fresh)
    error(name_path, *name, "is already used by " + it->second);
  return std::move(*s);
}

}  // namespace campusflow::scenario_parse
