#pragma once
// Staff at their posts (docs/models/staff.md). Internal to sim/scenario.
#include <string>
#include <vector>

#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/scenario_spec.hpp"

namespace campusflow::scenario_parse {

// The "staff" array: each member's level, start and post (inside the level,
// clear of obstacles), duty, the place it acts on and when the duty ends.
std::vector<StaffSpec> parse_staff(Reader& r, const json::value& v, const std::string& path,
                                   const std::vector<ParsedLevel>& levels, const NameTable& places,
                                   const std::vector<StairSpec>& stairs);

}  // namespace campusflow::scenario_parse
