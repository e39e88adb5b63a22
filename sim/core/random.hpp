#pragma once
// Counter-based random numbers: every draw is a pure function of
// (seed, purpose, entity, step, index), computed with Philox-4x32-10
// (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011).
// No generator state is shared between threads, so results do not depend on
// how work is split (ns-3 seed/run/stream; Box2D determinism).
#include <array>
#include <cstdint>

namespace campusflow {

// What a random number is for. Streams of different purposes never overlap.
enum class RandomPurpose : std::uint32_t {
  kSpawnPlacement = 1,
  kDesiredSpeed = 2,
  kPreMovement = 3,
  kMovementNoise = 4,
  kStreetDemand = 5,      // drawn vehicles and walk-ins
  kDriverCompliance = 6,  // who obeys the no-car zone
  kStreetWalkSpeed = 7,   // pupils' walking speed on the street
  kEntryCheck = 8,        // how long a pupil's check at the gate takes
  kWayHome = 9,           // which pupils their parents fetch by car (the pairing)
  kTest = 0xFFFF,
};

// Philox-4x32 with 10 rounds: maps a 128-bit counter and a 64-bit key to
// 128 random bits.
std::array<std::uint32_t, 4> philox4x32(std::array<std::uint32_t, 4> counter,
                                        std::array<std::uint32_t, 2> key);

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, RandomPurpose purpose, std::uint64_t entity)
      : seed_(seed), purpose_(purpose), entity_(entity) {}

  // 64 random bits for draw `index` at `step`.
  std::uint64_t bits(std::uint64_t step, std::uint32_t index = 0) const;

  // Uniform in the open interval (0, 1): never 0, so log() is safe.
  double uniform01(std::uint64_t step, std::uint32_t index = 0) const;

  // Standard normal by Box-Muller from draws 2*index and 2*index+1.
  double standard_normal(std::uint64_t step, std::uint32_t index = 0) const;

 private:
  std::uint64_t seed_;
  RandomPurpose purpose_;
  std::uint64_t entity_;
};

}  // namespace campusflow
