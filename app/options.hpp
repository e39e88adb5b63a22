#pragma once
// Command-line parsing shared by the subcommands.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace campusflow::cli {

// Parses the arguments of `campusflow COMMAND` with one required positional
// argument, SCENARIO (stored as "scenario") or another `positional` (stored
// under its name in lower case). Returns -1 to go on, or an exit code: 0
// after --help, 2 after a parse error or a missing positional (printed).
int parse_command_line(const char* command, const std::vector<std::string>& args,
                       const boost::program_options::options_description& visible,
                       boost::program_options::variables_map& vm, const char* positional = "SCENARIO");

}  // namespace campusflow::cli
