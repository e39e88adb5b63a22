#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "sim/core/random.hpp"

using namespace campusflow;

TEST_CASE("Philox-4x32-10 matches the Random123 known-answer vectors", "[core][random]") {
  // Known-answer tests of Salmon et al. (2011), kat_vectors: philox4x32 10 rounds.
  const auto zero = philox4x32({0, 0, 0, 0}, {0, 0});
  CHECK(zero == std::array<std::uint32_t, 4>{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u});
  const auto ones = philox4x32({0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, {0xffffffffu, 0xffffffffu});
  CHECK(ones == std::array<std::uint32_t, 4>{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu});
}

TEST_CASE("random streams are pure functions of (seed, purpose, entity, step)", "[core][random]") {
  const RandomStream a(7, RandomPurpose::kDesiredSpeed, 3);
  const RandomStream same(7, RandomPurpose::kDesiredSpeed, 3);
  const RandomStream other_seed(8, RandomPurpose::kDesiredSpeed, 3);
  const RandomStream other_purpose(7, RandomPurpose::kPreMovement, 3);
  const RandomStream other_entity(7, RandomPurpose::kDesiredSpeed, 4);
  REQUIRE(a.bits(5) == same.bits(5));
  REQUIRE(a.bits(5) != a.bits(6));
  REQUIRE(a.bits(5) != other_seed.bits(5));
  REQUIRE(a.bits(5) != other_purpose.bits(5));
  REQUIRE(a.bits(5) != other_entity.bits(5));
  REQUIRE(a.bits(5, 0) != a.bits(5, 1));
}

TEST_CASE("uniform draws are in (0, 1) with mean 1/2 and variance 1/12", "[core][random]") {
  const RandomStream s(1, RandomPurpose::kTest, 0);
  constexpr int n = 200000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < n; ++k) {
    const double u = s.uniform01(static_cast<std::uint64_t>(k));
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  // Standard error of the mean: sqrt(1/12 / n) = 6.5e-4; allow 5 of them.
  CHECK(mean == Approx(0.5).margin(3.3e-3));
  CHECK(sum2 / n - mean * mean == Approx(1.0 / 12.0).margin(2e-3));
}

TEST_CASE("standard normal draws have mean 0 and variance 1", "[core][random]") {
  const RandomStream s(2, RandomPurpose::kTest, 9);
  constexpr int n = 100000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < n; ++k) {
    const double z = s.standard_normal(static_cast<std::uint64_t>(k));
    sum += z;
    sum2 += z * z;
  }
  CHECK(sum / n == Approx(0.0).margin(0.016));  // 5 standard errors
  CHECK(sum2 / n == Approx(1.0).margin(0.03));
}
