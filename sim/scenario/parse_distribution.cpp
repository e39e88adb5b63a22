#include "sim/scenario/parse_distribution.hpp"

#include <array>
#include <vector>

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"constant", "uniform",  "normal",
                                                        "lognormal", "weibull", "gamma"};

// The values a quantity may take, and the truncation used when the file
// gives none. Below 0.05 m/s an agent is standing, above 3 m/s running, which
// the walking models do not cover; pre-movement is capped at an hour so an
// unbounded tail cannot hold a drill open forever.
struct Support {
  Range allowed;
  double default_lower;
  double default_upper;
};

Support support(Quantity q) {
  if (q == Quantity::kDesiredSpeed) return {closed(0.05, 3.0), 0.05, 3.0};
  return {at_least(0.0), 0.0, 3600.0};
}

// The first two parameters of each kind (Distribution::a, ::b) and their ranges.
struct Params {
  std::string_view a_key;
  Range a_range;
  std::string_view b_key;
  Range b_range;
};

Params params(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::kNormal: return {"mean", Range{}, "sd", above(0.0)};
    case DistributionKind::kLogNormal: return {"mu", Range{}, "sigma", above(0.0)};
    case DistributionKind::kWeibull:
    case DistributionKind::kGamma: return {"shape", above(0.0), "scale", above(0.0)};
    default: return {};
  }
}

// A member read as a number: absent, present and bad (already reported), or good.
struct Number {
  const json::value* json = nullptr;
  std::optional<double> value;
  bool bad() const { return json && !value; }
};

Number read(Reader& r, const json::object& o, const std::string& path, std::string_view key,
            bool required, const Range& range) {
  Number n;
  n.json = r.member(o, path, key, required);
  if (n.json) n.value = r.number(*n.json, key_path(path, key), range);
  return n;
}

std::optional<Distribution> parse_constant(Reader& r, const json::object& o, const std::string& path,
                                           const Support& s) {
  r.check_keys(o, path, std::array<std::string_view, 2>{"distribution", "value"});
  const Number value = read(r, o, path, "value", true, s.allowed);
  if (!value.value) return std::nullopt;
  return Distribution::constant(*value.value);
}

std::optional<Distribution> parse_uniform(Reader& r, const json::object& o, const std::string& path,
                                          const Support& s) {
  r.check_keys(o, path, std::array<std::string_view, 3>{"distribution", "min", "max"});
  const Number lo = read(r, o, path, "min", true, s.allowed);
  const Number hi = read(r, o, path, "max", true, s.allowed);
  if (!lo.value || !hi.value) return std::nullopt;
  if (!(*lo.value < *hi.value)) {
    r.error(key_path(path, "max"), *hi.json, "must be > min (" + format_number(*lo.value) + ")");
    return std::nullopt;
  }
  Distribution d = Distribution::uniform(*lo.value, *hi.value);
  d.lower = *lo.value;
  d.upper = *hi.value;
  return d;
}

// normal, lognormal, weibull, gamma: two parameters and optional truncation.
std::optional<Distribution> parse_truncated(Reader& r, const json::object& o, const std::string& path,
                                            DistributionKind kind, const Support& s) {
  const Params p = params(kind);
  r.check_keys(o, path, std::array<std::string_view, 5>{"distribution", p.a_key, p.b_key, "min", "max"});
  const Number a = read(r, o, path, p.a_key, true, p.a_range);
  const Number b = read(r, o, path, p.b_key, true, p.b_range);
  const Number lo = read(r, o, path, "min", false, s.allowed);
  const Number hi = read(r, o, path, "max", false, s.allowed);
  if (!a.value || !b.value || lo.bad() || hi.bad()) return std::nullopt;
  const double lower = lo.value.value_or(s.default_lower);
  const double upper = hi.value.value_or(s.default_upper);
  if (!(lower < upper)) {
    if (hi.json) {
      const std::string what = lo.json ? "min (" : "default min (";
      r.error(key_path(path, "max"), *hi.json, "must be > " + what + format_number(lower) + ")");
    } else {
      r.error(key_path(path, "min"), *lo.json, "must be < default max (" + format_number(upper) + ")");
    }
    return std::nullopt;
  }
  return Distribution{kind, *a.value, *b.value, lower, upper};
}

}  // namespace

std::optional<Distribution> parse_distribution(Reader& reader, const json::value& v,
                                               const std::string& path, Quantity quantity) {
  const json::object* o = reader.object(v, path);
  if (!o) return std::nullopt;
  const json::value* kind_json = reader.member(*o, path, "distribution", true);
  if (!kind_json) return std::nullopt;
  const std::string kind_path = key_path(path, "distribution");
  const auto name = reader.string(*kind_json, kind_path);
  if (!name) return std::nullopt;
  const auto kind = distribution_kind_from_string(*name);
  if (!kind) {
    // Without a kind the other keys cannot be judged, so they are not.
    reader.error(kind_path, *kind_json, unknown_name_rule(*name, kKindNames, "distribution", true));
    return std::nullopt;
  }
  const Support s = support(quantity);
  switch (*kind) {
    case DistributionKind::kConstant: return parse_constant(reader, *o, path, s);
    case DistributionKind::kUniform: return parse_uniform(reader, *o, path, s);
    default: return parse_truncated(reader, *o, path, *kind, s);
  }
}

}  // namespace campusflow::scenario_parse
