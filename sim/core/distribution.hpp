#pragma once
// Probability distributions for desired speeds and pre-movement times, sampled
// from counter-based streams so a sample depends only on (seed, purpose,
// entity), never on the order agents are created in.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/core/random.hpp"

namespace campusflow {

enum class DistributionKind { kConstant, kUniform, kNormal, kLogNormal, kWeibull, kGamma };

std::string_view to_string(DistributionKind kind);
std::optional<DistributionKind> distribution_kind_from_string(std::string_view name);

// Parameters by kind (unused ones stay 0):
//   constant:  value
//   uniform:   min, max
//   normal:    mean, sd
//   lognormal: mu, sigma   (of the natural logarithm)
//   weibull:   shape k, scale lambda
//   gamma:     shape k, scale theta
// Every kind may be truncated to [lower, upper] (resampling, then clamping).
struct Distribution {
  DistributionKind kind = DistributionKind::kConstant;
  double a = 0.0;  // value | min | mean | mu | shape
  double b = 0.0;  // max | sd | sigma | scale
  double lower = -1e300;
  double upper = 1e300;

  static Distribution constant(double v) { return {DistributionKind::kConstant, v, 0.0}; }
  static Distribution uniform(double lo, double hi) { return {DistributionKind::kUniform, lo, hi}; }
  static Distribution normal(double mean, double sd) { return {DistributionKind::kNormal, mean, sd}; }

  // The mean of the untruncated distribution.
  double mean() const;
  // The cumulative distribution function of the untruncated distribution.
  double cdf(double x) const;
  // One sample for `step` of `stream`; draws only from that step's counters.
  double sample(const RandomStream& stream, std::uint64_t step = 0) const;
};

// Kolmogorov-Smirnov statistic of `samples` against d's CDF: the largest gap
// between the empirical and the assigned distribution function.
double ks_statistic(std::vector<double> samples, const Distribution& d);

}  // namespace campusflow
