#include "sim/io/street_types.hpp"

#include <cstddef>

#include "sim/io/street_records.hpp"

namespace campusflow::io {

// Field{name, offset, native type, file type} from a member's name.
#define F64(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}
#define I64(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_INT64, H5T_STD_I64LE}
#define I32(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_INT32, H5T_STD_I32LE}
#define I8(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_INT8, H5T_STD_I8LE}

CompoundTypes street_vehicle_types() {
  using V = StreetVehicleRow;
  return build(sizeof(V), {I32(V, type), I32(V, route), I8(V, drop_off), F64(V, wanted), F64(V, depart),
                           F64(V, arrival), F64(V, stop_start), F64(V, stop_end), I32(V, zone), I32(V, stall),
                           I8(V, in_lane_stop), F64(V, free_flow_time), F64(V, delay), F64(V, distance)});
}

CompoundTypes street_pedestrian_types() {
  using P = StreetPedestrianRow;
  return build(sizeof(P), {I8(P, kind), F64(P, start), F64(P, arrival), F64(P, distance), F64(P, crossing_wait)});
}

CompoundTypes journey_types() {
  using J = JourneyRow;
  return build(sizeof(J), {I32(J, agent), I8(J, way), I32(J, vehicle), I32(J, pedestrian), F64(J, released),
                           F64(J, called), F64(J, left_building), F64(J, at_gate), F64(J, left_gate), F64(J, boarded),
                           F64(J, left_area)});
}

CompoundTypes spillback_types() {
  using S = SpillbackRow;
  return build(sizeof(S), {I32(S, approach), F64(S, start), F64(S, end), F64(S, extent)});
}

CompoundTypes throughput_types() {
  using T = ThroughputRow;
  return build(sizeof(T), {I32(T, zone), F64(T, bin_start), I32(T, drop_offs)});
}

CompoundTypes conflict_types() {
  using C = ConflictRow;
  return build(sizeof(C), {I8(C, kind), F64(C, time), I32(C, a), I32(C, b), F64(C, value), F64(C, x), F64(C, y)});
}

CompoundTypes stall_types() {
  using S = StallRow;
  return build(sizeof(S), {I32(S, zone), I32(S, stall), F64(S, busy), I32(S, services)});
}

CompoundTypes street_frame_types() {
  using R = StreetFrameRow;
  return build(sizeof(R),
               {I64(R, frame), I8(R, kind), I32(R, id), F64(R, x), F64(R, y), F64(R, heading), F64(R, speed)});
}

CompoundTypes lane_types() {
  using L = LaneRow;
  return build(sizeof(L), {I32(L, link), I32(L, lane), F64(L, x0), F64(L, y0), F64(L, x1), F64(L, y1), F64(L, width)});
}

CompoundTypes sidewalk_types() {
  using S = SidewalkRow;
  return build(sizeof(S),
               {F64(S, x0), F64(S, y0), F64(S, x1), F64(S, y1), F64(S, width), I8(S, kind), I32(S, link)});
}

CompoundTypes crossing_types() {
  using C = CrossingRow;
  return build(sizeof(C),
               {I32(C, crossing), F64(C, x0), F64(C, y0), F64(C, x1), F64(C, y1), F64(C, width), I8(C, kind)});
}

CompoundTypes stall_place_types() {
  using S = StallPlaceRow;
  return build(sizeof(S), {I32(S, zone), I32(S, stall), I8(S, kind), F64(S, x), F64(S, y), F64(S, heading),
                           F64(S, length), F64(S, width)});
}

CompoundTypes vehicle_type_types() {
  using T = VehicleTypeRow;
  return build(sizeof(T), {I8(T, vehicle_class), F64(T, length), F64(T, width)});
}

}  // namespace campusflow::io
