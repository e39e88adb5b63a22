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
