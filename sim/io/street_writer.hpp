#pragma once
// Writes StreetTables under a group (the result's /campusflow/street).
#include <hdf5.h>

#include "sim/io/street_records.hpp"

namespace campusflow::io {

void write_street_tables(hid_t campusflow_group, const StreetTables& t);

}  // namespace campusflow::io
