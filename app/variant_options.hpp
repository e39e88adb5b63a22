#pragma once
// --variant NAME and --set POINTER=VALUE, for the commands that read a
// scenario (run, check): a what-if without editing the file.
#include <boost/program_options.hpp>
#include <optional>

#include "sim/scenario/scenario_patch.hpp"

namespace campusflow::cli {

void add_variant_options(boost::program_options::options_description& opts);

// The variant the options name; nullopt after printing (to stderr) why a
// --set is not POINTER=VALUE with a JSON value: exit 2.
std::optional<ScenarioVariant> variant_from(const boost::program_options::variables_map& vm, const char* command);

}  // namespace campusflow::cli
