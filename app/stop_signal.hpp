#pragma once
// Ctrl-C (SIGINT) and SIGTERM as a request to stop: a command that writes
// checks the flag between steps or frames and ends cleanly, leaving its
// outputs as their rules say (sim/io/output_file.hpp), instead of dying with
// a half-written file under a .partial name.
#include <atomic>

namespace campusflow::cli {

// Routes SIGINT and SIGTERM to the flag below.
void install_stop_handlers();
// Set once SIGINT or SIGTERM arrived. A signal handler can only reach static
// storage: this flag is the one piece of process-wide state, and only the
// handler writes it.
const std::atomic<bool>& stop_requested();

}  // namespace campusflow::cli
