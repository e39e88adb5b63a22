#include "sim/core/random.hpp"

#include <cmath>
#include <numbers>

namespace campusflow {

namespace {
constexpr std::uint32_t kMul0 = 0xD2511F53u;
constexpr std::uint32_t kMul1 = 0xCD9E8D57u;
constexpr std::uint32_t kWeyl0 = 0x9E3779B9u;
constexpr std::uint32_t kWeyl1 = 0xBB67AE85u;

std::uint32_t hi32(std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); }
std::uint32_t lo32(std::uint64_t v) { return static_cast<std::uint32_t>(v); }
}  // namespace

std::array<std::uint32_t, 4> philox4x32(std::array<std::uint32_t, 4> c,
                                        std::array<std::uint32_t, 2> k) {
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = static_cast<std::uint64_t>(kMul0) * c[0];
    const std::uint64_t p1 = static_cast<std::uint64_t>(kMul1) * c[2];
    c = {hi32(p1) ^ c[1] ^ k[0], lo32(p1), hi32(p0) ^ c[3] ^ k[1], lo32(p0)};
    k[0] += kWeyl0;
    k[1] += kWeyl1;
  }
  return c;
}

std::uint64_t RandomStream::bits(std::uint64_t step, std::uint32_t index) const {
  // Counter: (entity, step, purpose, index); key: seed.
  const std::array<std::uint32_t, 4> counter = {
      lo32(entity_), hi32(entity_) ^ lo32(step), hi32(step) ^ static_cast<std::uint32_t>(purpose_),
      index};
  // The step is folded into two words; add it again through the key so that
  // (entity, step) pairs that collide in the xor still differ.
  const std::array<std::uint32_t, 2> key = {lo32(seed_) ^ hi32(step) * 0x85EBCA6Bu,
                                            hi32(seed_) ^ lo32(step) * 0xC2B2AE35u};
  const auto r = philox4x32(counter, key);
  return (static_cast<std::uint64_t>(r[0]) << 32) | r[1];
}

double RandomStream::uniform01(std::uint64_t step, std::uint32_t index) const {
  // 53 random mantissa bits, shifted by half an ulp so the result is in (0, 1).
  const std::uint64_t b = bits(step, index) >> 11;
  return (static_cast<double>(b) + 0.5) * 0x1.0p-53;
}

double RandomStream::standard_normal(std::uint64_t step, std::uint32_t index) const {
  const double u1 = uniform01(step, 2 * index);
  const double u2 = uniform01(step, 2 * index + 1);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace campusflow
