#pragma once
// Reads a campusflow result back (tests, viewer, report). Opening checks, in
// this order, that the file exists, is HDF5, opens (not truncated), is a
// campusflow result and is complete, and says which of these failed. The
// file is untrusted: every table is checked as it is read (its type, shape
// and size, then its values: sim/io/result_checks.hpp), and a damaged or
// hand-made file gives a ResultFormatError, never a crash or a wrong value.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/records.hpp"
#include "sim/io/street_records.hpp"

namespace campusflow::io {

struct TableSizes;

// Whether an interrupted run's file (status "incomplete") may be opened:
// tools that inspect a .partial ask for it, everything else should not.
enum class Completeness { required, not_required };

// /campusflow/street's queues: the queue tail of each approach sampled every
// second, and the spillback episodes (docs/metrics.md).
struct StreetQueues {
  std::vector<std::string> approach_names;
  std::vector<double> queue_time;  // (samples) [s]
  std::vector<double> queue_tail;  // (samples x max(1, approaches)) [m], row-major
  std::vector<SpillbackRow> spillback;
};

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
  // Complete files only: the summary's attributes, exit names and counts,
  // stairs' peaks and the flow table (its places' names in flow_places).
  // The stuck and reroute tables are not read: their rows are counted in
  // summary_count("stuck_episodes") and summary_count("reroutes").
  RunSummary summary() const;
  // An integer attribute of /campusflow/summary that counts something (>= 0).
  std::int64_t summary_count(const std::string& name) const;
  std::vector<TrajectoryRow> trajectory() const;
  std::vector<AgentRow> agents() const;
  std::vector<std::string> group_names() const;
  std::vector<std::string> profile_names() const;
  std::vector<ExitEventRow> exit_events() const;
  std::vector<PassageRow> passages() const;
  std::vector<PlaceInfo> places() const;
  // /campusflow/phases: the drill's phases in order; empty in files written
  // before phases were.
  std::vector<PhaseRow> phases() const;
  std::vector<ClassRow> classes() const;
  std::vector<LevelGeometry> levels() const;
  // /campusflow/density: the 1 m^2 cells sampled every second, on every
  // level (a stair's flight is a level of its own); empty where missing.
  std::vector<DensityRow> density() const;

  // Gate traffic (docs/result-format.md, "/campusflow/street"). A file
  // without a street answers false, 0 and empty tables, never an exception;
  // a table that is there but malformed still throws ResultFormatError.
  // Whether the file has /campusflow/street (written at the end of a run with a street).
  bool has_street() const;
  // /campusflow/street_frames@fps [1/s]: street frame k is at k / street_fps()
  // seconds; 0 when there are no street frames.
  double street_fps() const;
  // /campusflow/street_frames: every vehicle on the road and pupil walking,
  // frame after frame; empty when there are none.
  std::vector<StreetFrameRow> street_frames() const;
  // /campusflow/street/vehicles: one row per vehicle of the demand (the `id`
  // of a vehicle's frame rows); empty without a street.
  std::vector<StreetVehicleRow> street_vehicles() const;
  // /campusflow/street/vehicle_ids: the vehicles' ids, parallel to street_vehicles().
  std::vector<std::string> street_vehicle_ids() const;
  // /campusflow/street/geometry: lanes, sidewalks, crossings, stalls and the
  // vehicle types' sizes, in the coordinates of street_frames(); empty
  // without a street (or in a file written before the geometry was).
  StreetGeometry street_geometry() const;
  // /campusflow/street's queue tails and spillback episodes; empty without a street.
  StreetQueues street_queues() const;

  // Checks the whole file before a tool trusts it: reads every table above
  // (so checks its values) and every other dataset (so checks its data's
  // checksums). The trajectory, the one table too large to read twice, is
  // left to trajectory(), which checks it as it reads it.
  void check() const;

 private:
  template <class Row>
  std::vector<Row> read_table(const char* path, const CompoundTypes& types) const;
  // Empty where the dataset is missing.
  template <class Row>
  std::vector<Row> read_optional_table(const char* path, const CompoundTypes& types) const;
  std::vector<std::string> read_optional_strings(const char* path) const;
  // read_table (or read_optional_table) with the rows' values checked.
  template <class Row>
  std::vector<Row> read_checked(const char* path, const CompoundTypes& types, bool optional) const;
  template <class T>
  std::vector<T> read_optional_column(const char* path, hid_t memory_type) const;
  void read_stairs_and_flow(RunSummary& s) const;
  // Rows of a one-dimensional dataset, nullopt when the file lacks it.
  std::optional<std::size_t> rows_of(const char* path) const;
  std::size_t level_count() const;
  TableSizes table_sizes() const;

  std::filesystem::path path_;
  Handle file_;
};

}  // namespace campusflow::io
