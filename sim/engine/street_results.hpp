#pragma once
// The gate-traffic part of a run: stepping the street to its end and turning
// a finished StreetSim into the tables of /campusflow/street.
#include <atomic>
#include <cstdint>

#include "sim/io/street_records.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

struct StreetReport {
  double end_time = 0.0;            // [s] when everything finished, or the time limit
  bool finished = false;            // every vehicle that entered left, every pupil arrived
  std::size_t vehicles = 0, unfinished = 0, pedestrians = 0;
  std::uint64_t vehicle_updates = 0;
  std::uint64_t state_hash = 0;
};

// Steps `sim` by its vehicle tick until it has finished, `time_limit` [s] is
// reached or `stop` is set.
StreetReport run_street(StreetSim& sim, double time_limit, const std::atomic<bool>* stop);

io::StreetTables street_tables(const StreetSim& sim);

}  // namespace campusflow
