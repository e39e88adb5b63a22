#pragma once
// Command-line parsing shared by the subcommands.
#include <boost/program_options.hpp>
#include <filesystem>
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

// Why the file `output` may not be written (empty: it may): it is `input`, the
// `what` (also through a hard link, or as input's .partial), or its name holds
// something other than a regular file (io::check_output_name): a device, a
// folder, a FIFO, a link.
std::string output_file_refusal(const std::filesystem::path& output, const std::filesystem::path& input,
                                const char* what);
// Why the folder `output` may not be written into (empty: it may): its name
// holds something other than a folder, or a link.
std::string output_folder_refusal(const std::filesystem::path& output);

// The default output's name from a scenario's or study's name (out/NAME.h5,
// out/NAME/): one file name, whatever the name holds. Separators, control
// characters and a leading dot become '_'; UTF-8 (a Chinese name) is kept,
// cut to at most 120 bytes at a character's start.
std::string file_name_from(const std::string& name);

}  // namespace campusflow::cli
