#include "sim/io/result_reader.hpp"

#include <cmath>
#include <system_error>

#include "sim/io/global_heap_check.hpp"
#include "sim/io/hdf5_objects.hpp"
#include "sim/io/hdf5_reading.hpp"
#include "sim/io/result_checks.hpp"
#include "sim/io/street_types.hpp"

namespace campusflow::io {

namespace {
constexpr const char* kFormat = "campusflow-result/1";
// More agents or episodes than any run could have: a count past it is damage.
constexpr std::int64_t kMaxCount = std::int64_t{1} << 40;
}  // namespace

ResultReader::ResultReader(const std::filesystem::path& path, Completeness completeness) : path_(path) {
  const QuietHdf5Errors quiet;
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw ResultFormatError(name + " does not exist");
  if (!std::filesystem::is_regular_file(path, error)) throw ResultFormatError(name + " is not a regular file");
  // H5Fis_hdf5 looks for the superblock signature only; it answers 0 for
  // text and empty files and negative when the file cannot be read at all.
  if (H5Fis_hdf5(path.c_str()) <= 0) throw ResultFormatError(name + " is not an HDF5 file");
  // Before libhdf5 reads any text: it would loop forever on some damage here.
  if (const auto damage = damaged_global_heap(path)) throw ResultFormatError(name + ": " + *damage);
  // A truncated file has its signature but ends before the address space its
  // superblock claims; HDF5 refuses to open it.
  file_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file_.valid()) throw ResultFormatError(name + " is damaged or truncated (or open for writing): HDF5 cannot open it");
  if (!has_link(file_.get(), "/campusflow"))
    throw ResultFormatError(name + " has no /campusflow group: not a campusflow result");
  const Handle cf = open_group(file_.get(), "/campusflow");
  if (!has_attribute(cf.get(), "format"))
    throw ResultFormatError(name + " has no /campusflow@format: not a campusflow result");
  const std::string format = read_string_attribute(cf.get(), "format");
  if (format != kFormat)
    throw ResultFormatError(name + " has format \"" + format + "\"; this campusflow reads \"" + kFormat + "\"");
  const std::string status = read_string_attribute(cf.get(), "status");
  if (status != "complete" && completeness == Completeness::required)
    throw ResultFormatError(name + " is incomplete: the run was interrupted (status \"" + status + "\")");
}

namespace {

// A frame rate: the times of frames are frame / fps.
double checked_fps(const std::string& file, const char* dataset, double fps) {
  if (!(std::isfinite(fps) && fps > 0.0 && fps <= 1e6))
    throw ResultFormatError(file + ":" + dataset + "@fps is " + std::to_string(fps) + ", not a frame rate");
  return fps;
}

}  // namespace

double ResultReader::fps() const {
  const QuietHdf5Errors quiet;
  const Handle set = open_dataset(file_.get(), "/trajectory");
  return checked_fps(path_.string(), "/trajectory", read_double_attribute(set.get(), "fps"));
}

std::string ResultReader::wkt_geometry() const {
  const QuietHdf5Errors quiet;
  return read_string_attribute(file_.get(), "wkt_geometry");
}

std::string ResultReader::attribute_string(const std::string& name) const {
  const QuietHdf5Errors quiet;
  const Handle cf = open_group(file_.get(), "/campusflow");
  return read_string_attribute(cf.get(), name.c_str());
}

RunInfo ResultReader::run_info() const {
  const QuietHdf5Errors quiet;
  const Handle cf = open_group(file_.get(), "/campusflow");
  const hid_t g = cf.get();
  RunInfo info;
  info.scenario_name = read_string_attribute(g, "scenario_name");
  info.scenario_file = read_string_attribute(g, "scenario_file");
  info.scenario_text = read_string_attribute(g, "scenario_text");
  info.scenario_hash = read_uint_attribute(g, "scenario_hash");
  // Files written before variants have neither: the base scenario as written.
  if (has_attribute(g, "variant")) info.variant = read_string_attribute(g, "variant");
  if (has_attribute(g, "overrides")) info.overrides = read_string_attribute(g, "overrides");
  info.seed = read_uint_attribute(g, "seed");
  info.threads = static_cast<int>(read_int_attribute(g, "threads"));
  info.version = read_string_attribute(g, "version");
  info.dt = read_double_attribute(g, "dt");
  return info;
}

