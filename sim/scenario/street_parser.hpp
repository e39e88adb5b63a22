#pragma once
// Reads the `street` section of a scenario (docs/scenario-format.md) into a
// StreetSpec: every name resolved to an index, every problem reported with
// its path, all at once. The network, curb zones and demand are read by
// separate files (parse_street.cpp, parse_street_zones.cpp,
// parse_street_demand.cpp) sharing this parser's name tables. Internal to
// sim/scenario.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/data_files.hpp"
#include "sim/scenario/json_reader.hpp"
#include "sim/traffic/street_spec.hpp"

namespace campusflow::scenario_parse {

// Names of one kind (nodes, links, ...) -> index, and who took each name.
struct NameIndex {
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::string> taken;  // name -> path
  std::vector<std::string> order;

  void add(const std::string& name, std::size_t i) {
    if (!name.empty() && index.emplace(name, i).second) order.push_back(name);
  }
};

class StreetParser {
 public:
  StreetParser(Reader& r, std::string root, DataFiles data)
      : r_(r), root_(std::move(root)), data_(std::move(data)) {}

  // The whole section; nullopt when anything was wrong.
  std::optional<StreetSpec> parse(const json::value& v);

  // Shared helpers (json_reader style: report, then return empty).
  // Calls f(element, path, index) for each element of the array member `key`.
  void each(const json::object& o, const std::string& path, std::string_view key,
            const std::function<void(const json::value&, const std::string&, std::size_t)>& f);
  // A name of `names` in member `key`; reports unknown names with a suggestion.
  std::optional<std::size_t> ref(const json::object& o, const std::string& path, std::string_view key,
                                 const NameIndex& names, std::string_view what, bool required = true);
  std::optional<std::size_t> ref_value(const json::value& v, const std::string& path, const NameIndex& names,
                                       std::string_view what);
  // An optional number member read into `into`; false when present but bad.
  bool number(const json::object& o, const std::string& path, std::string_view key, const Range& range,
              double& into, bool required = false);
  bool count(const json::object& o, const std::string& path, std::string_view key, std::uint64_t min,
             std::uint64_t max, std::uint32_t& into, bool required = false);
  // A time window [from, to): from < to.
  bool window(const json::object& o, const std::string& path, double& from, double& to);

 private:
  // parse_street.cpp: the network.
  void vehicle_types(const json::object& o);
  void nodes(const json::object& o);
  void links(const json::object& o);
  void connections(const json::object& o);
  void signals(const json::object& o);
  void routes(const json::object& o);
  void restrictions(const json::object& o);
  std::optional<std::size_t> connection_ref(const json::value& v, const std::string& path);
  // parse_street_zones.cpp: crossings, guards, gates, curb zones, the no-car zone, approaches.
  void crossings(const json::object& o);
  void guards(const json::object& o);
  void entry_check(const json::value& v, const std::string& path, GateSpec& gate);
  void gates(const json::object& o);
  void curb_zones(const json::object& o);
  void no_car_zone(const json::object& o);
  void approaches(const json::object& o);
  // parse_street_demand.cpp.
  void demand(const json::object& o);
  void demand_rows(const json::object& o, const std::string& path);
  void demand_file(const json::value& v, const std::string& path);
  void drop_off_profile(const json::value& v, const std::string& path);
  void flows(const json::object& o, const std::string& path);
  void walk_in_flows(const json::object& o, const std::string& path);
  bool position_on_link(std::size_t link, double position, const std::string& path, const json::value& v);

  Reader& r_;
  std::string root_;
  DataFiles data_;  // where a demand file may be read from
  StreetSpec s_;
  bool ok_ = true;
  NameIndex types_, nodes_, links_, routes_, crossings_, gates_, zones_, signals_, guards_, approaches_;
  std::map<std::string, std::string> demand_ids_;  // id -> where it was given
  // Crossings that say "priority": true, with where: refused once a signal serves them.
  std::vector<std::pair<std::size_t, const json::value*>> priority_given_;
  void signalled_priority();
};

}  // namespace campusflow::scenario_parse
