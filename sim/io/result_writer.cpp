#include <algorithm>
#include "sim/io/result_writer.hpp"

#include "sim/io/street_types.hpp"
#include "sim/io/street_writer.hpp"

#include <cstddef>

#include <cmath>
#include <system_error>
#include <type_traits>
#include <vector>

#include "sim/io/hdf5_objects.hpp"

namespace campusflow::io {

namespace {

constexpr const char* kFormat = "campusflow-result/1";
// 8,192 rows of 40 bytes = 320 KiB per trajectory chunk: large enough to
// compress well, small enough for HDF5's default 1 MiB chunk cache.
constexpr std::size_t kTrajectoryChunkRows = 8192;
constexpr std::size_t kExitEventChunkRows = 4096;

// Field descriptions exactly as in the Pedestrian Dynamics Data Archive
// (data/experiments/format-example-ped-data-archive.h5).
void describe_trajectory(hid_t set, double fps) {
  write_attribute(set, "fps", fps);
  write_attribute(set, "id", std::string("unique identifier for pedestrian"));
  write_attribute(set, "frame", std::string("frame number"));
  write_attribute(set, "x", std::string("pedestrian x-coordinate (meter [m])"));
  write_attribute(set, "y", std::string("pedestrian y-coordinate (meter [m])"));
  write_attribute(set, "z", std::string("pedestrian z-coordinate (meter [m])"));
}

}  // namespace

namespace {

// What the constructor needs before it claims the output: nothing is
// created for a writer that cannot write.
std::filesystem::path checked(std::filesystem::path final_path, double fps, std::span<const LevelGeometry> levels) {
  const std::string cannot = "cannot create " + final_path.string() + ".partial: ";
  if (!std::isfinite(fps) || fps <= 0.0) throw IoError(cannot + "fps must be > 0, got " + std::to_string(fps));
  // PedPy builds the walkable area from wkt_geometry; it must be a polygon.
  if (levels.empty()) throw IoError(cannot + "no level geometry (wkt_geometry is level 0's walkable area)");
  if (levels.front().wkt.rfind("POLYGON", 0) != 0)
    throw IoError(cannot + "level 0 '" + levels.front().name + "' is not a WKT POLYGON");
  const std::filesystem::path folder = final_path.parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder))
    throw IoError(cannot + "the folder " + folder.string() + " does not exist");
  return final_path;
}

}  // namespace

