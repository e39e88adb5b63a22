#pragma once
// Writes a run's HDF5 result while the run goes (docs/result-format.md). The
// file is "<final>.partial" until finish() marks it complete and renames it
// atomically, so a reader never sees a half-written file under the final
// name; a run that stops early leaves the .partial, marked incomplete.
#include <filesystem>
#include <span>
#include <string>

#include "sim/io/appendable_dataset.hpp"
#include "sim/io/records.hpp"

namespace campusflow::io {

class ResultWriter {
 public:
  // Rows kept in memory per growing dataset before they go to disk.
  static constexpr std::size_t kBufferRows = 65536;

  ResultWriter(std::filesystem::path final_path, double fps, const RunInfo& info,
               std::span<const LevelGeometry> levels);
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;
  // Without finish(): flushes, leaves the .partial marked incomplete. Never throws.
  ~ResultWriter();

  void write_agents(std::span<const AgentRow> agents, std::span<const std::string> group_names,
                    std::span<const std::string> profile_names);
  void append_frame(std::span<const TrajectoryRow> rows) { trajectory_.append(rows); }
  void append_exit_event(const ExitEventRow& e) { exits_.append(e); }
  // Writes the summary, marks the file complete, closes and renames it.
  void finish(const RunSummary& summary, double wall_time);

  const std::filesystem::path& partial_path() const { return partial_; }
  std::size_t buffered_rows() const { return trajectory_.buffered_rows() + exits_.buffered_rows(); }

 private:
  void close();

  std::filesystem::path final_;
  std::filesystem::path partial_;
  Handle file_;
  Handle campusflow_;  // the /campusflow group
  AppendableDataset<TrajectoryRow> trajectory_;
  AppendableDataset<ExitEventRow> exits_;
  bool finished_ = false;
};

}  // namespace campusflow::io
