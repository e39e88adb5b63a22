#include "sim/io/records.hpp"

#include <cstddef>

namespace campusflow::io {

namespace {
Handle compound(std::size_t size) { return Handle(H5Tcreate(H5T_COMPOUND, size), H5Tclose); }
}  // namespace

Handle trajectory_type() {
  Handle t = compound(sizeof(TrajectoryRow));
  H5Tinsert(t.get(), "id", offsetof(TrajectoryRow, id), H5T_NATIVE_INT64);
  H5Tinsert(t.get(), "frame", offsetof(TrajectoryRow, frame), H5T_NATIVE_INT64);
  H5Tinsert(t.get(), "x", offsetof(TrajectoryRow, x), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "y", offsetof(TrajectoryRow, y), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "z", offsetof(TrajectoryRow, z), H5T_NATIVE_DOUBLE);
  return t;
}

Handle agent_type() {
  Handle t = compound(sizeof(AgentRow));
  H5Tinsert(t.get(), "id", offsetof(AgentRow, id), H5T_NATIVE_INT64);
  H5Tinsert(t.get(), "group", offsetof(AgentRow, group), H5T_NATIVE_INT32);
  H5Tinsert(t.get(), "level", offsetof(AgentRow, level), H5T_NATIVE_INT32);
  H5Tinsert(t.get(), "profile", offsetof(AgentRow, profile), H5T_NATIVE_INT32);
  H5Tinsert(t.get(), "radius", offsetof(AgentRow, radius), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "desired_speed", offsetof(AgentRow, desired_speed), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "pre_movement", offsetof(AgentRow, pre_movement), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "spawn_x", offsetof(AgentRow, spawn_x), H5T_NATIVE_DOUBLE);
  H5Tinsert(t.get(), "spawn_y", offsetof(AgentRow, spawn_y), H5T_NATIVE_DOUBLE);
  return t;
}

Handle exit_event_type() {
  Handle t = compound(sizeof(ExitEventRow));
  H5Tinsert(t.get(), "agent", offsetof(ExitEventRow, agent), H5T_NATIVE_INT64);
  H5Tinsert(t.get(), "exit", offsetof(ExitEventRow, exit), H5T_NATIVE_INT32);
  H5Tinsert(t.get(), "time", offsetof(ExitEventRow, time), H5T_NATIVE_DOUBLE);
  return t;
}

}  // namespace campusflow::io
