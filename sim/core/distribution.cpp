#include "sim/core/distribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace campusflow {

namespace {

constexpr std::array<std::pair<DistributionKind, std::string_view>, 6> kNames = {{
    {DistributionKind::kConstant, "constant"},
    {DistributionKind::kUniform, "uniform"},
    {DistributionKind::kNormal, "normal"},
    {DistributionKind::kLogNormal, "lognormal"},
    {DistributionKind::kWeibull, "weibull"},
    {DistributionKind::kGamma, "gamma"},
}};

// Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
// ACM TOMS 26(3); shape < 1 uses the boost u^(1/k) (their section 6).
// Each attempt uses counters of its own, so the sample stays a pure function
// of (stream, step). The counters are those of uniform01 in the block
// [base, base + 4096): the boost takes base; attempt k's normal takes
// base + 2 + 2k and the next (standard_normal(n) reads uniforms 2n and
// 2n + 1), its acceptance uniform base + 2048 + k. (They once shared a
// counter: the acceptance test then read one of the normal's own uniforms,
// and exponential checks came out with 14 % too much variance.)
double sample_gamma(double shape, double scale, const RandomStream& s, std::uint64_t step,
                    std::uint32_t base) {
  double boost = 1.0;
  if (shape < 1.0) {
    boost = std::pow(s.uniform01(step, base), 1.0 / shape);
    shape += 1.0;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (std::uint32_t attempt = 0; attempt < 1000; ++attempt) {
    const double z = s.standard_normal(step, base / 2 + 1 + attempt);
    const double v = std::pow(1.0 + c * z, 3);
    if (v <= 0.0) continue;
    const double u = s.uniform01(step, base + 2048 + attempt);
    if (std::log(u) < 0.5 * z * z + d - d * v + d * std::log(v)) return d * v * scale * boost;
  }
  return d * scale * boost;  // unreachable in practice: acceptance rate > 95 %
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

std::string_view to_string(DistributionKind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  return "unknown";
}

std::optional<DistributionKind> distribution_kind_from_string(std::string_view name) {
  for (const auto& [k, n] : kNames)
    if (n == name) return k;
  return std::nullopt;
}

double Distribution::mean() const {
  switch (kind) {
    case DistributionKind::kConstant: return a;
    case DistributionKind::kUniform: return 0.5 * (a + b);
    case DistributionKind::kNormal: return a;
    case DistributionKind::kLogNormal: return std::exp(a + 0.5 * b * b);
    case DistributionKind::kWeibull: return b * std::tgamma(1.0 + 1.0 / a);
    case DistributionKind::kGamma: return a * b;
  }
  return a;
}

double Distribution::cdf(double x) const {
  switch (kind) {
    case DistributionKind::kConstant: return x < a ? 0.0 : 1.0;
    case DistributionKind::kUniform: return std::clamp((x - a) / (b - a), 0.0, 1.0);
    case DistributionKind::kNormal: return normal_cdf((x - a) / b);
    case DistributionKind::kLogNormal: return x <= 0.0 ? 0.0 : normal_cdf((std::log(x) - a) / b);
    case DistributionKind::kWeibull: return x <= 0.0 ? 0.0 : 1.0 - std::exp(-std::pow(x / b, a));
    case DistributionKind::kGamma: {
      // Regularised lower incomplete gamma P(k, x/theta) by its series.
      if (x <= 0.0) return 0.0;
      const double y = x / b;
      double term = 1.0 / a, sum = term;
      for (int n = 1; n < 1000 && term > sum * 1e-15; ++n) {
        term *= y / (a + n);
        sum += term;
      }
      return std::min(1.0, sum * std::exp(-y + a * std::log(y) - std::lgamma(a)));
    }
  }
  return 0.0;
}

double Distribution::sample(const RandomStream& s, std::uint64_t step) const {
  // Each truncation attempt owns a block of 4096 counters.
  constexpr std::uint32_t kBlock = 4096;
  double x = a;
  for (std::uint32_t attempt = 0; attempt < 64; ++attempt) {
    const std::uint32_t base = attempt * kBlock;
    switch (kind) {
      case DistributionKind::kConstant: x = a; break;
      case DistributionKind::kUniform: x = a + (b - a) * s.uniform01(step, base); break;
      case DistributionKind::kNormal: x = a + b * s.standard_normal(step, base); break;
      case DistributionKind::kLogNormal: x = std::exp(a + b * s.standard_normal(step, base)); break;
      case DistributionKind::kWeibull:
        x = b * std::pow(-std::log(s.uniform01(step, base)), 1.0 / a);
        break;
      case DistributionKind::kGamma: x = sample_gamma(a, b, s, step, base); break;
    }
    if (x >= lower && x <= upper) return x;
  }
  return std::clamp(x, lower, upper);
}

double ks_statistic(std::vector<double> samples, const Distribution& d) {
  std::sort(samples.begin(), samples.end());
  const double n = static_cast<double>(samples.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double f = d.cdf(samples[i]);
    worst = std::max({worst, std::abs(f - static_cast<double>(i) / n), std::abs(static_cast<double>(i + 1) / n - f)});
  }
  return worst;
}

}  // namespace campusflow
