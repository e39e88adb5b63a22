// campusflow check SCENARIO: validate and print every error at once, or the
// plan's warnings and a summary of what the scenario holds.
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/variant_options.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace campusflow::cli {

namespace {

// "1 curb zone", "2 curb zones".
std::string count(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The street in two lines: its network and controls, then its demand as
// written and as drawn for the scenario's seed.
void print_street(const std::string& path, const CompiledStreet& street) {
  const StreetSpec& s = street.spec;
  std::size_t stalls = 0;
  for (const CurbZoneSpec& z : s.curb_zones) stalls += z.stalls;
  std::cout << path << ": street: " << count(s.nodes.size(), "node", "nodes") << ", "
            << count(s.links.size(), "link", "links") << ", " << count(s.curb_zones.size(), "curb zone", "curb zones")
            << " (" << count(stalls, "stall", "stalls") << "), " << count(s.crossings.size(), "crossing", "crossings")
            << ", " << count(s.signals.size(), "signal", "signals") << ", " << count(s.guards.size(), "guard", "guards")
            << ", " << count(s.gates.size(), "gate", "gates")
            << (s.no_car_zone ? ", no-car zone " + std::to_string(static_cast<long long>(s.no_car_zone->radius)) + " m"
                              : std::string())
            << "\n";
  std::size_t drop_offs = 0;
  for (const DemandVehicle& v : street.vehicles) drop_offs += v.spec.drop_off ? 1 : 0;
  std::cout << path << ": demand: " << count(s.vehicles.size(), "vehicle", "vehicles") << ", "
            << count(s.flows.size(), "flow", "flows") << (s.drop_off_profile ? ", a drop-off profile" : "") << ", "
            << count(s.walk_ins.size(), "walk-in", "walk-ins") << ", "
            << count(s.walk_in_flows.size(), "walk-in flow", "walk-in flows") << "; drawn for seed " << street.seed
            << ": " << count(street.vehicles.size(), "vehicle", "vehicles") << " (" << drop_offs
            << " dropping off or picking up), " << count(street.walk_ins.size(), "pupil on foot", "pupils on foot")
            << "\n";
}


// The file's named variants, each applied and checked like the base: a
// variant is a scenario of its own, and one that names a missing place
// should fail here, not in the middle of a study. Its messages name it.
bool check_variants(const std::string& path, const std::vector<std::string>& names, bool data_outside) {
  bool ok = true;
  for (const std::string& name : names) {
    const std::string label = path + ", variant \"" + name + "\"";
    const LoadResult loaded = load_scenario_file(path, label, data_outside, ScenarioVariant{name, {}});
    for (const std::string& e : loaded.errors) std::cerr << e << "\n";
    print_warnings(loaded.warnings);
    if (loaded.errors.empty())
      std::cout << label << ": ok\n";
    else
      ok = false;
  }
  return ok;
}

}  // namespace

void print_warnings(const std::vector<std::string>& warnings) {
  if (warnings.empty()) return;
  for (const std::string& w : warnings) std::cerr << w << "\n";
  std::cerr << warnings.size() << (warnings.size() == 1 ? " warning\n" : " warnings\n");
}

int check_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow check SCENARIO");
  opts.add_options()("help,h", "show this help")(
      "data-outside", "let the scenario read data files outside its folder (absolute names, ..)");
  add_variant_options(opts);
  po::variables_map vm;
  if (const int rc = parse_command_line("check", args, opts, vm); rc >= 0) return rc;
  const std::optional<ScenarioVariant> variant = variant_from(vm, "check");
  if (!variant) return kBadInput;
  const std::string path = vm["scenario"].as<std::string>();
  const bool data_outside = vm.count("data-outside") > 0;
  const LoadResult loaded = load_scenario_file(path, {}, data_outside, *variant);
  if (!loaded.errors.empty()) {
    for (const std::string& e : loaded.errors) std::cerr << e << "\n";
    std::cerr << loaded.errors.size() << (loaded.errors.size() == 1 ? " error\n" : " errors\n");
    return kBadInput;
  }
  print_warnings(loaded.warnings);
  const CompiledScenario& sc = *loaded.scenario;
  // Without a variant chosen, every one of the file's is checked too.
  if (variant->empty() && !check_variants(path, sc.variant_names, data_outside)) return kBadInput;
  // A street alone has no building to summarise.
  if (sc.floor_count > 0 || !sc.street)
    std::cout << path << ": ok: " << sc.levels.size() << " level(s), " << sc.exits.size() << " exit(s), "
              << sc.groups.size() << " group(s), " << sc.agent_count << " agents\n";
  else
    std::cout << path << ": ok\n";
  // The drill played, when it is not a plain evacuation (docs/models/procedures.md).
  if (sc.procedure.kind == ProcedureKind::kEarthquake)
    std::cout << "  procedure: earthquake, drop, cover and hold for " << sc.procedure.hold
              << " s, then evacuate\n";
  if (sc.procedure.kind == ProcedureKind::kLockdown)
    std::cout << "  procedure: lockdown, " << sc.rooms.size() << " room(s) to shelter in, " << sc.procedure.lock
              << " s to lock a door\n";
  if (sc.street) print_street(path, *sc.street);
  return kOk;
}

}  // namespace campusflow::cli
