#pragma once
// Reads a campusflow result back (tests, viewer, report). Opening checks that
// the file is HDF5, is a campusflow result and is complete, and says which
// of these failed; it never crashes on a damaged file.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/io/records.hpp"

namespace campusflow::io {

struct ResultFormatError : IoError {
  using IoError::IoError;
};

class ResultReader {
 public:
  explicit ResultReader(const std::filesystem::path& path);

  double fps() const;
  std::string wkt_geometry() const;
  std::string attribute(const char* name) const;  // a text attribute of /campusflow
  RunSummary summary() const;
  std::vector<TrajectoryRow> trajectory() const;
  std::vector<AgentRow> agents() const;
  std::vector<ExitEventRow> exit_events() const;
  std::vector<LevelGeometry> levels() const;

 private:
  template <class Row>
  std::vector<Row> read_rows(const char* path, const Handle& type) const;

  std::filesystem::path path_;
  Handle file_;
};

}  // namespace campusflow::io
