#include "study/study_plan.hpp"

#include "study/run_row.hpp"

#include <boost/json/serialize.hpp>
#include <cmath>

namespace campusflow::study {

namespace {

namespace json = boost::json;

// What a target receives for the factor's value x.
json::value target_value(const FactorTarget& t, const json::value& x) {
  if (!t.linear) return x;
  const double y = t.scale * x.to_number<double>() + t.offset;
  // Whole numbers stay integers: a count or an index may be a target.
  if (y == std::round(y) && std::abs(y) < 9e15) return static_cast<std::int64_t>(y);
  return y;
}

StudyCase make_case(const StudySpec& spec, std::size_t variant, const std::vector<std::size_t>& levels) {
  const StudyVariant& v = spec.variants[variant];
  StudyCase c;
  c.variant = variant;
  c.levels = levels;
  c.scenario.variant = v.file_variant;
  c.scenario.sets = v.sets;
  c.label = spec.base_only && !spec.factors.empty() ? "" : v.name;
  for (std::size_t f = 0; f < spec.factors.size(); ++f) {
    const Factor& factor = spec.factors[f];
    const json::value& x = factor.values[levels[f]];
    const std::string shown = value_text(x) + (factor.unit.empty() ? "" : " " + factor.unit);
    if (!c.label.empty()) c.label += ", ";
    c.label += factor.name + " = " + shown;
    for (std::size_t t = 0; t < factor.targets.size(); ++t)
      c.scenario.sets.push_back({factor.targets[t].pointer, target_value(factor.targets[t], x),
                                 "factor \"" + factor.name + "\" = " + value_text(x) + " (factors[" + std::to_string(f) +
                                     "].set[" + std::to_string(t) + "])"});
  }
  return c;
}

}  // namespace

std::string value_text(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_double()) return number_text(v.get_double());  // 0.1, not Boost.JSON's 1E-1
  return json::serialize(v);
}

StudyPlan plan_study(const StudySpec& spec) {
  StudyPlan plan;
  for (std::size_t v = 0; v < spec.variants.size(); ++v) {
    // An odometer over the factors' levels, the last factor turning fastest.
    std::vector<std::size_t> levels(spec.factors.size(), 0);
    while (true) {
      plan.cases.push_back(make_case(spec, v, levels));
      std::size_t f = levels.size();
      while (f > 0 && ++levels[f - 1] == spec.factors[f - 1].values.size()) levels[--f] = 0;
      if (f == 0) break;
    }
  }
  for (std::size_t c = 0; c < plan.cases.size(); ++c)
    for (std::uint64_t seed : spec.seeds) plan.runs.push_back({c, seed});
  return plan;
}

}  // namespace campusflow::study
