#pragma once
// Reads a campusflow result back (tests, viewer, report). Opening checks, in
// this order, that the file exists, is HDF5, opens (not truncated), is a
// campusflow result and is complete, and says which of these failed; a
// damaged file gives a ResultFormatError, never a crash.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/records.hpp"

namespace campusflow::io {

// Whether an interrupted run's file (status "incomplete") may be opened:
// tools that inspect a .partial ask for it, everything else should not.
enum class Completeness { required, not_required };

class ResultReader {
 public:
  // Throws ResultFormatError naming the file when it cannot be used.
  explicit ResultReader(const std::filesystem::path& path, Completeness completeness = Completeness::required);

  const std::filesystem::path& path() const { return path_; }
  double fps() const;                // /trajectory@fps [1/s]
  std::string wkt_geometry() const;  // root attribute: level 0's walkable area
  // A text attribute of /campusflow, e.g. "status", "version", "scenario_text".
  std::string attribute_string(const std::string& name) const;
  RunInfo run_info() const;
  RunSummary summary() const;  // complete files only
  std::vector<TrajectoryRow> trajectory() const;
  std::vector<AgentRow> agents() const;
  std::vector<std::string> group_names() const;
  std::vector<std::string> profile_names() const;
  std::vector<ExitEventRow> exit_events() const;
  std::vector<PassageRow> passages() const;
  std::vector<PlaceInfo> places() const;
  std::vector<ClassRow> classes() const;
  std::vector<LevelGeometry> levels() const;

 private:
  template <class Row>
  std::vector<Row> read_table(const char* path, const CompoundTypes& types) const;

  std::filesystem::path path_;
  Handle file_;
};

}  // namespace campusflow::io
