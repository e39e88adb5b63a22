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

// Steps by the street's own tick until everything finished; returns the
// time reached [s]. (Runs step the street as an event of Simulation's queue;
// a unit test of the street model steps it alone.)
inline double run_street(StreetSim& sim, double limit) {
  const double dt = sim.street().spec.vehicle_dt;
  std::int64_t k = 0;
  for (; static_cast<double>(k) * dt < limit && !sim.finished(); ++k) sim.step(static_cast<double>(k) * dt, dt);
  return static_cast<double>(k) * dt;
}

}  // namespace campusflow::test