RunSummary ResultReader::summary() const {
  const QuietHdf5Errors quiet;
  const Handle g = open_group(file_.get(), "/campusflow/summary");
  RunSummary s;
  s.evacuation_time = read_double_attribute(g.get(), "evacuation_time");
  s.agents = read_int_attribute(g.get(), "agents");
  s.exited = read_int_attribute(g.get(), "exited");
  s.simulated_time = read_double_attribute(g.get(), "simulated_time");
  s.state_hash = read_uint_attribute(g.get(), "state_hash");
  s.walking_bound = read_double_attribute(g.get(), "walking_bound");
  s.capacity_bound = read_double_attribute(g.get(), "capacity_bound");
  s.capacity_cut = read_string_attribute(g.get(), "capacity_cut");
  s.exit_names = read_strings(file_.get(), "/campusflow/summary/exit_names");
  const Handle counts = open_dataset(file_.get(), "/campusflow/summary/exit_counts");
  s.exit_counts.resize(dataset_rows(counts.get()));
  read_rows(counts.get(), H5T_NATIVE_INT64, s.exit_counts.data());
  if (s.exit_counts.size() != s.exit_names.size())
    throw ResultFormatError(path_.string() + ": /campusflow/summary has " + std::to_string(s.exit_names.size()) +
                            " exit names but " + std::to_string(s.exit_counts.size()) + " exit counts");
  s.outcome = read_string_attribute(g.get(), "outcome");
  s.pupils = read_int_attribute(g.get(), "pupils");
  s.pupils_exited = read_int_attribute(g.get(), "pupils_exited");
  s.peak_density = read_double_attribute(g.get(), "peak_density");
  s.peak_density_time = read_double_attribute(g.get(), "peak_density_time");
  const std::int64_t peak_level = read_int_attribute(g.get(), "peak_density_level");
  s.peak_density_x = read_double_attribute(g.get(), "peak_density_x");
  s.peak_density_y = read_double_attribute(g.get(), "peak_density_y");
  s.procedure.procedure = read_string_attribute(g.get(), "procedure");
  s.procedure.time_to_secure = read_double_attribute(g.get(), "time_to_secure");
  // The attributes are one "row" of figures: checked as a table's row is.
  RowCheck figures(path_.string() + ":/campusflow/summary");
  figures.time("evacuation_time", s.evacuation_time, true);
  figures.time("simulated_time", s.simulated_time, false);
  figures.finite("walking_bound", s.walking_bound);
  figures.finite("capacity_bound", s.capacity_bound);
  figures.time("time_to_secure", s.procedure.time_to_secure, true);
  figures.within("agents", s.agents, 0, kMaxCount);
  figures.within("exited", s.exited, 0, s.agents);
  figures.within("pupils", s.pupils, 0, s.agents);
  figures.within("pupils_exited", s.pupils_exited, 0, s.pupils);
  figures.finite("peak_density", s.peak_density);
  figures.time("peak_density_time", s.peak_density_time, true);
  figures.within("peak_density_level", peak_level, 0, static_cast<std::int64_t>(level_count()) - 1);
  s.peak_density_level = static_cast<std::int32_t>(peak_level);
  figures.coordinate("peak_density_x", s.peak_density_x);
  figures.coordinate("peak_density_y", s.peak_density_y);
  read_stairs_and_flow(s);
  const Handle cf = open_group(file_.get(), "/campusflow");
  s.wall_time = read_double_attribute(cf.get(), "wall_time");
  return s;
}

std::int64_t ResultReader::summary_count(const std::string& name) const {
  const QuietHdf5Errors quiet;
  const Handle g = open_group(file_.get(), "/campusflow/summary");
  const std::int64_t n = read_int_attribute(g.get(), name.c_str());
  if (n < 0 || n > kMaxCount)
    throw ResultFormatError(path_.string() + ":/campusflow/summary@" + name + " is " + std::to_string(n) +
                            ", not a count: the file is damaged");
  return n;
}

