#include "app/stop_signal.hpp"

#include <csignal>

namespace campusflow::cli {

namespace {
std::atomic<bool> g_stop_requested{false};
extern "C" void request_stop(int) { g_stop_requested.store(true); }
}  // namespace

void install_stop_handlers() {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
}

const std::atomic<bool>& stop_requested() { return g_stop_requested; }

}  // namespace campusflow::cli
