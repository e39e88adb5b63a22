#include "sim/io/procedure_records.hpp"

#include "sim/io/hdf5_objects.hpp"

namespace campusflow::io {

void write_procedure_tables(hid_t campusflow, hid_t summary, const ProcedureTables& t) {
  write_attribute(summary, "procedure", t.procedure);
  write_attribute(summary, "time_to_secure", t.time_to_secure);
  {
    const Handle group = create_group(campusflow, "phases");
    std::vector<std::string> name;
    std::vector<double> start, end;
    for (const PhaseRow& p : t.phases) {
      name.push_back(p.name);
      start.push_back(p.start);
      end.push_back(p.end);
    }
    write_strings(group.get(), "name", name);
    write_rows(group.get(), "start", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, start.size(), start.data());
    write_rows(group.get(), "end", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, end.size(), end.data());
  }
  if (!t.staff.empty()) {
    const Handle group = create_group(campusflow, "staff");
    std::vector<std::string> name, duty, place;
    std::vector<double> posted, stood_down, safe;
    for (const StaffRow& r : t.staff) {
      name.push_back(r.name);
      duty.push_back(r.duty);
      place.push_back(r.place);
      posted.push_back(r.posted);
      stood_down.push_back(r.stood_down);
      safe.push_back(r.safe);
    }
    write_strings(group.get(), "name", name);
    write_strings(group.get(), "duty", duty);
    write_strings(group.get(), "place", place);
    write_rows(group.get(), "posted", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, posted.size(), posted.data());
    write_rows(group.get(), "stood_down", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, stood_down.size(), stood_down.data());
    write_rows(group.get(), "safe", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, safe.size(), safe.data());
  }
  const Handle group = create_group(campusflow, "rooms");
  std::vector<std::string> name;
  std::vector<std::int32_t> level;
  std::vector<std::int64_t> sheltering;
  std::vector<double> ready, secured;
  for (const RoomRow& r : t.rooms) {
    name.push_back(r.name);
    level.push_back(r.level);
    sheltering.push_back(r.sheltering);
    ready.push_back(r.ready);
    secured.push_back(r.secured);
  }
  write_strings(group.get(), "name", name);
  write_rows(group.get(), "level", H5T_STD_I32LE, H5T_NATIVE_INT32, level.size(), level.data());
  write_rows(group.get(), "sheltering", H5T_STD_I64LE, H5T_NATIVE_INT64, sheltering.size(), sheltering.data());
  write_rows(group.get(), "ready", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, ready.size(), ready.data());
  write_rows(group.get(), "secured", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, secured.size(), secured.data());
}

}  // namespace campusflow::io
