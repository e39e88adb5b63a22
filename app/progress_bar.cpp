#include "app/progress_bar.hpp"

#include <cstdio>
#include <ostream>
#include <string>

namespace campusflow::cli {

namespace {
constexpr int kWidth = 30;            // characters of bar
constexpr double kLogInterval = 5.0;  // [s] between lines when not on a terminal
}  // namespace

ProgressBar::ProgressBar(std::ostream& out, bool terminal) : out_(out), terminal_(terminal) {}

void ProgressBar::update(const Progress& p) {
  if (!terminal_ && p.wall_time - last_line_wall_ < kLogInterval) return;
  last_line_wall_ = p.wall_time;
  const double done = p.total ? 1.0 - static_cast<double>(p.inside) / static_cast<double>(p.total) : 1.0;
  const int filled = static_cast<int>(done * kWidth);
  const double rtf = p.wall_time > 0 ? p.simulated_time / p.wall_time : 0.0;
  char line[160];
  std::snprintf(line, sizeof line, "[%s%s] t = %7.1f s  agents left %zu/%zu  real-time factor %.1f",
                std::string(static_cast<std::size_t>(filled), '#').c_str(),
                std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), p.simulated_time, p.inside,
                p.total, rtf);
  out_ << (terminal_ ? "\r" : "") << line << (terminal_ ? "" : "\n") << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (terminal_ && drawn_) out_ << "\n" << std::flush;
}

}  // namespace campusflow::cli
