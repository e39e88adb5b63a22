#pragma once
// The figures a result summarises, gathered once for `campusflow export`
// (summary.csv, classes.csv) and `campusflow compare` (its tables): every
// attribute of /campusflow/summary, the per-place figures (exits' counts,
// stairs' peaks, passages per place), the roll call and, with a street, the
// street's figures (docs/metrics.md). Read through the checked ResultReader.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sim/io/result_reader.hpp"

namespace campusflow::analysis {

struct Figure {
  std::string name;   // "evacuation_time"
  std::string place;  // the exit, stair or place it belongs to; empty: the whole run
  std::variant<double, std::int64_t, std::string> value;
  std::string unit;   // "s", "m", "P/m^2", "agents", ...; empty for text and indices
  // -1 means "never" (a time not reached, nobody on a stair): no difference
  // to another run's value is taken.
  bool minus_one_never = false;
};

// A class of the roll call (docs/result-format.md, `classes`), by name.
struct ClassTimes {
  std::string name;
  std::int64_t agents = 0;  // agents of the group in /campusflow/agents
  double start = -1.0, cleared = -1.0, assembled = -1.0;  // [s] after the alarm; -1 never
};

struct ResultFigures {
  io::RunInfo info;
  std::vector<io::LevelGeometry> levels;  // stairs' flights included
  std::vector<Figure> summary;            // the run's figures (place empty)
  std::vector<Figure> places;             // per exit, stair, place
  std::vector<ClassTimes> classes;
};

// Throws ResultFormatError where the file is damaged.
ResultFigures result_figures(const io::ResultReader& reader);

// Street figures from the vehicles and the queues (as `campusflow run`
// prints them): vehicles, unfinished, drop-offs, mean and largest delay,
// longest queue tail, spillback time and episodes.
std::vector<Figure> street_figures(const std::vector<io::StreetVehicleRow>& vehicles, const io::StreetQueues& queues);

}  // namespace campusflow::analysis
