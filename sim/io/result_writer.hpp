#pragma once
// Writes a run's HDF5 result while the run goes (docs/result-format.md). The
// file is "<final>.partial" until finish() marks it complete and renames it
// atomically, so no reader ever sees a half-written file under the final
// name; a run that stops early leaves the .partial, marked incomplete.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

#include "sim/io/appendable_dataset.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/records.hpp"
#include "sim/io/street_records.hpp"

namespace campusflow::io {

class ResultWriter {
 public:
  // Rows kept in memory before they go to disk, per growing dataset. 65,536
  // trajectory rows are 2.5 MiB: large batches, small memory.
  static constexpr std::size_t kTrajectoryBufferRows = 65536;
  static constexpr std::size_t kExitEventBufferRows = 4096;
  static constexpr std::size_t kPassageBufferRows = 4096;
  static constexpr std::size_t kDensityBufferRows = 16384;
  static constexpr std::size_t kStreetFrameBufferRows = 32768;
  static constexpr std::size_t kMaxBufferedRows =
      kTrajectoryBufferRows + kExitEventBufferRows + kPassageBufferRows + kDensityBufferRows + kStreetFrameBufferRows;

  // Claims final_path (OutputFile: creates "<final_path>.partial" itself,
  // refusing another live run's, a link or a device) and writes the
  // static parts: the archive layout, run information and level geometry.
  // fps > 0 [1/s]; levels must not be empty (levels[0] is wkt_geometry).
  // Throws IoError naming the file.
  ResultWriter(std::filesystem::path final_path, double fps, const RunInfo& info,
               std::span<const LevelGeometry> levels);
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;
  // Without finish(): writes what is buffered, leaves the .partial marked
  // incomplete and final_path untouched. Never throws.
  ~ResultWriter();

  // /campusflow/agents, /campusflow/group_names, /campusflow/profile_names.
  // At most once; finish() writes empty tables if it was never called.
  void write_agents(std::span<const AgentRow> agents, std::span<const std::string> group_names,
                    std::span<const std::string> profile_names);
  // Buffered; a full buffer goes to disk and the file is flushed, so even a
  // killed process usually leaves the rows of earlier batches readable.
  void append_frame(std::span<const TrajectoryRow> rows);
  void append_exit_event(const ExitEventRow& e);
  void append_passage(const PassageRow& p);
  void append_density(std::span<const DensityRow> cells);
  // Attributes of /campusflow/density: the cell edge [m] and the sampling interval [s].
  void describe_density(double cell, double interval);
  // /campusflow/places (a compound table: name, kind, level, width). At most
  // once; finish() writes an empty table if it was never called.
  void write_places(std::span<const PlaceInfo> places);
  // /campusflow/street: the gate-traffic tables (docs/result-format.md). At most once.
  void write_street(const StreetTables& tables);
  // /campusflow/street_frames: vehicles and pedestrians on the street every
  // 1/fps seconds (attribute fps), for replays. Buffered like the trajectory.
  void append_street_frame(std::span<const StreetFrameRow> rows, double fps);
  // Writes the rest, the summary and wall_time [s], marks the file complete,
  // closes it and renames it to final_path. Afterwards the writer is inert:
  // further writes throw IoError, the destructor does nothing.
  void finish(const RunSummary& summary, double wall_time);

  const std::filesystem::path& partial_path() const { return output_.partial_path(); }
  const std::filesystem::path& final_path() const { return output_.final_path(); }
  bool finished() const { return finished_; }
  // Rows in memory, trajectory and exit events together; <= kMaxBufferedRows.
  std::size_t buffered_rows() const {
    return trajectory_.buffered_rows() + exit_events_.buffered_rows() + passages_.buffered_rows() +
           density_.buffered_rows() + street_frames_.buffered_rows();
  }

 private:
  void write_archive_part(double fps, const RunInfo& info, const std::string& wkt);
  void write_campusflow_part(double fps, const RunInfo& info, std::span<const LevelGeometry> levels);
  void write_summary(const RunSummary& s);
  void require_open(const char* action) const;
  void flush_file();
  void close_all() noexcept;

  OutputFile output_;
  Handle file_;
  Handle campusflow_;  // the /campusflow group
  AppendableDataset<TrajectoryRow> trajectory_;
  AppendableDataset<ExitEventRow> exit_events_;
  AppendableDataset<PassageRow> passages_;
  AppendableDataset<DensityRow> density_;
  AppendableDataset<StreetFrameRow> street_frames_;  // created by the first street frame
  bool agents_written_ = false;
  bool places_written_ = false;
  bool finished_ = false;
};

}  // namespace campusflow::io
