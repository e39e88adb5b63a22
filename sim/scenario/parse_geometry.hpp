#pragma once
// Points, rings, levels and exits of a scenario file. Internal to sim/scenario.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/geometry/polygon.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/scenario_spec.hpp"

namespace campusflow::scenario_parse {

// How far an exit end may sit from the outline edge it belongs to. [m]
inline constexpr double kOnEdgeTolerance = 1e-3;

// A level as parsed, with what later checks may rely on.
struct ParsedLevel {
  LevelSpec spec;                           // obstacles and exits: only the valid ones
  std::vector<std::size_t> obstacle_index;  // index in the file of each kept obstacle
  bool outline_ok = false;                  // spec.outline is a valid ring
};

// Scenario-wide names already taken, with the path that took them.
using NameTable = std::map<std::string, std::string>;

std::optional<Vec2> read_point(Reader& r, const json::value& v, const std::string& path);
// A valid ring, counter-clockwise when ccw, else clockwise; a closing point
// equal to the first is dropped.
std::optional<Ring> read_ring(Reader& r, const json::value& v, const std::string& path, bool ccw);

// `place_names` collects the names of exits and doors (and later stairs):
// routes and events refer to all of them, so they share one namespace.
std::vector<ParsedLevel> parse_levels(Reader& r, const json::value& v, const std::string& path,
                                      NameTable& place_names);

// The exits of one level; outline is null when the level's outline is
// unusable, then only their structure is checked.
std::vector<ExitSpec> parse_exits(Reader& r, const json::array& exits, const std::string& path,
                                  const Ring* outline, NameTable& exit_names);

// A stretch of one outline edge written as [[x1, y1], [x2, y2]], projected
// onto the edge and running in the outline's (counter-clockwise) direction.
std::optional<Segment> read_outline_stretch(Reader& r, const json::value& v, const std::string& path,
                                            const Ring* outline);
// True when two stretches of the same straight wall share more than 0.001 m.
bool stretches_overlap(const Segment& a, const Segment& b);

// The assembly points of one level: named areas inside the outline, clear of
// obstacles. Reaching one is reaching safety, like leaving through an exit.
std::vector<AssemblySpec> parse_assembly_points(Reader& r, const json::array& points, const std::string& path,
                                                const Polygon* walkable, NameTable& names);

// The doors of one level; walkable is null when the level is unusable.
// Door names share `names` with exits and stairs: routes refer to all three.
std::vector<DoorSpec> parse_doors(Reader& r, const json::array& doors, const std::string& path,
                                  const Polygon* walkable, NameTable& names);

}  // namespace campusflow::scenario_parse
