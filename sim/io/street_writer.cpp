#include "sim/io/street_writer.hpp"

#include <cstddef>

#include "sim/io/hdf5_objects.hpp"
#include "sim/io/records.hpp"

namespace campusflow::io {

namespace {


template <class Row>
void write_table(hid_t group, const char* name, const CompoundTypes& types, const std::vector<Row>& rows) {
  write_rows(group, name, types.file.get(), types.memory.get(), rows.size(), rows.data());
}

#define F64(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}
#define I32(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_INT32, H5T_STD_I32LE}
#define I8(Row, f) Field{#f, offsetof(Row, f), H5T_NATIVE_INT8, H5T_STD_I8LE}

}  // namespace

void write_street_tables(hid_t campusflow_group, const StreetTables& t) {
  const Handle g = create_group(campusflow_group, "street");
  using V = StreetVehicleRow;
  write_table(g.get(), "vehicles",
              build(sizeof(V), {I32(V, type), I32(V, route), I8(V, drop_off), F64(V, wanted), F64(V, depart),
                                F64(V, arrival), F64(V, stop_start), F64(V, stop_end), I32(V, zone), I32(V, stall),
                                I8(V, in_lane_stop), F64(V, free_flow_time), F64(V, delay), F64(V, distance)}),
              t.vehicles);
  write_strings(g.get(), "vehicle_ids", t.vehicle_ids);
  using P = StreetPedestrianRow;
  write_table(g.get(), "pedestrians",
              build(sizeof(P), {I8(P, kind), F64(P, start), F64(P, arrival), F64(P, distance), F64(P, crossing_wait)}),
              t.pedestrians);
  write_strings(g.get(), "pedestrian_ids", t.pedestrian_ids);
  write_strings(g.get(), "approach_names", t.approach_names);
  write_strings(g.get(), "zone_names", t.zone_names);
  write_rows(g.get(), "queue_time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.queue_time.size(), t.queue_time.data());
  const std::size_t approaches = t.approach_names.empty() ? 1 : t.approach_names.size();
  write_rows(g.get(), "queue_tail", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.queue_tail.size() / approaches,
             t.queue_tail.data(), approaches);
  using S = SpillbackRow;
  write_table(g.get(), "spillback", build(sizeof(S), {I32(S, approach), F64(S, start), F64(S, end), F64(S, extent)}),
              t.spillback);
  using T = ThroughputRow;
  write_table(g.get(), "throughput", build(sizeof(T), {I32(T, zone), F64(T, bin_start), I32(T, drop_offs)}),
              t.throughput);
  using C = ConflictRow;
  write_table(g.get(), "conflicts",
              build(sizeof(C), {I8(C, kind), F64(C, time), I32(C, a), I32(C, b), F64(C, value), F64(C, x), F64(C, y)}),
              t.conflicts);
  using St = StallRow;
  write_table(g.get(), "stalls", build(sizeof(St), {I32(St, zone), I32(St, stall), F64(St, busy), I32(St, services)}),
              t.stalls);
  std::string names;
  for (const std::string& n : t.approach_names) names += (names.empty() ? "" : ",") + n;
  write_attribute(g.get(), "approaches", names);
  write_attribute(g.get(), "interval", 1.0);
  write_attribute(g.get(), "vehicle_updates", t.vehicle_updates);
  write_attribute(g.get(), "vehicle_dt", t.vehicle_dt);
}

}  // namespace campusflow::io
