#pragma once
// Simulated time is an integer count of microseconds, so that events compare
// exactly and runs are reproducible (ns-3 and SUMO use integer time for the
// same reason). Conversion to seconds happens only at the edges.
#include <cmath>
#include <cstdint>

namespace campusflow {

using TimeUs = std::int64_t;  // [us]

inline constexpr TimeUs kMicrosPerSecond = 1'000'000;

// Rounds to the nearest microsecond.
inline TimeUs seconds_to_us(double seconds) {
  return static_cast<TimeUs>(std::llround(seconds * static_cast<double>(kMicrosPerSecond)));
}

inline constexpr double us_to_seconds(TimeUs t) {
  return static_cast<double>(t) / static_cast<double>(kMicrosPerSecond);
}

}  // namespace campusflow
