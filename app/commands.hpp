#pragma once
// The subcommands of `campusflow`. Each takes the arguments after its name.
#include <string>
#include <vector>

namespace campusflow::cli {

int run_command(const std::vector<std::string>& args);
int check_command(const std::vector<std::string>& args);
int verify_command(const std::vector<std::string>& args);
int view_command(const std::vector<std::string>& args);
int render_command(const std::vector<std::string>& args);
int report_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int export_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);

// The scenario's warnings (LoadResult::warnings) on stderr, then their count;
// nothing when there are none. `check` and `run` print them; they change no exit code.
void print_warnings(const std::vector<std::string>& warnings);

}  // namespace campusflow::cli
