#pragma once
// Groups of agents: where they start and how they walk. Internal to sim/scenario.
#include <string>
#include <vector>

#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/scenario_spec.hpp"

namespace campusflow::scenario_parse {

struct ParsedGroups {
  std::vector<GroupSpec> groups;
  std::vector<bool> level_has_group;  // (n_levels) some group names the level
};

// levels: as parse_levels returned them; groups refer to them by name, and
// routes to the doors, stairs and exits of `places`.
ParsedGroups parse_groups(Reader& r, const json::value& v, const std::string& path,
                          const std::vector<ParsedLevel>& levels, const NameTable& places);

}  // namespace campusflow::scenario_parse