void ResultReader::read_stairs_and_flow(RunSummary& s) const {
  s.stair_names = read_optional_strings("/campusflow/summary/stair_names");
  s.stair_peak_density = read_optional_column<double>("/campusflow/summary/stair_peak_density", H5T_NATIVE_DOUBLE);
  s.stair_peak_time = read_optional_column<double>("/campusflow/summary/stair_peak_time", H5T_NATIVE_DOUBLE);
  if (s.stair_peak_density.size() != s.stair_names.size() || s.stair_peak_time.size() != s.stair_names.size())
    throw ResultFormatError(path_.string() + ": the stair tables of /campusflow/summary differ in length");
  RowCheck stairs(path_.string() + ":/campusflow/summary/stair_peak_density and stair_peak_time");
  for (std::size_t k = 0; k < s.stair_names.size(); ++k) {
    stairs.at(k);
    stairs.finite("density", s.stair_peak_density[k]);
    stairs.time("time", s.stair_peak_time[k], true);
  }
  if (!has_link(file_.get(), "/campusflow/summary/flow")) return;
  // Bins x places, one column per place; one-dimensional with one place or
  // none (and then without rows).
  s.flow_places = read_optional_strings("/campusflow/places/name");
  const Handle flow = open_dataset(file_.get(), "/campusflow/summary/flow");
  std::vector<std::size_t> shape = dataset_shape(flow.get(), s.flow_places.size() > 1 ? 2 : 1);
  shape.resize(2, 1);
  if (shape[1] != std::max<std::size_t>(1, s.flow_places.size()) || (s.flow_places.empty() && shape[0] > 0))
    throw ResultFormatError(path_.string() + ":/campusflow/summary/flow has " + std::to_string(shape[1]) +
                            " columns for " + std::to_string(s.flow_places.size()) + " places: the file is damaged");
  s.flow_counts.resize(shape[0] * shape[1]);
  read_rows(flow.get(), H5T_NATIVE_INT64, s.flow_counts.data());
  const Handle g = open_group(file_.get(), "/campusflow/summary");
  s.flow_bin = read_double_attribute(g.get(), "flow_bin");
  if (!(std::isfinite(s.flow_bin) && (s.flow_bin > 0.0 || (s.flow_bin == 0.0 && shape[0] == 0))))
    throw ResultFormatError(path_.string() + ":/campusflow/summary@flow_bin is " + std::to_string(s.flow_bin) +
                            ", not a bin width");
}

template <class Row>
std::vector<Row> ResultReader::read_table(const char* path, const CompoundTypes& types) const {
  const QuietHdf5Errors quiet;
  const Handle set = open_dataset(file_.get(), path);
  std::vector<Row> rows(dataset_rows(set.get()));
  read_rows(set.get(), types.memory.get(), rows.data());
  return rows;
}

template <class Row>
std::vector<Row> ResultReader::read_optional_table(const char* path, const CompoundTypes& types) const {
  const QuietHdf5Errors quiet;
  if (!has_link(file_.get(), path)) return {};
  return read_table<Row>(path, types);
}

template <class Row>
std::vector<Row> ResultReader::read_checked(const char* path, const CompoundTypes& types, bool optional) const {
  std::vector<Row> rows = optional ? read_optional_table<Row>(path, types) : read_table<Row>(path, types);
  const QuietHdf5Errors quiet;
  check_rows(path_.string() + ":" + path, std::span<const Row>(rows), table_sizes());
  return rows;
}

template <class T>
std::vector<T> ResultReader::read_optional_column(const char* path, hid_t memory_type) const {
  const QuietHdf5Errors quiet;
  if (!has_link(file_.get(), path)) return {};
  const Handle set = open_dataset(file_.get(), path);
  std::vector<T> values(dataset_rows(set.get()));
  read_rows(set.get(), memory_type, values.data());
  return values;
}

std::optional<std::size_t> ResultReader::rows_of(const char* path) const {
  if (!has_link(file_.get(), path)) return std::nullopt;
  const Handle set = open_dataset(file_.get(), path);
  return dataset_rows(set.get());
}

