#include "sim/engine/procedure_results.hpp"

#include <algorithm>
#include <cstdio>

namespace campusflow {

io::ProcedureTables procedure_tables(const Simulation& sim) {
  const CompiledScenario& sc = sim.scenario();
  const ProcedureSpec& p = sc.procedure;
  io::ProcedureTables t;
  t.procedure = std::string(kProcedureNames[static_cast<std::size_t>(p.kind)]);
  const double evacuated = sim.evacuation_time();
  switch (p.kind) {
    case ProcedureKind::kEvacuation:
      t.phases.push_back({"evacuation", 0.0, evacuated});
      break;
    case ProcedureKind::kEarthquake:
      // The second signal sounds at `hold` whatever happens after it.
      t.phases.push_back({"drop, cover and hold", 0.0, std::min(p.hold, us_to_seconds(sim.now()))});
      t.phases.push_back({"evacuation", p.hold, evacuated});
      break;
    case ProcedureKind::kLockdown: {
      const Lockdown& lockdown = *sim.lockdown();
      bool all = lockdown.done();
      double last = 0.0;
      for (std::size_t r = 0; r < sc.rooms.size(); ++r) {
        const RoomState& s = lockdown.rooms()[r];
        if (s.sheltering == 0) continue;  // a room nobody shelters in is not part of the drill
        const double ready = s.ready < 0 ? -1.0 : us_to_seconds(s.ready);
        const double secured = s.secured < 0 || s.secured > sim.now() ? -1.0 : us_to_seconds(s.secured);
        t.rooms.push_back({sc.rooms[r].name, static_cast<std::int32_t>(sc.rooms[r].level),
                           static_cast<std::int64_t>(s.sheltering), ready, secured});
        all = all && secured >= 0.0;
        last = std::max(last, secured);
      }
      t.time_to_secure = all ? last : -1.0;
      t.phases.push_back({"lockdown", 0.0, t.time_to_secure});
      break;
    }
  }
  return t;
}

std::string describe_phases(const io::ProcedureTables& t) {
  std::string out;
  for (const io::PhaseRow& p : t.phases) {
    char buf[160];
    if (p.end >= 0.0)
      std::snprintf(buf, sizeof buf, "%s%s %.1f-%.1f s", out.empty() ? "" : ", ", p.name.c_str(), p.start, p.end);
    else
      std::snprintf(buf, sizeof buf, "%s%s from %.1f s, not ended", out.empty() ? "" : ", ", p.name.c_str(), p.start);
    out += buf;
  }
  return out;
}

}  // namespace campusflow
