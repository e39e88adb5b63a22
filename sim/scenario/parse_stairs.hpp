#pragma once
// Stairs between levels, and the scenario's timed events. Internal to sim/scenario.
#include <string>
#include <vector>

#include "sim/scenario/parse_geometry.hpp"

namespace campusflow::scenario_parse {

// `names` holds the exits and doors already parsed; stair names join them.
std::vector<StairSpec> parse_stairs(Reader& r, const json::value& v, const std::string& path,
                                    const std::vector<ParsedLevel>& levels, NameTable& names);

// Events name a door, stair or exit of `names` (name -> path of its owner);
// a stair blocked at one end names one of its two levels (`stairs`, `levels`).
std::vector<EventSpec> parse_events(Reader& r, const json::value& v, const std::string& path,
                                    const NameTable& names, const std::vector<StairSpec>& stairs,
                                    const std::vector<ParsedLevel>& levels);

}  // namespace campusflow::scenario_parse
