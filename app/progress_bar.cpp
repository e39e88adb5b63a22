#include "app/progress_bar.hpp"

#include <algorithm>
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
  const double done = p.total ? 1.0 - static_cast<double>(p.inside) / static_cast<double>(p.total) : 1.0;
  const double rtf = p.wall_time > 0 ? p.simulated_time / p.wall_time : 0.0;
  char text[120];
  std::snprintf(text, sizeof text, "t = %7.1f s  agents left %zu/%zu  real-time factor %.1f", p.simulated_time,
                p.inside, p.total, rtf);
  show(done, p.wall_time, text);
}

void ProgressBar::show(double fraction, double wall_time, const std::string& text, bool force) {
  if (!terminal_ && !force && wall_time - last_line_wall_ < kLogInterval) return;
  last_line_wall_ = wall_time;
  const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kWidth);
  // On a terminal the line is redrawn in place; the spaces wipe a longer one before it.
  out_ << (terminal_ ? "\r" : "") << "[" << std::string(static_cast<std::size_t>(filled), '#')
       << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << text << (terminal_ ? "   " : "\n")
       << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (terminal_ && drawn_) out_ << "\n" << std::flush;
}

}  // namespace campusflow::cli
