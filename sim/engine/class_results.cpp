#include "sim/engine/class_results.hpp"

#include <algorithm>

namespace campusflow {

ClassResults::ClassResults(const CompiledScenario& sc)
    : sc_(sc), building_exit_(sc.places.size(), 0), out_of_building_(sc.agent_count, -1.0) {
  for (std::size_t p = 0; p < sc.places.size(); ++p) {
    building_exit_[p] = sc.places[p].building_exit;
    has_building_exits_ = has_building_exits_ || building_exit_[p];
  }
}

void ClassResults::record(const Simulation& sim) {
  for (const PassageRecord& p : sim.output().passages) {
    const bool leaves = has_building_exits_ ? building_exit_[p.place] != 0
                                            : sim.scenario().places[p.place].exit >= 0;
    if (leaves && out_of_building_[p.agent] < 0.0) out_of_building_[p.agent] = p.time;
  }
}

std::vector<ClassResult> ClassResults::finish(const Simulation& sim) const {
  const Agents& a = sim.agents();
  // The roll call is the classes': staff groups (after class_groups()) have their own table.
  std::vector<ClassResult> out(sc_.class_groups());
  for (std::size_t g = 0; g < out.size(); ++g) {
    const CompiledGroup& group = sc_.groups[g];
    ClassResult& r = out[g];
    bool all_out = true, all_safe = true;
    double start = 1e300, cleared = 0.0, assembled = 0.0;
    for (std::uint32_t i = group.first_agent; i < group.first_agent + group.count; ++i) {
      if (a.release[i] != kNever) start = std::min(start, us_to_seconds(a.release[i]));
      all_out = all_out && out_of_building_[i] >= 0.0;
      all_safe = all_safe && a.exit_time[i] >= 0.0;
      cleared = std::max(cleared, out_of_building_[i]);
      assembled = std::max(assembled, a.exit_time[i]);
    }
    r.start = start < 1e300 ? start : -1.0;
    r.cleared = all_out ? cleared : -1.0;
    r.assembled = all_safe ? assembled : -1.0;
  }
  return out;
}

}  // namespace campusflow