std::size_t ResultReader::level_count() const {
  std::size_t n = 0;
  while (has_link(file_.get(), ("/campusflow/geometry/level_" + std::to_string(n)).c_str())) ++n;
  return n;
}

TableSizes ResultReader::table_sizes() const {
  const QuietHdf5Errors quiet;
  TableSizes t;
  t.agents = rows_of("/campusflow/agents");
  t.group_names = rows_of("/campusflow/group_names");
  t.profile_names = rows_of("/campusflow/profile_names");
  t.levels = level_count();
  t.exit_names = rows_of("/campusflow/summary/exit_names");
  t.places = rows_of("/campusflow/places/name");
  t.vehicles = rows_of("/campusflow/street/vehicles");
  t.pedestrians = rows_of("/campusflow/street/pedestrians");
  return t;
}

std::vector<std::string> ResultReader::read_optional_strings(const char* path) const {
  const QuietHdf5Errors quiet;
  if (!has_link(file_.get(), path)) return {};
  return read_strings(file_.get(), path);
}

std::vector<TrajectoryRow> ResultReader::trajectory() const {
  return read_checked<TrajectoryRow>("/trajectory", trajectory_types(), false);
}

std::vector<AgentRow> ResultReader::agents() const {
  return read_checked<AgentRow>("/campusflow/agents", agent_types(), false);
}

std::vector<ExitEventRow> ResultReader::exit_events() const {
  return read_checked<ExitEventRow>("/campusflow/exit_events", exit_event_types(), false);
}

std::vector<PassageRow> ResultReader::passages() const {
  return read_checked<PassageRow>("/campusflow/passages", passage_types(), false);
}

std::vector<DensityRow> ResultReader::density() const {
  return read_checked<DensityRow>("/campusflow/density", density_types(), true);
}

std::vector<ClassRow> ResultReader::classes() const {
  return read_checked<ClassRow>("/campusflow/classes", class_types(), false);
}

std::vector<PlaceInfo> ResultReader::places() const {
  const QuietHdf5Errors quiet;
  const std::vector<std::string> names = read_strings(file_.get(), "/campusflow/places/name");
  const std::vector<std::string> kinds = read_strings(file_.get(), "/campusflow/places/kind");
  const Handle level_set = open_dataset(file_.get(), "/campusflow/places/level");
  const Handle width_set = open_dataset(file_.get(), "/campusflow/places/width");
  std::vector<std::int32_t> levels(dataset_rows(level_set.get()));
  std::vector<double> widths(dataset_rows(width_set.get()));
  if (kinds.size() != names.size() || levels.size() != names.size() || widths.size() != names.size())
    throw ResultFormatError(path_.string() + ": the columns of /campusflow/places differ in length");
  read_rows(level_set.get(), H5T_NATIVE_INT32, levels.data());
  read_rows(width_set.get(), H5T_NATIVE_DOUBLE, widths.data());
  std::vector<PlaceInfo> out;
  for (std::size_t k = 0; k < names.size(); ++k) out.push_back({names[k], kinds[k], levels[k], widths[k]});
  check_rows(path_.string() + ":/campusflow/places", std::span<const PlaceInfo>(out), table_sizes());
  return out;
}

std::vector<PhaseRow> ResultReader::phases() const {
  const QuietHdf5Errors quiet;
  if (!has_link(file_.get(), "/campusflow/phases/name")) return {};  // written before drills had phases
  const std::vector<std::string> names = read_strings(file_.get(), "/campusflow/phases/name");
  const Handle start_set = open_dataset(file_.get(), "/campusflow/phases/start");
  const Handle end_set = open_dataset(file_.get(), "/campusflow/phases/end");
  std::vector<double> starts(dataset_rows(start_set.get()));
  std::vector<double> ends(dataset_rows(end_set.get()));
  if (starts.size() != names.size() || ends.size() != names.size())
    throw ResultFormatError(path_.string() + ": the columns of /campusflow/phases differ in length");
  read_rows(start_set.get(), H5T_NATIVE_DOUBLE, starts.data());
  read_rows(end_set.get(), H5T_NATIVE_DOUBLE, ends.data());
  std::vector<PhaseRow> out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    // A phase starts at or after the alarm and ends after it starts, or not at all (-1).
    if (!std::isfinite(starts[k]) || starts[k] < 0.0 || !std::isfinite(ends[k]) ||
        (ends[k] != -1.0 && ends[k] < starts[k]))
      throw ResultFormatError(path_.string() + ": /campusflow/phases row " + std::to_string(k) + " (\"" + names[k] +
                              "\") has start " + std::to_string(starts[k]) + " and end " + std::to_string(ends[k]) +
                              ": a phase starts at 0 s or later and ends after it starts, or at -1 (not reached)");
    out.push_back({names[k], starts[k], ends[k]});
  }
  return out;
}

