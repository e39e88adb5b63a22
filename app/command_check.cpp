// campusflow check SCENARIO: validate and print every error at once.
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace campusflow::cli {

int check_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow check SCENARIO");
  opts.add_options()("help,h", "show this help");
  po::variables_map vm;
  if (const int rc = parse_command_line("check", args, opts, vm); rc >= 0) return rc;
  const std::string path = vm["scenario"].as<std::string>();
  const LoadResult loaded = load_scenario_file(path);
  if (!loaded.errors.empty()) {
    for (const std::string& e : loaded.errors) std::cerr << e << "\n";
    std::cerr << loaded.errors.size() << (loaded.errors.size() == 1 ? " error\n" : " errors\n");
    return kBadInput;
  }
  const CompiledScenario& sc = *loaded.scenario;
  std::cout << path << ": ok: " << sc.levels.size() << " level(s), " << sc.exits.size() << " exit(s), "
            << sc.groups.size() << " group(s), " << sc.agent_count << " agents\n";
  return kOk;
}

}  // namespace campusflow::cli
