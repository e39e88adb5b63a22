#pragma once
// The street compiled for a run (immutable, shared by replications): links
// with their geometry and successors, timed restrictions, signals, crossings
// with the stretches of road they block, curb zones with their stalls, the
// sidewalk graph with every pedestrian's path, and the demand expanded into
// one row per vehicle and per walk-in, sorted by time.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/traffic/sidewalks.hpp"
#include "sim/traffic/street_spec.hpp"

namespace campusflow {

struct StreetLink {
  std::string name;
  std::uint32_t from = 0, to = 0;   // nodes
  double length = 0.0;              // [m]
  double speed_limit = 0.0;         // [m/s]
  std::uint32_t lanes = 1;
  std::vector<std::uint8_t> lane_allows;  // (lanes) bit i set: VehicleClass i may drive there
  double carriageway = 0.0;         // sum of lane widths [m]
  Vec2 start = Vec2::Zero(), dir = Vec2::UnitX();  // where it starts and its unit direction (straight)
  std::vector<std::uint32_t> successors;  // links reachable at its end
  // Where a driver stops for its connection at the link's end (a red signal,
  // a yield line) [m]: the link's end, or the near edge of a crossing strip
  // that lies across its last metres (vehicles never wait on the strip).
  double stop_line = 0.0;
};

// A stretch of one link that a crossing blocks: vehicles stop before `start`.
struct CrossingLeg {
  std::uint32_t link = 0;
  double start = 0.0, end = 0.0;  // [m] along the link
  // Where its lanes lie along the crossing, from the crossing's clockwise
  // end (the side of the link leaving the node) [m].
  double from = 0.0, to = 0.0;
};

struct StreetCrossing {
  std::string name;
  std::uint32_t node = 0;
  std::vector<CrossingLeg> legs;
  double length = 0.0;              // walked across [m] (the carriageway)
  bool pedestrian_priority = true;
  std::int32_t signal = -1;         // signalled: its plan says when people may walk
  std::int32_t guard = -1;
};

struct StreetSignal {
  std::string name;
  double cycle = 0.0, offset = 0.0;  // [s]
  std::vector<SignalPhaseSpec> phases;
  std::vector<double> phase_end;     // cumulative [s] within the cycle
};

struct StreetStall {
  double front = 0.0;  // [m] along the zone's link: where a car's front bumper stands
};

struct StreetZone {
  CurbZoneSpec spec;
  std::vector<StreetStall> stalls;     // front (downstream) first
  double gate_distance = 0.0;          // walking distance from the zone's middle to the gate [m]
};

// One vehicle of the demand as the scenario asks for it (`spec`: its zone
// there is the one it names, if any), with its stop decided at compile time
// where the stop does not depend on the run (compliance is drawn per vehicle).
struct DemandVehicle {
  VehicleDemand spec;
  std::int32_t zone = -1;          // -1: no stop, or a stop in the lane (see in_lane_stop)
  bool in_lane_stop = false;       // a driver who ignores the no-car zone: stops in the lane at the gate
  std::uint32_t stop_route_step = 0;  // which link of the route the stop is on
  double stop_front = 0.0;            // in-lane stops: where the front bumper stops [m]
  double free_flow_time = 0.0;        // sum of length / speed limit over the route [s]
};

struct StreetApproach {
  std::string name;
  std::uint32_t link = 0;
  double position = 0.0;
  std::uint32_t spill_node = 0;
  double spill_distance = 0.0;        // from the reference point back to the spill node [m]
  // Links upstream of the reference point with the path distance from each
  // link's end to the reference point [m]; the reference link itself first
  // (offset -(length - position): distance = offset + (length - s)).
  std::vector<std::uint32_t> links;
  std::vector<double> end_distance;
};

struct CompiledStreet {
  std::vector<StreetLink> links;
  std::vector<StreetSignal> signals;
  std::vector<std::int32_t> connection_signal;   // (connections) the signal controlling it, or -1
  std::vector<StreetCrossing> crossings;
  std::vector<StreetZone> zones;
  std::vector<StreetApproach> approaches;
  std::vector<DemandVehicle> vehicles;   // sorted by time (stable)
  std::vector<WalkInDemand> walk_ins;    // sorted by time (stable)
  Sidewalks sidewalks;
  double max_vehicle_length = 4.6;
  StreetSpec spec;            // as written: its tables (types, nodes, routes, ...) and the demand, drawn again for another seed
  std::uint64_t seed = 0;     // the seed the demand was drawn with

  // The connection from link a to link b, or -1.
  std::int32_t connection(std::uint32_t a, std::uint32_t b) const;

  // Where things lie on the road (street_layout.cpp): one place for the
  // geometry of vehicles, lanes and stalls, so what a replay draws matches
  // where the simulation puts its vehicles.
  // Lanes share their link's carriageway equally [m].
  double lane_width(std::uint32_t link) const;
  // How far right of the link's axis (the line between its nodes) the centre
  // of `lane` lies [m]; `beside`: one lane further out (a lay-by, a lot).
  double lane_offset(std::uint32_t link, std::uint32_t lane, bool beside = false) const;
  // The point `s` metres along `link` and `offset` metres right of its axis.
  // A link longer than the distance between its nodes is squeezed in between
  // them, as Sidewalks lays it out.
  Vec2 road_point(std::uint32_t link, double s, double offset) const;
};

}  // namespace campusflow
