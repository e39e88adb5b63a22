#pragma once
// Rows of a gate-traffic result, /campusflow/street (docs/result-format.md,
// definitions in docs/metrics.md). Plain data: sim/io knows nothing of the
// traffic engine; sim/engine fills these from a finished StreetSim.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace campusflow::io {

struct StreetVehicleRow {
  std::int32_t type, route;
  std::int8_t drop_off;
  double wanted, depart, arrival, stop_start, stop_end;  // [s]; -1: never
  std::int32_t zone, stall;
  std::int8_t in_lane_stop;
  double free_flow_time, delay, distance;               // [s], [s] (-1 unfinished), [m]
  bool operator==(const StreetVehicleRow&) const = default;
};

struct StreetPedestrianRow {
  std::int8_t kind;   // 0 from a car, 1 walk-in, 2 from a bus, 3 escorting parent
  double start, arrival, distance, crossing_wait;  // [s], [s] (-1 not arrived), [m], [s]
};

// A pupil of the building on its way home (docs/models/journeys.md). Times
// [s] from the start of the run, -1 where it did not happen.
struct JourneyRow {
  std::int32_t agent;
  std::int8_t way;          // 0 home on foot from the gate, 1 fetched by car, 2 by bus
  std::int32_t vehicle;     // row in vehicles, -1 none
  std::int32_t pedestrian;  // row in pedestrians (its walk to the car), -1 none
  double released;          // its pre-movement ended: it set off from its classroom
  double called;            // its parent's car called it (a call line)
  double left_building;     // out of the building's exit
  double at_gate;           // at the street's gate (the same exit)
  double left_gate;         // set off from the gate to the car (both there)
  double boarded;           // at the car's door
  double left_area;         // the car left the street's network, or it went home from the gate
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

// The kinds of replay frame rows: a vehicle, a pedestrian, a signal head
// showing red, amber or green, a crossing guard on duty, idle or holding traffic.
inline constexpr std::int8_t kFrameVehicle = 0, kFramePedestrian = 1, kFrameSignalRed = 2, kFrameSignalAmber = 3,
                             kFrameSignalGreen = 4, kFrameGuardIdle = 5, kFrameGuardHolding = 6;

// One vehicle, pedestrian, signal head or guard on the street in one replay frame.
struct StreetFrameRow {
  std::int64_t frame;    // time = frame / street_fps
  std::int8_t kind;      // kFrameVehicle ... kFrameGuardHolding
  std::int32_t id;       // row in vehicles / pedestrians
  double x, y;           // [m] centre of a vehicle, position of a pedestrian
  double heading;        // [rad] direction of travel
  double speed;          // [m/s]
  bool operator==(const StreetFrameRow&) const = default;
};

// /campusflow/street/geometry: the street as drawn, in the coordinates of
// street_frames (world metres). Written once per run from the compiled street.

// A lane's centre line from the start of its link to its end; lanes share
// the carriageway equally, as the simulation places its vehicles.
struct LaneRow {
  std::int32_t link;     // index into link_names
  std::int32_t lane;     // 0: the curb lane (rightmost in the direction of travel)
  double x0, y0, x1, y1; // [m]
  double width;          // [m]
  bool operator==(const LaneRow&) const = default;
};

// A walkable strip other than a crossing: its centre line and width.
struct SidewalkRow {
  double x0, y0, x1, y1; // [m]
  double width;          // [m]
  std::int8_t kind;      // 0 sidewalk, 1 corner walk, 2 gate footpath
  std::int32_t link;     // sidewalks: their link; -1 otherwise
  bool operator==(const SidewalkRow&) const = default;
};

// A crossing's walkable strip from kerb to kerb (one row per road it spans).
struct CrossingRow {
  std::int32_t crossing; // index into crossing_names
  double x0, y0, x1, y1; // [m] kerb to kerb
  double width;          // [m] along the road
  std::int8_t kind;      // 0 zebra (pedestrians have priority), 1 uncontrolled, 2 signalised, 3 guarded
  bool operator==(const CrossingRow&) const = default;
};

// A curb stall as a rectangle. Lots and underground garages: every stall at
// the zone's entry, beside the curb lane, where their cars are shown.
struct StallPlaceRow {
  std::int32_t zone, stall;  // as in the stalls table
  std::int8_t kind;          // the zone's: 0 lay-by, 1 in the lane, 2 lot, 3 underground
  double x, y;               // [m] centre
  double heading;            // [rad] the direction of travel along its link
  double length, width;      // [m]
  bool operator==(const StallPlaceRow&) const = default;
};

// A vehicle type, for drawing its vehicles as oriented rectangles.
struct VehicleTypeRow {
  std::int8_t vehicle_class;  // 0 car, 1 bus, 2 motorbike
  double length, width;       // [m]
  bool operator==(const VehicleTypeRow&) const = default;
};

// All of /campusflow/street/geometry (ResultReader::street_geometry): the
// names give the `link`, `crossing` and vehicle type indices of the rows.
struct StreetGeometry {
  std::vector<LaneRow> lanes;
  std::vector<SidewalkRow> sidewalks;
  std::vector<CrossingRow> crossings;
  std::vector<StallPlaceRow> stalls;
  std::vector<VehicleTypeRow> vehicle_types;
  std::vector<std::string> link_names, crossing_names, vehicle_type_names;
  bool operator==(const StreetGeometry&) const = default;
};

struct StreetTables {
  std::vector<std::string> vehicle_ids, pedestrian_ids, approach_names, zone_names;
  std::vector<StreetVehicleRow> vehicles;
  std::vector<StreetPedestrianRow> pedestrians;
  std::vector<JourneyRow> journeys;        // pupils of the building; empty without one
  std::vector<double> gate_waiting;        // with journeys: (samples x 2) time [s], pupils waiting at the gate
  std::vector<double> queue_time;          // (samples)
  std::vector<double> queue_tail;          // (samples x approaches), row-major
  std::vector<SpillbackRow> spillback;
  std::vector<ThroughputRow> throughput;
  std::vector<ConflictRow> conflicts;
  std::vector<StallRow> stalls;
  StreetGeometry geometry;
  std::uint64_t vehicle_updates = 0;
  double vehicle_dt = 0.25;
};

// Rows are written and read as raw memory through compound types (street_types.hpp).
template <class... Rows>
inline constexpr bool kPlainRows = ((std::is_standard_layout_v<Rows> && std::is_trivially_copyable_v<Rows>) && ...);
static_assert(kPlainRows<StreetVehicleRow, StreetPedestrianRow, JourneyRow, SpillbackRow, ThroughputRow, ConflictRow, StallRow,
                         StreetFrameRow, LaneRow, SidewalkRow, CrossingRow, StallPlaceRow, VehicleTypeRow>);

}  // namespace campusflow::io
