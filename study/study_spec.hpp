#pragma once
// A study file (docs/studies.md, scenarios/schema/study.schema.json): a base
// scenario, the factors to vary (JSON pointers and their values, on a grid),
// named variants, the seeds and the metrics to collect. Read like a scenario:
// every problem at once, "file: path: value rule".
#include <boost/json/value.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/scenario_patch.hpp"

namespace campusflow::study {

// Where a factor's value goes: the pointer receives the value itself, or,
// for a number, scale * value + offset (a rule that places one thing by
// another: the lay-by ends 8.5 m outside a no-car zone of radius R, so its
// end is -1 * R + 236).
struct FactorTarget {
  std::string pointer;
  bool linear = false;
  double scale = 1.0, offset = 0.0;
};

struct Factor {
  std::string name;
  std::string unit;                        // for tables and plots; may be empty
  std::vector<boost::json::value> values;  // the levels, in order
  std::vector<FactorTarget> targets;
};

// A named variant: a variant of the scenario file, settings of its own, or both.
struct StudyVariant {
  std::string name;
  std::string file_variant;  // a name from the scenario's "variants"; empty: its base
  std::vector<ScenarioPatch> sets;
};

struct StudySpec {
  std::string file;  // as given, for messages
  std::string text;  // the study file, recorded in the table
  std::string name, description;
  std::filesystem::path scenario;  // resolved against the study's folder
  std::vector<StudyVariant> variants;  // at least one (the base when the file names none)
  bool base_only = false;              // the file names no variants: cases are told by their factors
  std::vector<Factor> factors;         // crossed on a grid
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> metrics;    // names (metrics.hpp); empty: every one that applies
  bool trajectories = false;           // keep each run's result file
};

// Larger than any study by far.
inline constexpr std::size_t kMaxStudyBytes = 4u << 20;
// Runs one study may ask for: 20 seeds x 500 cases.
inline constexpr std::size_t kMaxRuns = 10000;

// nullopt after reporting every problem to diags.
std::optional<StudySpec> parse_study(std::string_view text, const std::filesystem::path& folder, Diagnostics& diags);
std::optional<StudySpec> read_study_file(const std::filesystem::path& path, std::vector<std::string>& errors);

}  // namespace campusflow::study
