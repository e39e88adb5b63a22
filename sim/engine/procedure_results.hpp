#pragma once
// A drill's phases and a lockdown's rooms, for the summary and the result
// (docs/models/procedures.md). Times count from the alarm.
#include <string>
#include <vector>

#include "sim/engine/simulation.hpp"
#include "sim/io/procedure_records.hpp"

namespace campusflow {

// At the end of a run: `end` is when the last phase ended [s] (the
// evacuation time; for a lockdown the time every room was secured), -1 when
// it was not reached.
io::ProcedureTables procedure_tables(const Simulation& sim);

// Phases named for the first line of a summary: "drop, cover and hold
// 0.0-60.0 s, evacuation 60.0-452.3 s".
std::string describe_phases(const io::ProcedureTables& t);

}  // namespace campusflow
