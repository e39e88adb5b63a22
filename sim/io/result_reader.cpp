#include "sim/io/result_reader.hpp"

#include <fstream>

namespace campusflow::io {

namespace {

Handle open_dataset(hid_t file, const char* path, const std::string& where) {
  if (H5Lexists(file, path, H5P_DEFAULT) <= 0) throw ResultFormatError(where + ": missing " + path);
  return Handle(check(H5Dopen2(file, path, H5P_DEFAULT), where + ": cannot open " + path), H5Dclose);
}

Handle open_group(hid_t file, const char* path, const std::string& where) {
  if (H5Lexists(file, path, H5P_DEFAULT) <= 0) throw ResultFormatError(where + ": missing " + path);
  return Handle(check(H5Gopen2(file, path, H5P_DEFAULT), where + ": cannot open " + path), H5Gclose);
}

std::size_t length(hid_t dataset) {
  Handle space(H5Dget_space(dataset), H5Sclose);
  hsize_t n = 0;
  if (H5Sget_simple_extent_ndims(space.get()) != 1) return 0;
  H5Sget_simple_extent_dims(space.get(), &n, nullptr);
  return static_cast<std::size_t>(n);
}

std::vector<std::string> read_strings(hid_t file, const char* path, const std::string& where) {
  const Handle set = open_dataset(file, path, where);
  std::vector<char*> pointers(length(set.get()), nullptr);
  const Handle type = string_type();
  if (!pointers.empty() && H5Dread(set.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()) < 0)
    throw ResultFormatError(where + ": cannot read " + path);
  std::vector<std::string> out;
  for (char* p : pointers) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return out;
}

}  // namespace

ResultReader::ResultReader(const std::filesystem::path& path) : path_(path) {
  silence_hdf5_errors();
  const std::string where = path.string();
  if (!std::ifstream(path).good()) throw ResultFormatError(where + ": cannot be read (missing or not permitted)");
  if (H5Fis_hdf5(path.c_str()) <= 0) throw ResultFormatError(where + ": is not an HDF5 file");
  file_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file_.valid()) throw ResultFormatError(where + ": is damaged or truncated: HDF5 cannot open it");
  if (H5Lexists(file_.get(), "/campusflow", H5P_DEFAULT) <= 0)
    throw ResultFormatError(where + ": has no /campusflow group: not a campusflow result");
  const Handle cf = open_group(file_.get(), "/campusflow", where);
  if (!has_attribute(cf.get(), "format") || read_string_attribute(cf.get(), "format") != "campusflow-result/1")
    throw ResultFormatError(where + ": /campusflow has no format \"campusflow-result/1\": not a campusflow result");
  if (read_string_attribute(cf.get(), "status") != "complete")
    throw ResultFormatError(where + ": is incomplete: the run was interrupted before it finished");
}

double ResultReader::fps() const {
  const Handle set = open_dataset(file_.get(), "/trajectory", path_.string());
  return read_double_attribute(set.get(), "fps");
}

std::string ResultReader::wkt_geometry() const { return read_string_attribute(file_.get(), "wkt_geometry"); }

std::string ResultReader::attribute(const char* name) const {
  const Handle cf = open_group(file_.get(), "/campusflow", path_.string());
  return read_string_attribute(cf.get(), name);
}

RunSummary ResultReader::summary() const {
  const std::string where = path_.string();
  const Handle g = open_group(file_.get(), "/campusflow/summary", where);
  RunSummary s;
  s.evacuation_time = read_double_attribute(g.get(), "evacuation_time");
  s.agents = read_int_attribute(g.get(), "agents");
  s.exited = read_int_attribute(g.get(), "exited");
  s.simulated_time = read_double_attribute(g.get(), "simulated_time");
  s.state_hash = read_uint_attribute(g.get(), "state_hash");
  s.exit_names = read_strings(file_.get(), "/campusflow/summary/exit_names", where);
  const Handle counts = open_dataset(file_.get(), "/campusflow/summary/exit_counts", where);
  s.exit_counts.resize(length(counts.get()));
  if (!s.exit_counts.empty())
    H5Dread(counts.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, s.exit_counts.data());
  const Handle cf = open_group(file_.get(), "/campusflow", where);
  s.wall_time = read_double_attribute(cf.get(), "wall_time");
  return s;
}

template <class Row>
std::vector<Row> ResultReader::read_rows(const char* path, const Handle& type) const {
  const Handle set = open_dataset(file_.get(), path, path_.string());
  std::vector<Row> rows(length(set.get()));
  if (!rows.empty() && H5Dread(set.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) < 0)
    throw ResultFormatError(path_.string() + ": cannot read " + path + " (damaged?)");
  return rows;
}

std::vector<TrajectoryRow> ResultReader::trajectory() const {
  return read_rows<TrajectoryRow>("/trajectory", trajectory_type());
}

std::vector<AgentRow> ResultReader::agents() const { return read_rows<AgentRow>("/campusflow/agents", agent_type()); }

std::vector<ExitEventRow> ResultReader::exit_events() const {
  return read_rows<ExitEventRow>("/campusflow/exit_events", exit_event_type());
}

std::vector<LevelGeometry> ResultReader::levels() const {
  std::vector<LevelGeometry> out;
  for (int l = 0;; ++l) {
    const std::string path = "/campusflow/geometry/level_" + std::to_string(l);
    if (H5Lexists(file_.get(), path.c_str(), H5P_DEFAULT) <= 0) break;
    const Handle g = open_group(file_.get(), path.c_str(), path_.string());
    out.push_back({read_string_attribute(g.get(), "name"), read_double_attribute(g.get(), "elevation"),
                   read_string_attribute(g.get(), "wkt")});
  }
  return out;
}

}  // namespace campusflow::io
