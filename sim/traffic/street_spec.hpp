#pragma once
// The street as written in a scenario's `street` section, after parsing and
// structural validation: plain data, names resolved to indices, SI units.
// compile_street (sim/traffic/compile_street.hpp) checks what needs the whole
// network (a curb zone longer than its link, a signal plan that never serves a
// movement) and precomputes the road and sidewalk graphs. See
// docs/scenario-format.md, section "street".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/geometry/polygon.hpp"
#include "sim/traffic/idm/idm_params.hpp"
#include "sim/traffic/mobil/mobil_params.hpp"

namespace campusflow {

enum class VehicleClass : std::uint8_t { kCar, kBus, kMotorbike };
inline constexpr std::size_t kVehicleClassCount = 3;

struct VehicleTypeSpec {
  std::string name;
  VehicleClass vehicle_class = VehicleClass::kCar;
  IdmParams idm;          // desired_speed is a cap: a driver keeps the lower of it and the speed limit
  MobilParams mobil;
  double width = 1.8;     // [m], (0, 4]
  std::uint32_t seats = 4;  // pupils a vehicle of this type can bring, [1, 100]
};

struct RoadNodeSpec {
  std::string name;
  Vec2 position = Vec2::Zero();  // [m]
};

struct LaneSpec {
  double width = 3.2;                      // [m], (0, 10]
  std::vector<VehicleClass> allow;         // empty: every class
};

// A directed road from one node to another. Lane 0 is the curb lane (on the
// right in the direction of travel); a sidewalk, when present, runs beside it.
struct LinkSpec {
  std::string name;
  std::size_t from = 0, to = 0;  // indices into StreetSpec::nodes
  double length = 0.0;           // [m] (defaults to the distance between the nodes)
  double speed_limit = 13.89;    // [m/s], (0, 40]
  std::vector<LaneSpec> lanes;   // at least one
  double sidewalk_width = 0.0;   // [m]; 0: no sidewalk
};

enum class RightOfWay : std::uint8_t { kPriority, kYield, kSignal };

// Vehicles may drive from the end of `from_link` onto `to_link` (both meet at
// one node). A yield connection waits for a gap in the priority streams that
// enter the same link.
struct ConnectionSpec {
  std::size_t from_link = 0, to_link = 0;
  RightOfWay rule = RightOfWay::kPriority;
};

// A fixed-time signal plan at a node: phases in a cycle, each naming the
// connections and crossings that have green (all others red). Amber is a
// phase of its own, with the connections that show amber.
struct SignalPhaseSpec {
  double duration = 0.0;                   // [s], > 0
  std::vector<std::size_t> green;          // connection indices
  std::vector<std::size_t> amber;          // connection indices
  std::vector<std::size_t> walk;           // crossing indices
};
struct SignalSpec {
  std::string name;
  std::size_t node = 0;
  double offset = 0.0;                     // [s] into the cycle at t = 0
  std::vector<SignalPhaseSpec> phases;
};

// A crossing of the links meeting at a node that lie along one road (both
// directions), next to the node. With priority (a zebra), vehicles yield to
// pedestrians who have announced their approach; without, pedestrians wait for
// a gap. A crossing listed in a signal plan is signalled.
struct CrossingSpec {
  std::string name;
  std::size_t node = 0;
  std::vector<std::size_t> links;  // the links it spans, all touching `node`
  double width = 4.0;              // [m] along the road
  bool pedestrian_priority = true;
};

// A crossing guard: holds traffic at a crossing when `min_waiting` pupils wait
// or the first has waited `max_wait`, for `hold` seconds, then lets traffic
// run for at least `min_green` seconds. Active in [from, to).
struct GuardSpec {
  std::string name;
  std::size_t crossing = 0;
  std::uint32_t min_waiting = 5;  // [-], >= 1
  double max_wait = 20.0;         // [s], > 0
  double hold = 15.0;             // [s], > 0
  double min_green = 30.0;        // [s], >= 0
  double from = 0.0, to = 1e9;    // [s]
};

// The school gate: a footpath of `path_length` metres from a node towards
// `position`. Pedestrians from cars, buses and walk-ins end their walk there.
// The morning entry check (晨检) at a gate: pupils reaching it wait in one
// line (first come, first served) for `servers` staff, each check taking a
// draw of `service` [s], while the check is held, [from, to). A pupil is at
// school (arrived) when the check is done. Queueing theory's M/M/c model
// with Poisson arrivals and exponential service (docs/models/street.md).
struct EntryCheckSpec {
  std::uint32_t servers = 1;
  Distribution service = Distribution::constant(5.0);
  double from = 0.0, to = 1e9;  // [s]
};

struct GateSpec {
  std::string name;
  std::size_t node = 0;
  Vec2 position = Vec2::Zero();  // where the gate is [m]; the footpath leaves the node towards it
  double path_length = 30.0;     // [m], > 0
  std::optional<EntryCheckSpec> entry_check;
  // The building's exit that is this gate: pupils leaving the building by it
  // are at the gate (docs/models/journeys.md); empty: none.
  std::string exit;
  // The smart pick-up's call line: a pupil whose parent's car comes for them
  // waits inside until the car is this far [m] from its stop (0: in the
  // stall), then walks out; unset: pupils leave with their class.
  std::optional<double> call_distance;
};

// A restriction in force during [from, to): a lower speed limit, or a link
// closed to vehicles (a bollard closure; a timed one-way street closes the
// link of the other direction). Vehicles already on a closing link finish.
struct RestrictionSpec {
  std::size_t link = 0;
  double from = 0.0, to = 1e9;            // [s]
  std::optional<double> speed_limit;      // [m/s]
  bool closed = false;
  std::vector<std::size_t> no_turn_to;    // links that may not be entered from this one (no left turn, no U-turn)
};

enum class CurbKind : std::uint8_t { kLayBy, kInLane, kLot, kUnderground };
// first_free: a car takes the first free stall it passes and leaves
// when done (SUMO's parking areas). front_first: it pulls forward to the
// free stall nearest the zone's end (schools' "pull all the way forward"). pull_forward: cars stand in a line, take the stall behind the
// last car and leave only when the stall in front is free. platoon: staff
// fill every stall, then release all cars together once each is done.
enum class CurbDiscipline : std::uint8_t { kFirstFree, kFrontFirst, kPullForward, kPlatoon };

// Where cars stop to drop off or pick up. Lay-by and in-lane zones lie along
// lane 0 of `link` between `start` and `end`; a lot is entered at `start` and
// left at `end` of `link`; an underground facility is entered from `link` at
// `start` and left onto `exit_link` at `exit_position`, `ramp_time` apart.
struct CurbZoneSpec {
  std::string name;
  CurbKind kind = CurbKind::kLayBy;
  std::size_t link = 0;
  double start = 0.0, end = 0.0;        // [m] along the link
  std::uint32_t stalls = 1;
  double stall_length = 7.0;            // [m]; lay-by and in-lane: (end - start) / stalls when absent
  CurbDiscipline discipline = CurbDiscipline::kFirstFree;
  double entry_time = 0.0;              // [s] manoeuvre into the stall
  double exit_time = 0.0;               // [s] manoeuvre out, once a gap allows
  double walk_access = 0.0;             // [m] from a stall to the sidewalk (lots, underground)
  // Lay-by only: drivers waiting for a stall stop far enough back that the
  // car in the stall nearest the entrance can pull out (s0 behind it); when
  // false they wait at the entrance and may box that car in (as SUMO's
  // drivers at a full parking area do). See docs/models/street.md.
  bool keep_exit_clear = true;
  std::size_t exit_link = 0;            // underground only
  double exit_position = 0.0;           // [m] underground only
  double ramp_time = 0.0;               // [s] underground only
};

// Parent cars may not stop within `radius` metres (along the sidewalk network)
// of the gate during [from, to). A fraction `compliance` of drivers obey; the
// others stop in the lane in front of the gate.
struct NoCarZoneSpec {
  std::size_t gate = 0;
  double radius = 0.0;     // [m], >= 0
  double from = 0.0, to = 1e9;
  double compliance = 1.0;  // [-], [0, 1]
};

// Where a queue is measured from: a reference point (the entry of a curb
// zone, say) and the node past which a queue is a spillback (the junction
// with the main road). See docs/metrics.md.
struct ApproachSpec {
  std::string name;
  std::size_t link = 0;
  double position = 0.0;        // [m] along the link
  std::size_t spill_node = 0;   // a node upstream of the reference point
};

struct RouteSpec {
  std::string name;
  std::vector<std::size_t> links;  // consecutive links joined by connections
  // When a closed link or a banned turn lies on it: false, drivers about to
  // enter take the quickest way around (through the same stop link); true,
  // they wait at the edge of the network until the restriction ends.
  bool fixed = false;
};

// One vehicle of an explicit demand (or drawn from a profile by compile_street).
struct VehicleDemand {
  std::string id;
  std::size_t type = 0;            // index into vehicle_types
  double time = 0.0;               // wanted departure [s]
  std::size_t route = 0;
  bool drop_off = false;           // stops at a curb zone (or in the lane) on its route
  double dwell = 0.0;              // [s] standing still at the stop, children getting out
  std::uint32_t children = 0;      // pupils who get out and walk to the gate
  bool escort = false;             // a parent walks them to the gate and back to the car
  bool pick_up = false;            // dismissal: the car waits for `children` who leave the gate at `release`
  double release = 0.0;            // [s] pick-ups: when the pupils come out of the gate (the bell)
  std::optional<std::size_t> zone; // a named curb zone; empty: the nearest allowed one
};

// A pupil arriving on foot: appears on the sidewalk of `link` at `position`.
struct WalkInDemand {
  std::string id;
  double time = 0.0;
  std::size_t link = 0;
  double position = 0.0;
};

// Drawn demand: pupils x share driven / pupils per car parent cars, arriving
// over `window` seconds before `bell` with the given profile; dwell times
// from a distribution; origins spread over routes by weight.
struct DropOffProfileSpec {
  std::uint32_t pupils = 0;
  double share_driven = 0.5;
  double pupils_per_car = 1.3;   // mean; each car brings 1 or 2
  double escort_share = 0.0;     // cars whose parent walks the children to the gate
  bool pick_up = false;          // dismissal: parents arrive before the bell and wait for their children
  double bell = 1800.0;          // [s]
  double window = 1200.0;        // [s] arrivals in [bell - window, bell)
  std::vector<double> profile;   // relative arrival intensity per equal slice of the window; empty: uniform
  Distribution dwell = Distribution::uniform(30.0, 60.0);
  std::vector<std::size_t> routes;
  std::vector<double> route_weights;
  std::size_t type = 0;
};
struct FlowSpec {               // Poisson vehicles without a stop (through traffic, buses with a stop)
  std::size_t route = 0;
  std::size_t type = 0;
  double rate = 0.0;             // [veh/h]
  double from = 0.0, to = 0.0;   // [s]
  bool drop_off = false;         // buses: stop at the zone and unload `children`
  bool pick_up = false;          // ... or wait there for them (dismissal)
  double release = 0.0;          // [s] pick-ups: when the pupils come out of the gate
  std::uint32_t children = 0;
  Distribution dwell = Distribution::constant(0.0);
};
struct WalkInFlowSpec {
  double rate = 0.0;             // [pupils/h]
  double from = 0.0, to = 0.0;   // [s]
  std::size_t link = 0;
  double position_min = 0.0, position_max = 0.0;  // [m] along the link
};

struct StreetSpec {
  std::vector<VehicleTypeSpec> vehicle_types;
  std::vector<RoadNodeSpec> nodes;
  std::vector<LinkSpec> links;
  std::vector<ConnectionSpec> connections;
  std::vector<SignalSpec> signals;
  std::vector<CrossingSpec> crossings;
  std::vector<GuardSpec> guards;
  std::vector<GateSpec> gates;
  std::vector<RestrictionSpec> restrictions;
  std::vector<CurbZoneSpec> curb_zones;
  std::optional<NoCarZoneSpec> no_car_zone;
  std::vector<ApproachSpec> approaches;  // empty: one per curb zone (its start; spill node: its link's start)
  std::vector<RouteSpec> routes;
  // Demand: explicit rows (from `demand.file` or inline) and drawn flows.
  std::vector<VehicleDemand> vehicles;
  std::vector<WalkInDemand> walk_ins;
  std::optional<DropOffProfileSpec> drop_off_profile;
  std::vector<FlowSpec> flows;
  std::vector<WalkInFlowSpec> walk_in_flows;
  Distribution child_speed = Distribution::constant(1.2);   // [m/s] pupils walking on the street
  double vehicle_dt = 0.25;      // [s] vehicle tick (the run's clock counts it in whole microseconds)
  std::string source_path = "street";  // for messages
};

}  // namespace campusflow
