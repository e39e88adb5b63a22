#pragma once
// The HDF5 compound types of the street's rows (street_records.hpp): one
// definition each, shared by the writer and the reader so they cannot drift.
#include "sim/io/records.hpp"

namespace campusflow::io {

CompoundTypes street_vehicle_types();
CompoundTypes street_pedestrian_types();
CompoundTypes journey_types();
CompoundTypes spillback_types();
CompoundTypes throughput_types();
CompoundTypes conflict_types();
CompoundTypes stall_types();
CompoundTypes street_frame_types();
// /campusflow/street/geometry
CompoundTypes lane_types();
CompoundTypes sidewalk_types();
CompoundTypes crossing_types();
CompoundTypes stall_place_types();
CompoundTypes vehicle_type_types();

}  // namespace campusflow::io