std::vector<std::string> ResultReader::group_names() const {
  const QuietHdf5Errors quiet;
  return read_strings(file_.get(), "/campusflow/group_names");
}

std::vector<std::string> ResultReader::profile_names() const {
  const QuietHdf5Errors quiet;
  return read_strings(file_.get(), "/campusflow/profile_names");
}

std::vector<LevelGeometry> ResultReader::levels() const {
  const QuietHdf5Errors quiet;
  std::vector<LevelGeometry> out;
  for (std::size_t l = 0;; ++l) {
    const std::string path = "/campusflow/geometry/level_" + std::to_string(l);
    if (!has_link(file_.get(), path.c_str())) break;
    const Handle g = open_group(file_.get(), path.c_str());
    out.push_back({read_string_attribute(g.get(), "name"), read_double_attribute(g.get(), "elevation"),
                   read_string_attribute(g.get(), "wkt")});
    RowCheck level(path_.string() + ":/campusflow/geometry");
    level.at(l);
    level.coordinate("elevation", out.back().elevation);
  }
  if (out.empty()) throw ResultFormatError(path_.string() + " has no /campusflow/geometry/level_0");
  return out;
}

bool ResultReader::has_street() const {
  const QuietHdf5Errors quiet;
  return has_link(file_.get(), "/campusflow/street");
}

double ResultReader::street_fps() const {
  const QuietHdf5Errors quiet;
  if (!has_link(file_.get(), "/campusflow/street_frames")) return 0.0;
  const Handle set = open_dataset(file_.get(), "/campusflow/street_frames");
  return checked_fps(path_.string(), "/campusflow/street_frames", read_double_attribute(set.get(), "fps"));
}

std::vector<StreetFrameRow> ResultReader::street_frames() const {
  return read_checked<StreetFrameRow>("/campusflow/street_frames", street_frame_types(), true);
}

std::vector<StreetVehicleRow> ResultReader::street_vehicles() const {
  std::vector<StreetVehicleRow> rows =
      read_optional_table<StreetVehicleRow>("/campusflow/street/vehicles", street_vehicle_types());
  const QuietHdf5Errors quiet;
  if (const std::optional<std::size_t> types = rows_of("/campusflow/street/geometry/vehicle_types"))
    check_rows(path_.string() + ":/campusflow/street/vehicles", std::span<const StreetVehicleRow>(rows), *types);
  return rows;
}

std::vector<std::string> ResultReader::street_vehicle_ids() const {
  std::vector<std::string> ids = read_optional_strings("/campusflow/street/vehicle_ids");
  const QuietHdf5Errors quiet;
  if (ids.size() != rows_of("/campusflow/street/vehicles").value_or(0))
    throw ResultFormatError(path_.string() + ": /campusflow/street has " + std::to_string(ids.size()) +
                            " vehicle ids for " + std::to_string(rows_of("/campusflow/street/vehicles").value_or(0)) +
                            " vehicles");
  return ids;
}

