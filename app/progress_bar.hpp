#pragma once
// The run's progress line on stderr: simulated time, agents left, real-time
// factor. On a terminal it redraws in place; otherwise it prints a line now
// and then so logs stay readable.
#include <cstddef>
#include <iosfwd>

#include "sim/engine/run.hpp"

namespace campusflow::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& out, bool terminal);
  void update(const Progress& p);
  void finish();

 private:
  std::ostream& out_;
  bool terminal_;
  double last_line_wall_ = -1e9;
  bool drawn_ = false;
};

}  // namespace campusflow::cli
