#include "render/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace campusflow::render {

sf::Color profile_colour(std::size_t k) {
  // Okabe-Ito: orange, blue, bluish green, reddish purple, vermillion, sky blue, yellow.
  static constexpr std::array<std::array<std::uint8_t, 3>, 7> kColours{{
      {230, 159, 0}, {0, 114, 178}, {0, 158, 115}, {204, 121, 167}, {213, 94, 0}, {86, 180, 233}, {240, 228, 66}}};
  const auto& c = kColours[k % kColours.size()];
  return {c[0], c[1], c[2]};
}

sf::Color ramp_colour(double x) {
  // Control points of viridis at 0, 0.25, 0.5, 0.75, 1.
  static constexpr std::array<std::array<double, 3>, 5> kStops{{
      {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
  const double t = std::clamp(std::isfinite(x) ? x : 0.0, 0.0, 1.0) * (kStops.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  auto mix = [&](int c) {
    return static_cast<std::uint8_t>(std::lround(kStops[i][c] + f * (kStops[i + 1][c] - kStops[i][c])));
  };
  return {mix(0), mix(1), mix(2)};
}

}  // namespace campusflow::render
