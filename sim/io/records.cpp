#include "sim/io/records.hpp"

#include <cstddef>
#include <initializer_list>

namespace campusflow::io {

CompoundTypes build(std::size_t struct_size, std::initializer_list<Field> fields) {
  CompoundTypes t{Handle(check(H5Tcreate(H5T_COMPOUND, struct_size), "cannot create a row type"), H5Tclose), Handle()};
  std::size_t file_size = 0;
  for (const Field& f : fields) {
    if (H5Tinsert(t.memory.get(), f.name, f.offset, f.memory) < 0)
      throw IoError(std::string("cannot describe row field ") + f.name);
    file_size += H5Tget_size(f.file);
  }
  t.file = Handle(check(H5Tcreate(H5T_COMPOUND, file_size), "cannot create a row type"), H5Tclose);
  std::size_t offset = 0;
  for (const Field& f : fields) {
    if (H5Tinsert(t.file.get(), f.name, offset, f.file) < 0)
      throw IoError(std::string("cannot describe row field ") + f.name);
    offset += H5Tget_size(f.file);
  }
  return t;
}

CompoundTypes trajectory_types() {
  return build(sizeof(TrajectoryRow),
               {{"id", offsetof(TrajectoryRow, id), H5T_NATIVE_INT64, H5T_STD_I64LE},
                {"frame", offsetof(TrajectoryRow, frame), H5T_NATIVE_INT64, H5T_STD_I64LE},
                {"x", offsetof(TrajectoryRow, x), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"y", offsetof(TrajectoryRow, y), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"z", offsetof(TrajectoryRow, z), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

CompoundTypes agent_types() {
  return build(sizeof(AgentRow),
               {{"id", offsetof(AgentRow, id), H5T_NATIVE_INT64, H5T_STD_I64LE},
                {"group", offsetof(AgentRow, group), H5T_NATIVE_INT32, H5T_STD_I32LE},
                {"level", offsetof(AgentRow, level), H5T_NATIVE_INT32, H5T_STD_I32LE},
                {"profile", offsetof(AgentRow, profile), H5T_NATIVE_INT32, H5T_STD_I32LE},
                {"radius", offsetof(AgentRow, radius), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"desired_speed", offsetof(AgentRow, desired_speed), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"pre_movement", offsetof(AgentRow, pre_movement), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"spawn_x", offsetof(AgentRow, spawn_x), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                {"spawn_y", offsetof(AgentRow, spawn_y), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

CompoundTypes exit_event_types() {
  return build(sizeof(ExitEventRow),
               {{"agent", offsetof(ExitEventRow, agent), H5T_NATIVE_INT64, H5T_STD_I64LE},
                {"exit", offsetof(ExitEventRow, exit), H5T_NATIVE_INT32, H5T_STD_I32LE},
                {"time", offsetof(ExitEventRow, time), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

CompoundTypes passage_types() {
  return build(sizeof(PassageRow),
               {{"agent", offsetof(PassageRow, agent), H5T_NATIVE_INT64, H5T_STD_I64LE},
                {"place", offsetof(PassageRow, place), H5T_NATIVE_INT32, H5T_STD_I32LE},
                {"time", offsetof(PassageRow, time), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

CompoundTypes class_types() {
  return build(sizeof(ClassRow), {{"group", offsetof(ClassRow, group), H5T_NATIVE_INT32, H5T_STD_I32LE},
                                  {"start", offsetof(ClassRow, start), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                                  {"cleared", offsetof(ClassRow, cleared), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                                  {"assembled", offsetof(ClassRow, assembled), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

CompoundTypes density_types() {
  return build(sizeof(DensityRow), {{"time", offsetof(DensityRow, time), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                                    {"level", offsetof(DensityRow, level), H5T_NATIVE_INT32, H5T_STD_I32LE},
                                    {"x", offsetof(DensityRow, x), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                                    {"y", offsetof(DensityRow, y), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE},
                                    {"density", offsetof(DensityRow, density), H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE}});
}

}  // namespace campusflow::io
