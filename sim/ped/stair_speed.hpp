#pragma once
// Walking speed on stairs as a fraction of the level speed, by profile and
// direction (docs/models/profiles.md). Fruin's stair speeds as tabled in
// RiMEA (under 30 years: 0.76 m/s down, 0.55 m/s up; impaired 0.42 / 0.32)
// divided by the level speeds of the same groups (1.34 m/s, Weidmann 1993;
// impaired 1.00 m/s); children from Fang et al. 2019 (ages 5-6: stairs
// 0.63 m/s against 0.81 m/s in the corridor, down) with the adults'
// up/down ratio for walking up.
#include <array>

#include "sim/ped/profile.hpp"

namespace campusflow {

struct StairFactors {
  double down;  // [-]
  double up;    // [-]
};

inline constexpr std::array<StairFactors, 5> kStairFactors = {{
    {0.78, 0.56},  // kindergarten: 0.63 / 0.81; up = down x 0.55 / 0.76
    {0.70, 0.51},  // primary: between the young children's and the adults' fractions
    {0.57, 0.41},  // secondary: as adults
    {0.57, 0.41},  // adult: 0.76 / 1.34 and 0.55 / 1.34
    {0.42, 0.32},  // impaired: 0.42 / 1.00 and 0.32 / 1.00
}};

inline const StairFactors& stair_factors(ProfileId id) { return kStairFactors[static_cast<std::size_t>(id)]; }

}  // namespace campusflow
