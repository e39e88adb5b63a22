#pragma once
// Rows of a gate-traffic result, /campusflow/street (docs/result-format.md,
// definitions in docs/metrics.md). Plain data: sim/io knows nothing of the
// traffic engine; sim/engine fills these from a finished StreetSim.
#include <cstdint>
#include <string>
#include <vector>

namespace campusflow::io {

struct StreetVehicleRow {
  std::int32_t type, route;
  std::int8_t drop_off;
  double wanted, depart, arrival, stop_start, stop_end;  // [s]; -1: never
  std::int32_t zone, stall;
  std::int8_t in_lane_stop;
  double free_flow_time, delay, distance;               // [s], [s] (-1 unfinished), [m]
};

struct StreetPedestrianRow {
  std::int8_t kind;   // 0 from a car, 1 walk-in, 2 from a bus, 3 escorting parent
  double start, arrival, distance, crossing_wait;  // [s], [s] (-1 not arrived), [m], [s]
};

struct SpillbackRow {
  std::int32_t approach;
  double start, end, extent;  // [s], [s], [m] past the spill node
};

struct ThroughputRow {
  std::int32_t zone;
  double bin_start;      // [s], bins of 300 s
  std::int32_t drop_offs;
};

struct ConflictRow {
  std::int8_t kind;      // 0 TTC (vehicle-vehicle), 1 PET (vehicle-pedestrian at a crossing), 2 hard braking
  double time;
  std::int32_t a, b;     // vehicle rows, or vehicle and pedestrian row; -1 none
  double value;          // [s] or [m/s^2]
  double x, y;
};

struct StallRow {
  std::int32_t zone, stall;
  double busy;           // occupied [s]
  std::int32_t services;
};

// One vehicle or pedestrian on the street in one replay frame.
struct StreetFrameRow {
  std::int64_t frame;    // time = frame / street_fps
  std::int8_t kind;      // 0 vehicle, 1 pedestrian
  std::int32_t id;       // row in vehicles / pedestrians
  double x, y;           // [m] centre of a vehicle, position of a pedestrian
  double heading;        // [rad] direction of travel
  double speed;          // [m/s]
};

struct StreetTables {
  std::vector<std::string> vehicle_ids, pedestrian_ids, approach_names, zone_names;
  std::vector<StreetVehicleRow> vehicles;
  std::vector<StreetPedestrianRow> pedestrians;
  std::vector<double> queue_time;          // (samples)
  std::vector<double> queue_tail;          // (samples x approaches), row-major
  std::vector<SpillbackRow> spillback;
  std::vector<ThroughputRow> throughput;
  std::vector<ConflictRow> conflicts;
  std::vector<StallRow> stalls;
  std::uint64_t vehicle_updates = 0;
  double vehicle_dt = 0.25;
};

}  // namespace campusflow::io
