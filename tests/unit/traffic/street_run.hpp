#pragma once
// Runs a compiled street to the end (or a time limit) for unit tests.
#include <catch2/catch.hpp>

#include "sim/traffic/street_sim.hpp"

namespace campusflow::test {

inline CompiledStreet compile_or_fail(const StreetSpec& spec, std::uint64_t seed = 42) {
  Diagnostics diags("test");
  auto c = compile_street(spec, seed, diags);
  for (const auto& m : diags.messages()) UNSCOPED_INFO(m);
  REQUIRE(c);
  return std::move(*c);
}

// Steps until everything finished; returns the time reached [s].
inline double run_street(StreetSim& sim, double limit, double dt = 0.25) {
  double t = 0.0;
  while (t < limit && !sim.finished()) {
    sim.step(t, dt);
    t += dt;
  }
  return t;
}

}  // namespace campusflow::test
