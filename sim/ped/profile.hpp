#pragma once
// Built-in pedestrian profiles by age group. Body radius and desired level
// walking speed come from the literature cited in docs/models/profiles.md.
// The radius is half the agent length l of the collision-free speed model
// (Tordeux et al. 2016: l = 0.3 m for adults), the room a person needs in the
// walking direction, not half the shoulder width; children scale with body size.
#include <array>
#include <optional>
#include <string_view>

#include "sim/core/distribution.hpp"

namespace campusflow {

enum class ProfileId { kKindergarten, kPrimary, kSecondary, kAdult, kImpaired };

struct Profile {
  ProfileId id;
  std::string_view name;
  double radius;                // body radius [m]
  Distribution desired_speed;   // free walking speed on the level [m/s]
};

// Truncated normal distribution helper for the table below.
constexpr Distribution truncated_normal(double mean, double sd, double lo, double hi) {
  return {DistributionKind::kNormal, mean, sd, lo, hi};
}

inline constexpr std::array<Profile, 5> kProfiles = {{
    // Ages 3-6: corridor 0.81 +/- 0.40 m/s (Fang et al. 2019); 0.69-1.33 m/s for ages 3-4
    // (Najmanova & Ronchi 2017).
    {ProfileId::kKindergarten, "kindergarten", 0.10, truncated_normal(0.81, 0.40, 0.35, 1.50)},
    // Ages 6-12: mean 0.99 m/s in primary school drills (VALIDATION.md, children and schools).
    {ProfileId::kPrimary, "primary", 0.12, truncated_normal(0.99, 0.20, 0.50, 1.60)},
    // Ages 12-18: adult-like free speed, slightly smaller bodies.
    {ProfileId::kSecondary, "secondary", 0.14, truncated_normal(1.30, 0.20, 0.70, 1.90)},
    // Adults: 1.34 +/- 0.26 m/s (Weidmann 1993).
    {ProfileId::kAdult, "adult", 0.15, truncated_normal(1.34, 0.26, 0.70, 2.00)},
    // People with a mobility impairment: 1.00 +/- 0.42 m/s (Boyce, Shields & Silcock 1999).
    {ProfileId::kImpaired, "impaired", 0.19, truncated_normal(1.00, 0.42, 0.10, 1.70)},
}};

inline const Profile& profile(ProfileId id) { return kProfiles[static_cast<std::size_t>(id)]; }

inline std::optional<ProfileId> profile_from_name(std::string_view name) {
  for (const Profile& p : kProfiles)
    if (p.name == name) return p.id;
  return std::nullopt;
}

}  // namespace campusflow
