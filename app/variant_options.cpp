#include "app/variant_options.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace campusflow::cli {

void add_variant_options(boost::program_options::options_description& opts) {
  namespace po = boost::program_options;
  opts.add_options()("variant", po::value<std::string>(), "a named variant of the scenario (its \"variants\")")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "POINTER=VALUE: set the value (JSON) the JSON pointer names, after the variant's; repeatable, "
      "e.g. --set /settings/seed=7 --set '/groups/0/name=\"7A\"'");
}

std::optional<ScenarioVariant> variant_from(const boost::program_options::variables_map& vm, const char* command) {
  ScenarioVariant variant;
  if (vm.count("variant")) variant.variant = vm["variant"].as<std::string>();
  if (!vm.count("set")) return variant;
  bool ok = true;
  for (const std::string& argument : vm["set"].as<std::vector<std::string>>()) {
    std::string error;
    if (auto patch = parse_set_argument(argument, error)) {
      variant.sets.push_back(std::move(*patch));
    } else {
      std::cerr << "campusflow " << command << ": " << error << "\n";
      ok = false;  // every bad --set at once, as the file's errors
    }
  }
  if (!ok) return std::nullopt;
  return variant;
}

}  // namespace campusflow::cli
