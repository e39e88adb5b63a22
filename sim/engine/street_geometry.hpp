#pragma once
// The street as a viewer draws it (/campusflow/street/geometry): lanes,
// sidewalks, crossings, curb stalls and vehicle sizes from the compiled
// street, placed by the same helpers that place vehicles and pupils
// (CompiledStreet::road_point, Sidewalks::paths), so frames and geometry agree.
#include "sim/io/street_records.hpp"
#include "sim/traffic/street.hpp"

namespace campusflow {

io::StreetGeometry street_geometry(const CompiledStreet& street);

}  // namespace campusflow
