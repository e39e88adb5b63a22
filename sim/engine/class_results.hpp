#pragma once
// Per-class results of a drill (the roll call): when the class started to
// move (its first member's release), when it had cleared the building (its
// last member through a door or path marked building_exit; without such
// places, through an exit) and when it had assembled (its last member safe).
// Collected from the passages and exits each step reports.
#include <cstdint>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace campusflow {

struct ClassResult {
  double start = -1.0;      // [s] after the alarm
  double cleared = -1.0;    // [s]; -1 while some member is inside
  double assembled = -1.0;  // [s]; -1 while some member is not safe
};

class ClassResults {
 public:
  explicit ClassResults(const CompiledScenario& sc);
  // After every step.
  void record(const Simulation& sim);
  // At the end: the results, with -1 for a class not wholly out or safe.
  std::vector<ClassResult> finish(const Simulation& sim) const;

 private:
  const CompiledScenario& sc_;
  bool has_building_exits_ = false;
  std::vector<char> building_exit_;  // (places)
  std::vector<double> out_of_building_;  // (agents) [s] when it left the building, -1 before
};

}  // namespace campusflow
