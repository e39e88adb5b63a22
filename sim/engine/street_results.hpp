#pragma once
// The gate-traffic part of a run: what a finished StreetSim did, as figures
// and as the tables of /campusflow/street.
#include <vector>
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
  double wall_time = 0.0;           // [s] the street's ticks and its replay frames
  double step_time = 0.0;           // [s] of it in the ticks alone (no output)
  std::size_t drop_offs = 0;        // stops completed
  double mean_delay = -1.0;         // [s] of drop-off cars that left; -1 none
  // [s] pick-up vehicles (cars and buses) from stopping in their stall to
  // pulling out, of those that did: what parents wait; -1 none
  double mean_pick_up_dwell = -1.0;
  double max_queue_tail = 0.0;      // [m] over all approaches
  double spillback_seconds = 0.0;   // [s] summed over approaches
  // Pupils dropped off, from the car door to the gate, of those who arrived
  // (what a no-car zone costs them); -1 when none arrived.
  double mean_walk = -1.0;          // [m]
  double max_walk = -1.0;           // [m]
  double mean_walk_time = -1.0;     // [s], crossing waits included
  std::size_t conflicts = 0;        // TTC, PET and hard-braking events (docs/metrics.md)
  // The gates' entry checks: pupils checked, their mean wait in line from
  // joining it to being called [s] (-1 none checked), the longest line.
  std::size_t checked = 0;
  double mean_check_wait = -1.0;
  std::size_t max_check_line = 0;
};

// What the street of a run did, once it has finished or the run stopped at
// `end_time` [s]; the times spent are the caller's to fill in.
StreetReport street_report(const StreetSim& sim, double end_time);

// The vehicles on the road and the pedestrians walking, as replay rows appended to `rows`.
void append_street_frame(const StreetSim& sim, std::int64_t frame, double time, std::vector<io::StreetFrameRow>& rows);

// The tables of /campusflow/street, the street's geometry included.
io::StreetTables street_tables(const StreetSim& sim);

}  // namespace campusflow
