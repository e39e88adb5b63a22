#pragma once
// The drill procedure's part of a result (docs/result-format.md): the phases
// of the drill and, for a lockdown, when each room was secured.
#include <cstdint>
#include <string>
#include <vector>

#include <hdf5.h>

namespace campusflow::io {

struct PhaseRow {
  std::string name;  // "drop, cover and hold", "evacuation", "lockdown"
  double start = 0.0;  // [s] after the alarm
  double end = -1.0;   // [s] after the alarm; -1: not reached by the end of the run
};

struct RoomRow {
  std::string name;            // "room behind DOOR"
  std::int32_t level = 0;
  std::int64_t sheltering = 0;  // agents who shelter there
  double ready = -1.0;          // [s] everyone in and the doorways free; -1: never
  double secured = -1.0;        // [s] door shut and locked; -1: never
};

// A staff member at a post (docs/models/staff.md).
struct StaffRow {
  std::string name;
  std::string duty;        // "meter" or "hold"
  std::string place;       // the door, exit or stair end acted on ("STAIR (from)")
  double posted = -1.0;      // [s] reached the post; -1: never
  double stood_down = -1.0;  // [s] the stand-down condition held; -1: never
  double safe = -1.0;        // [s] reached safety; -1: never
};

struct ProcedureTables {
  std::string procedure = "evacuation";  // "evacuation", "earthquake" or "lockdown"
  std::vector<PhaseRow> phases;
  std::vector<RoomRow> rooms;            // empty unless a lockdown
  double time_to_secure = -1.0;          // [s] the last occupied room secured; -1: not all, or no lockdown
  std::vector<StaffRow> staff;           // staff at their posts; the table is written only when there are any
};

// /campusflow/phases, /campusflow/rooms and, with staff, /campusflow/staff (a column per field), and the
// summary attributes procedure and time_to_secure on `summary`.
void write_procedure_tables(hid_t campusflow, hid_t summary, const ProcedureTables& t);

}  // namespace campusflow::io
