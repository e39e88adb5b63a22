#include "sim/io/street_writer.hpp"

#include "sim/io/hdf5_objects.hpp"
#include "sim/io/street_types.hpp"

namespace campusflow::io {

namespace {

template <class Row>
void write_table(hid_t group, const char* name, const CompoundTypes& types, const std::vector<Row>& rows) {
  write_rows(group, name, types.file.get(), types.memory.get(), rows.size(), rows.data());
}

// /campusflow/street/geometry: what a viewer needs to draw the street.
void write_geometry(hid_t street_group, const StreetGeometry& g) {
  const Handle group = create_group(street_group, "geometry");
  write_table(group.get(), "lanes", lane_types(), g.lanes);
  write_table(group.get(), "sidewalks", sidewalk_types(), g.sidewalks);
  write_table(group.get(), "crossings", crossing_types(), g.crossings);
  write_table(group.get(), "stalls", stall_place_types(), g.stalls);
  write_table(group.get(), "vehicle_types", vehicle_type_types(), g.vehicle_types);
  write_strings(group.get(), "link_names", g.link_names);
  write_strings(group.get(), "crossing_names", g.crossing_names);
  write_strings(group.get(), "vehicle_type_names", g.vehicle_type_names);
}

}  // namespace

void write_street_tables(hid_t campusflow_group, const StreetTables& t) {
  const Handle g = create_group(campusflow_group, "street");
  write_table(g.get(), "vehicles", street_vehicle_types(), t.vehicles);
  write_strings(g.get(), "vehicle_ids", t.vehicle_ids);
  write_table(g.get(), "pedestrians", street_pedestrian_types(), t.pedestrians);
  write_strings(g.get(), "pedestrian_ids", t.pedestrian_ids);
  if (!t.journeys.empty()) write_table(g.get(), "journeys", journey_types(), t.journeys);
  if (!t.gate_waiting.empty())
    write_rows(g.get(), "gate_waiting", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.gate_waiting.size() / 2, t.gate_waiting.data(), 2);
  write_strings(g.get(), "approach_names", t.approach_names);
  write_strings(g.get(), "zone_names", t.zone_names);
  write_rows(g.get(), "queue_time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.queue_time.size(), t.queue_time.data());
  const std::size_t approaches = t.approach_names.empty() ? 1 : t.approach_names.size();
  write_rows(g.get(), "queue_tail", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, t.queue_tail.size() / approaches,
             t.queue_tail.data(), approaches);
  write_table(g.get(), "spillback", spillback_types(), t.spillback);
  write_table(g.get(), "throughput", throughput_types(), t.throughput);
  write_table(g.get(), "conflicts", conflict_types(), t.conflicts);
  write_table(g.get(), "stalls", stall_types(), t.stalls);
  write_geometry(g.get(), t.geometry);
  std::string names;
  for (const std::string& n : t.approach_names) names += (names.empty() ? "" : ",") + n;
  write_attribute(g.get(), "approaches", names);
  write_attribute(g.get(), "interval", 1.0);
  write_attribute(g.get(), "vehicle_updates", t.vehicle_updates);
  write_attribute(g.get(), "vehicle_dt", t.vehicle_dt);
}

}  // namespace campusflow::io