StreetGeometry ResultReader::street_geometry() const {
  StreetGeometry g;
  g.lanes = read_optional_table<LaneRow>("/campusflow/street/geometry/lanes", lane_types());
  g.sidewalks = read_optional_table<SidewalkRow>("/campusflow/street/geometry/sidewalks", sidewalk_types());
  g.crossings = read_optional_table<CrossingRow>("/campusflow/street/geometry/crossings", crossing_types());
  g.stalls = read_optional_table<StallPlaceRow>("/campusflow/street/geometry/stalls", stall_place_types());
  g.vehicle_types =
      read_optional_table<VehicleTypeRow>("/campusflow/street/geometry/vehicle_types", vehicle_type_types());
  g.link_names = read_optional_strings("/campusflow/street/geometry/link_names");
  g.crossing_names = read_optional_strings("/campusflow/street/geometry/crossing_names");
  g.vehicle_type_names = read_optional_strings("/campusflow/street/geometry/vehicle_type_names");
  if (g.vehicle_type_names.size() != g.vehicle_types.size())
    throw ResultFormatError(path_.string() + ": /campusflow/street/geometry has " +
                            std::to_string(g.vehicle_type_names.size()) + " vehicle type names but " +
                            std::to_string(g.vehicle_types.size()) + " vehicle types");
  check_street_geometry(path_.string(), g);
  return g;
}

StreetQueues ResultReader::street_queues() const {
  const QuietHdf5Errors quiet;
  StreetQueues q;
  if (!has_street()) return q;
  const std::string where = path_.string() + ":/campusflow/street";
  q.approach_names = read_optional_strings("/campusflow/street/approach_names");
  q.queue_time = read_optional_column<double>("/campusflow/street/queue_time", H5T_NATIVE_DOUBLE);
  // Samples x approaches; one-dimensional with one approach (street_writer.cpp).
  const std::size_t approaches = std::max<std::size_t>(1, q.approach_names.size());
  if (has_link(file_.get(), "/campusflow/street/queue_tail")) {
    const Handle set = open_dataset(file_.get(), "/campusflow/street/queue_tail");
    std::vector<std::size_t> shape = dataset_shape(set.get(), approaches > 1 ? 2 : 1);
    shape.resize(2, 1);
    if (shape[0] != q.queue_time.size() || shape[1] != approaches)
      throw ResultFormatError(where + "/queue_tail has " + std::to_string(shape[0]) + " x " +
                              std::to_string(shape[1]) + " values for " + std::to_string(q.queue_time.size()) +
                              " samples of " + std::to_string(approaches) + " approaches: the file is damaged");
    q.queue_tail.resize(shape[0] * shape[1]);
    read_rows(set.get(), H5T_NATIVE_DOUBLE, q.queue_tail.data());
  } else if (!q.queue_time.empty()) {
    throw ResultFormatError(where + " has queue_time but no queue_tail: the file is damaged");
  }
  RowCheck samples(where + "/queue_time and queue_tail");
  for (std::size_t k = 0; k < q.queue_time.size(); ++k) {
    samples.at(k);
    samples.time("time", q.queue_time[k], false);
    for (std::size_t a = 0; a < approaches; ++a) samples.time("tail", q.queue_tail[k * approaches + a], false);
  }
  q.spillback = read_optional_table<SpillbackRow>("/campusflow/street/spillback", spillback_types());
  RowCheck episodes(where + "/spillback");
  for (std::size_t k = 0; k < q.spillback.size(); ++k) {
    const SpillbackRow& e = q.spillback[k];
    episodes.at(k);
    episodes.index("approach", e.approach, approaches, "/campusflow/street/approach_names");
    episodes.time("start", e.start, false);
    episodes.time("end", e.end, false);
    episodes.finite("extent", e.extent);
    if (e.end < e.start)
      throw ResultFormatError(where + "/spillback row " + std::to_string(k) + " ends before it starts: the file is damaged");
  }
  return q;
}

void ResultReader::check() const {
  (void)summary();
  (void)agents();
  (void)group_names();
  (void)profile_names();
  (void)exit_events();
  (void)passages();
  (void)places();
  (void)classes();
  (void)phases();
  (void)levels();
  (void)density();
  if (has_street()) {
    (void)street_frames();
    (void)street_vehicles();
    (void)street_geometry();
    (void)street_queues();
    (void)street_vehicle_ids();
  }
  const QuietHdf5Errors quiet;
  constexpr std::string_view kCheckedWhenRead[] = {"/trajectory"};
  verify_datasets(file_.get(), kCheckedWhenRead);
}

}  // namespace campusflow::io
