#include "sim/io/result_writer.hpp"

#include <vector>

namespace campusflow::io {

namespace {

Handle create_group(hid_t parent, const char* name) {
  return Handle(check(H5Gcreate2(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                      std::string("cannot create group ") + name),
                H5Gclose);
}

// A fixed-size one-dimensional dataset written at once.
void write_dataset(hid_t parent, const char* name, hid_t type, std::size_t n, const void* data) {
  const hsize_t dims[1] = {n};
  Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose);
  Handle set(check(H5Dcreate2(parent, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                   std::string("cannot create dataset ") + name),
             H5Dclose);
  if (n > 0 && H5Dwrite(set.get(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    throw IoError(std::string("cannot write dataset ") + name);
}

void write_strings(hid_t parent, const char* name, std::span<const std::string> values) {
  std::vector<const char*> pointers;
  for (const std::string& s : values) pointers.push_back(s.c_str());
  const Handle type = string_type();
  write_dataset(parent, name, type.get(), pointers.size(), pointers.data());
}

// Field descriptions as in the Pedestrian Dynamics Data Archive.
void describe_trajectory(hid_t set, double fps) {
  write_attribute(set, "fps", fps);
  write_attribute(set, "id", std::string("unique identifier for pedestrian"));
  write_attribute(set, "frame", std::string("frame number"));
  write_attribute(set, "x", std::string("pedestrian x-coordinate (meter [m])"));
  write_attribute(set, "y", std::string("pedestrian y-coordinate (meter [m])"));
  write_attribute(set, "z", std::string("pedestrian z-coordinate (meter [m]), the level's elevation"));
}

}  // namespace

ResultWriter::ResultWriter(std::filesystem::path final_path, double fps, const RunInfo& info,
                           std::span<const LevelGeometry> levels)
    : final_(std::move(final_path)), partial_(final_.string() + ".partial") {
  silence_hdf5_errors();
  file_ = Handle(H5Fcreate(partial_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!file_.valid()) throw IoError("cannot create " + partial_.string());
  const hid_t root = file_.get();
  write_attribute(root, "wkt_geometry", levels.empty() ? std::string() : levels.front().wkt);
  write_attribute(root, "file_version", std::string("1.0.0"));
  write_attribute(root, "source", std::string("campusflow ") + info.version);

  trajectory_ = AppendableDataset<TrajectoryRow>(root, "trajectory", trajectory_type(), kBufferRows);
  describe_trajectory(trajectory_.id(), fps);

  campusflow_ = create_group(root, "campusflow");
  const hid_t cf = campusflow_.get();
  write_attribute(cf, "format", std::string("campusflow-result/1"));
  write_attribute(cf, "status", std::string("incomplete"));
  write_attribute(cf, "version", info.version);
  write_attribute(cf, "scenario_name", info.scenario_name);
  write_attribute(cf, "scenario_file", info.scenario_file);
  write_attribute(cf, "scenario_text", info.scenario_text);
  write_attribute(cf, "scenario_hash", info.scenario_hash);
  write_attribute(cf, "seed", info.seed);
  write_attribute(cf, "threads", static_cast<std::int64_t>(info.threads));
  write_attribute(cf, "dt", info.dt);
  write_attribute(cf, "fps", fps);

  Handle geometry = create_group(cf, "geometry");
  for (std::size_t l = 0; l < levels.size(); ++l) {
    Handle level = create_group(geometry.get(), ("level_" + std::to_string(l)).c_str());
    write_attribute(level.get(), "name", levels[l].name);
    write_attribute(level.get(), "elevation", levels[l].elevation);
    write_attribute(level.get(), "wkt", levels[l].wkt);
  }
  exits_ = AppendableDataset<ExitEventRow>(cf, "exit_events", exit_event_type(), kBufferRows);
  H5Fflush(root, H5F_SCOPE_GLOBAL);
}

void ResultWriter::write_agents(std::span<const AgentRow> agents, std::span<const std::string> group_names,
                                std::span<const std::string> profile_names) {
  const Handle type = agent_type();
  write_dataset(campusflow_.get(), "agents", type.get(), agents.size(), agents.data());
  write_strings(campusflow_.get(), "group_names", group_names);
  write_strings(campusflow_.get(), "profile_names", profile_names);
}

void ResultWriter::finish(const RunSummary& s, double wall_time) {
  trajectory_.flush();
  exits_.flush();
  Handle summary = create_group(campusflow_.get(), "summary");
  const hid_t g = summary.get();
  write_attribute(g, "evacuation_time", s.evacuation_time);
  write_attribute(g, "agents", s.agents);
  write_attribute(g, "exited", s.exited);
  write_attribute(g, "simulated_time", s.simulated_time);
  write_attribute(g, "state_hash", s.state_hash);
  write_strings(g, "exit_names", s.exit_names);
  write_dataset(g, "exit_counts", H5T_NATIVE_INT64, s.exit_counts.size(), s.exit_counts.data());
  write_attribute(campusflow_.get(), "wall_time", wall_time);
  write_attribute(campusflow_.get(), "status", std::string("complete"));
  summary.reset();
  close();
  std::filesystem::rename(partial_, final_);
  finished_ = true;
}

void ResultWriter::close() {
  trajectory_.close();
  exits_.close();
  campusflow_.reset();
  if (file_.valid()) H5Fflush(file_.get(), H5F_SCOPE_GLOBAL);
  file_.reset();
}

ResultWriter::~ResultWriter() {
  if (finished_) return;
  try {
    trajectory_.flush();
    exits_.flush();
  } catch (...) {
    // Nothing more can be saved; the file stays marked incomplete.
  }
  close();
}

}  // namespace campusflow::io
