#pragma once
// The values of a result's tables, checked as they are read: numbers
// finite, coordinates within reach, indices inside the tables they index.
// Renderers turn coordinates into grid cells and ids into rows, so a NaN
// or a stray index from a damaged or hand-made file would otherwise become
// an out-of-bounds access. A row that breaks one is a ResultFormatError
// naming the file, the dataset, the row and the field.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "sim/geometry/polygon.hpp"
#include "sim/io/records.hpp"
#include "sim/io/street_records.hpp"

namespace campusflow::io {

// Farthest a coordinate in a result may lie from the origin [m]: the
// scenario's limit, with room for what lies beyond its points (a vehicle's
// length past a node, a stair's flight in its own frame).
inline constexpr double kResultCoordinateLimit = 2.0 * kCoordinateLimit;
// Frame numbers become times as doubles: past 2^53 they no longer count.
inline constexpr std::int64_t kLastFrame = std::int64_t{1} << 53;

// Checks the fields of one row of a table at `where` ("out/run.h5:/trajectory").
class RowCheck {
 public:
  explicit RowCheck(std::string where) : where_(std::move(where)) {}
  void at(std::size_t row) { row_ = row; }
  void finite(const char* field, double v) const;
  // Finite and within kResultCoordinateLimit.
  void coordinate(const char* field, double v) const;
  // A time [s]: finite and >= 0, or -1 where the format says "never".
  void time(const char* field, double v, bool never_allowed) const;
  // In [low, high].
  void within(const char* field, std::int64_t v, std::int64_t low, std::int64_t high) const;
  // A row of the table `of` (0 <= v < its rows); only v >= 0 when the file
  // lacks that table (an interrupted run's).
  void index(const char* field, std::int64_t v, std::optional<std::size_t> rows, const char* of) const;

 private:
  [[noreturn]] void fail(const char* field, const std::string& value, const std::string& why) const;
  std::string where_;
  std::size_t row_ = 0;
};

// Sizes of the tables that others index, as the file has them (nullopt:
// the file lacks the table).
struct TableSizes {
  std::optional<std::size_t> agents, group_names, profile_names, levels, exit_names, places;
  std::optional<std::size_t> vehicles, pedestrians;
};

void check_rows(const std::string& where, std::span<const TrajectoryRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const AgentRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const ExitEventRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const PassageRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const DensityRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const ClassRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const PlaceInfo> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const StreetFrameRow> rows, const TableSizes& sizes);
void check_rows(const std::string& where, std::span<const StreetVehicleRow> rows, std::size_t vehicle_types);
// Lanes, sidewalks, crossings, stalls and vehicle types, against the name
// tables of the same group; `where` is the file.
void check_street_geometry(const std::string& file, const StreetGeometry& g);

}  // namespace campusflow::io
