#pragma once
// The run's progress line on stderr: simulated time, agents left, real-time
// factor. On a terminal it redraws in place; otherwise it prints a line now
// and then so logs stay readable.
#include <cstddef>
#include <iosfwd>
#include <string>

#include "sim/engine/run.hpp"

namespace campusflow::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& out, bool terminal);
  void update(const Progress& p);
  // A bar `fraction` full and `text` after it, `wall_time` [s] since the
  // start; off a terminal at most one line per few seconds, unless `force`.
  void show(double fraction, double wall_time, const std::string& text, bool force = false);
  void finish();

 private:
  std::ostream& out_;
  bool terminal_;
  double last_line_wall_ = -1e9;
  bool drawn_ = false;
};

}  // namespace campusflow::cli
