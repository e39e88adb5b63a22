#include "sim/io/procedure_records.hpp"

#include "sim/io/hdf5_objects.hpp"

namespace campusflow::io {

void write_procedure_tables(hid_t campusflow, hid_t summary, const ProcedureTables& t) {
  write_attribute(summary, "procedure", t.procedure);
  write_attribute(summary, "time_to_secure", t.time_to_secure);
  const Handle phases = create_group(campusflow, "phases");
  write_column(phases.get(), "name", std::span(t.phases), &PhaseRow::name);
  write_column(phases.get(), "start", std::span(t.phases), &PhaseRow::start);
  write_column(phases.get(), "end", std::span(t.phases), &PhaseRow::end);
  if (!t.staff.empty()) {
    const Handle staff = create_group(campusflow, "staff");
    const std::span rows(t.staff);
    write_column(staff.get(), "name", rows, &StaffRow::name);
    write_column(staff.get(), "duty", rows, &StaffRow::duty);
    write_column(staff.get(), "place", rows, &StaffRow::place);
    write_column(staff.get(), "posted", rows, &StaffRow::posted);
    write_column(staff.get(), "stood_down", rows, &StaffRow::stood_down);
    write_column(staff.get(), "safe", rows, &StaffRow::safe);
  }
  const Handle rooms = create_group(campusflow, "rooms");
  const std::span room_rows(t.rooms);
  write_column(rooms.get(), "name", room_rows, &RoomRow::name);
  write_column(rooms.get(), "level", room_rows, &RoomRow::level);
  write_column(rooms.get(), "sheltering", room_rows, &RoomRow::sheltering);
  write_column(rooms.get(), "ready", room_rows, &RoomRow::ready);
  write_column(rooms.get(), "secured", room_rows, &RoomRow::secured);
}

}  // namespace campusflow::io