ResultWriter::ResultWriter(std::filesystem::path final_path, double fps, const RunInfo& info,
                           std::span<const LevelGeometry> levels)
    : output_(checked(std::move(final_path), fps, levels)) {
  const QuietHdf5Errors quiet;
  const std::string cannot = "cannot create " + partial_path().string() + ": ";
  try {
    // The claim holds the .partial's lock; HDF5's own would conflict with it.
    // HDF5 1.8's file format checksums the object headers, which hold the
    // attributes (a flipped bit in a number, or in a text's heap reference,
    // is refused when read rather than used). The 1.10 format would also
    // checksum the chunk indexes, but marks the file open for writing on
    // disk, so that a killed run's .partial could not be read without h5clear.
    const Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    // The metadata cache writes nothing between our flushes: an entry it
    // evicted on its own could point past the end of the file the last
    // flush recorded, and a .partial killed then would not open.
    H5AC_cache_config_t cache{};
    cache.version = H5AC__CURR_CACHE_CONFIG_VERSION;
    if (!access.valid() || H5Pset_file_locking(access.get(), false, true) < 0 ||
        H5Pset_libver_bounds(access.get(), H5F_LIBVER_V18, H5F_LIBVER_V18) < 0 ||
        H5Pget_mdc_config(access.get(), &cache) < 0)
      throw IoError(cannot + "HDF5 file access properties");
    cache.evictions_enabled = false;
    cache.incr_mode = H5C_incr__off;
    cache.flash_incr_mode = H5C_flash_incr__off;
    cache.decr_mode = H5C_decr__off;
    if (H5Pset_mdc_config(access.get(), &cache) < 0) throw IoError(cannot + "HDF5 metadata cache properties");
    file_ = Handle(H5Fcreate(partial_path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose);
    if (!file_.valid()) throw IoError(cannot + "not writable");
    output_.verify();
    write_archive_part(fps, info, levels.front().wkt);
    write_campusflow_part(fps, info, levels);
    flush_file();  // the static parts are on disk before the first step
  } catch (...) {
    // Nothing of the run is in it yet: an empty or half-made .partial would
    // only be litter (unlike an interrupted run's, which holds its steps).
    close_all();
    output_.abandon();
    throw;
  }
}

void ResultWriter::write_archive_part(double fps, const RunInfo& info, const std::string& wkt) {
  const hid_t root = file_.get();
  write_attribute(root, "wkt_geometry", wkt);
  write_attribute(root, "file_version", std::string("1.0.0"));  // the archive layout's version
  write_attribute(root, "source", "campusflow " + info.version);
  trajectory_ = AppendableDataset<TrajectoryRow>(root, "trajectory", trajectory_types(), kTrajectoryBufferRows,
                                                 kTrajectoryChunkRows);
  describe_trajectory(trajectory_.id(), fps);
}

void ResultWriter::write_campusflow_part(double fps, const RunInfo& info, std::span<const LevelGeometry> levels) {
  campusflow_ = create_group(file_.get(), "campusflow");
  const hid_t cf = campusflow_.get();
  write_attribute(cf, "format", std::string(kFormat));
  write_attribute(cf, "status", std::string("incomplete"));
  write_attribute(cf, "version", info.version);
  write_attribute(cf, "scenario_name", info.scenario_name);
  write_attribute(cf, "scenario_file", info.scenario_file);
  write_attribute(cf, "scenario_text", info.scenario_text);
  write_attribute(cf, "scenario_hash", info.scenario_hash);
  write_attribute(cf, "variant", info.variant);
  write_attribute(cf, "overrides", info.overrides);
  write_attribute(cf, "seed", info.seed);
  write_attribute(cf, "threads", static_cast<std::int64_t>(info.threads));
  write_attribute(cf, "dt", info.dt);
  write_attribute(cf, "fps", fps);

  // One group per level: h5py reads group attributes as str, whereas
  // strings inside a compound dataset come back as bytes.
  const Handle geometry = create_group(cf, "geometry");
  for (std::size_t l = 0; l < levels.size(); ++l) {
    const Handle level = create_group(geometry.get(), ("level_" + std::to_string(l)).c_str());
    write_attribute(level.get(), "name", levels[l].name);
    write_attribute(level.get(), "elevation", levels[l].elevation);
    write_attribute(level.get(), "wkt", levels[l].wkt);
  }
  exit_events_ = AppendableDataset<ExitEventRow>(cf, "exit_events", exit_event_types(), kExitEventBufferRows,
                                                 kExitEventChunkRows);
  passages_ = AppendableDataset<PassageRow>(cf, "passages", passage_types(), kPassageBufferRows, kExitEventChunkRows);
  density_ = AppendableDataset<DensityRow>(cf, "density", density_types(), kDensityBufferRows, kDensityBufferRows);
}

void ResultWriter::write_places(std::span<const PlaceInfo> places) {
  const QuietHdf5Errors quiet;
  require_open("write the places");
  if (places_written_) throw IoError(partial_path().string() + ": the places are written already");
  const Handle group = create_group(campusflow_.get(), "places");
  std::vector<std::string> names, kinds;
  std::vector<std::int32_t> levels;
  std::vector<double> widths;
  for (const PlaceInfo& p : places) {
    names.push_back(p.name);
    kinds.push_back(p.kind);
    levels.push_back(p.level);
    widths.push_back(p.width);
  }
  write_strings(group.get(), "name", names);
  write_strings(group.get(), "kind", kinds);
  write_rows(group.get(), "level", H5T_STD_I32LE, H5T_NATIVE_INT32, levels.size(), levels.data());
  write_rows(group.get(), "width", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, widths.size(), widths.data());
  places_written_ = true;
}

void ResultWriter::write_street(const StreetTables& tables) {
  const QuietHdf5Errors quiet;
  require_open("write the street tables");
  write_street_tables(campusflow_.get(), tables);
}

void ResultWriter::append_street_frame(std::span<const StreetFrameRow> rows, double fps) {
  const QuietHdf5Errors quiet;
  require_open("append a street frame");
  if (street_frames_.capacity() == 0) {  // not created yet
    street_frames_ = AppendableDataset<StreetFrameRow>(campusflow_.get(), "street_frames", street_frame_types(),
                                                       kStreetFrameBufferRows, kStreetFrameBufferRows);
    write_attribute(street_frames_.id(), "fps", fps);
  }
  if (street_frames_.append(rows)) flush_file();
}

void ResultWriter::write_agents(std::span<const AgentRow> agents, std::span<const std::string> group_names,
                                std::span<const std::string> profile_names) {
  const QuietHdf5Errors quiet;
  require_open("write the agents table");
  if (agents_written_) throw IoError(partial_path().string() + ": the agents table is written already");
  const CompoundTypes types = agent_types();
  write_rows(campusflow_.get(), "agents", types.file.get(), types.memory.get(), agents.size(), agents.data());
  write_strings(campusflow_.get(), "group_names", group_names);
  write_strings(campusflow_.get(), "profile_names", profile_names);
  agents_written_ = true;
}

void ResultWriter::append_frame(std::span<const TrajectoryRow> rows) {
  const QuietHdf5Errors quiet;
  require_open("append a frame");
  if (trajectory_.append(rows)) flush_file();
}

void ResultWriter::append_exit_event(const ExitEventRow& e) {
  const QuietHdf5Errors quiet;
  require_open("append an exit event");
  if (exit_events_.append(std::span<const ExitEventRow>(&e, 1))) flush_file();
}

void ResultWriter::append_passage(const PassageRow& p) {
  const QuietHdf5Errors quiet;
  require_open("append a passage");
  if (passages_.append(std::span<const PassageRow>(&p, 1))) flush_file();
}

void ResultWriter::append_density(std::span<const DensityRow> cells) {
  const QuietHdf5Errors quiet;
  require_open("append density cells");
  if (density_.append(cells)) flush_file();
}

void ResultWriter::describe_density(double cell, double interval) {
  const QuietHdf5Errors quiet;
  require_open("describe the density grid");
  write_attribute(density_.id(), "cell", cell);
  write_attribute(density_.id(), "interval", interval);
}

void ResultWriter::finish(const RunSummary& summary, double wall_time) {
  const QuietHdf5Errors quiet;
  require_open("finish");
  if (summary.exit_names.size() != summary.exit_counts.size())
    throw IoError(partial_path().string() + ": the summary has " + std::to_string(summary.exit_names.size()) +
                  " exit names but " + std::to_string(summary.exit_counts.size()) + " exit counts");
  trajectory_.flush();
  exit_events_.flush();
  passages_.flush();
  density_.flush();
  street_frames_.flush();
  if (!agents_written_) write_agents({}, {}, {});  // a complete file always has every table
  if (!places_written_) write_places({});
  write_summary(summary);
  write_attribute(campusflow_.get(), "wall_time", wall_time);
  // Status last: should anything above fail, the file stays incomplete.
  write_attribute(campusflow_.get(), "status", std::string("complete"));
  trajectory_.close();
  exit_events_.close();
  passages_.close();
  density_.close();
  street_frames_.close();
  campusflow_.reset();
  if (file_.close() < 0) throw IoError("cannot close " + partial_path().string() + " (disk full?)");
  finished_ = true;
  output_.publish();
}

namespace {

void write_stuck(hid_t parent, std::span<const StuckRow> rows) {
  const Handle group = create_group(parent, "stuck");
  const hid_t g = group.get();
  write_column(g, "agent", rows, &StuckRow::agent);
  write_column(g, "level", rows, &StuckRow::level);
  write_column(g, "x", rows, &StuckRow::x);
  write_column(g, "y", rows, &StuckRow::y);
  write_column(g, "z", rows, &StuckRow::z);
  write_column(g, "place", rows, &StuckRow::place);
  write_column(g, "since", rows, &StuckRow::since);
  write_column(g, "until", rows, &StuckRow::until);
  write_column(g, "cause", rows, &StuckRow::cause);
}

void write_reroutes(hid_t parent, std::span<const RerouteRow> rows) {
  const Handle group = create_group(parent, "reroutes");
  const hid_t g = group.get();
  write_column(g, "agent", rows, &RerouteRow::agent);
  write_column(g, "time", rows, &RerouteRow::time);
  write_column(g, "level", rows, &RerouteRow::level);
  write_column(g, "x", rows, &RerouteRow::x);
  write_column(g, "y", rows, &RerouteRow::y);
  write_column(g, "z", rows, &RerouteRow::z);
  write_column(g, "step", rows, &RerouteRow::step);
  write_column(g, "route", rows, &RerouteRow::route);
  write_column(g, "goal", rows, &RerouteRow::goal);
}

}  // namespace

void ResultWriter::write_summary(const RunSummary& s) {
  const Handle summary = create_group(campusflow_.get(), "summary");
  const hid_t g = summary.get();
  write_attribute(g, "outcome", s.outcome);
  write_attribute(g, "stuck_episodes", static_cast<std::int64_t>(s.stuck.size()));
  write_attribute(g, "reroutes", static_cast<std::int64_t>(s.reroutes.size()));
  write_stuck(campusflow_.get(), s.stuck);
  write_reroutes(campusflow_.get(), s.reroutes);
  write_procedure_tables(campusflow_.get(), g, s.procedure);
  write_attribute(g, "evacuation_time", s.evacuation_time);
  write_attribute(g, "agents", s.agents);
  write_attribute(g, "exited", s.exited);
  write_attribute(g, "pupils", s.pupils);
  write_attribute(g, "pupils_exited", s.pupils_exited);
  write_attribute(g, "simulated_time", s.simulated_time);
  write_attribute(g, "state_hash", s.state_hash);
  write_attribute(g, "walking_bound", s.walking_bound);
  write_attribute(g, "capacity_bound", s.capacity_bound);
  write_attribute(g, "capacity_cut", s.capacity_cut);
  write_attribute(g, "peak_density", s.peak_density);
  write_attribute(g, "peak_density_time", s.peak_density_time);
  write_attribute(g, "peak_density_level", static_cast<std::int64_t>(s.peak_density_level));
  write_attribute(g, "peak_density_x", s.peak_density_x);
  write_attribute(g, "peak_density_y", s.peak_density_y);
  write_attribute(g, "flow_bin", s.flow_bin);
  if (!s.flow_places.empty() && s.flow_counts.size() % s.flow_places.size() != 0)
    throw IoError(partial_path().string() + ": the flow table does not have a column per place");
  write_rows(g, "flow", H5T_STD_I64LE, H5T_NATIVE_INT64,
             s.flow_places.empty() ? 0 : s.flow_counts.size() / s.flow_places.size(), s.flow_counts.data(),
             std::max<std::size_t>(1, s.flow_places.size()));
  const CompoundTypes classes = class_types();
  write_rows(campusflow_.get(), "classes", classes.file.get(), classes.memory.get(), s.classes.size(),
             s.classes.data());
  write_strings(g, "exit_names", s.exit_names);
  write_strings(g, "stair_names", s.stair_names);
  write_rows(g, "stair_peak_density", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, s.stair_peak_density.size(),
             s.stair_peak_density.data());
  write_rows(g, "stair_peak_time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, s.stair_peak_time.size(), s.stair_peak_time.data());
  write_rows(g, "exit_counts", H5T_STD_I64LE, H5T_NATIVE_INT64, s.exit_counts.size(), s.exit_counts.data());
}

void ResultWriter::require_open(const char* action) const {
  if (finished_ || !file_.valid())
    throw IoError("cannot " + std::string(action) + ": " + final_path().string() + " is finished and closed");
}

void ResultWriter::flush_file() {
  if (H5Fflush(file_.get(), H5F_SCOPE_LOCAL) < 0) throw IoError("cannot flush " + partial_path().string() + " (disk full?)");
}

void ResultWriter::close_all() noexcept {
  trajectory_.close();
  exit_events_.close();
  passages_.close();
  density_.close();
  street_frames_.close();
  campusflow_.reset();
  file_.reset();
}

ResultWriter::~ResultWriter() {
  if (finished_ || !file_.valid()) return;
  const QuietHdf5Errors quiet;
  // Keep as much as can be kept; a failure here must not escape a destructor
  // (it may run while another exception unwinds).
  try {
    trajectory_.flush();
    exit_events_.flush();
    passages_.flush();
    density_.flush();
    street_frames_.flush();
  } catch (...) {
  }
  try {
    write_attribute(campusflow_.get(), "status", std::string("incomplete"));
  } catch (...) {
  }
  close_all();
}

}  // namespace campusflow::io
