#pragma once
// A study's tables: a row per run (its factors, seed, status and metrics)
// and, per case and metric, the spread over the seeds (mean, sd, 5/50/95 %
// percentiles, the 95 % confidence interval of the mean, runs incomplete).
// Written as runs.csv, aggregate.csv and study.h5 in the study's folder,
// each whole under its final name: the tables are consistent at every
// moment, and rebuilt from the row files (run_row.hpp) after every run.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "study/run_row.hpp"
#include "study/study_plan.hpp"

namespace campusflow::study {

// The spread of one metric over the runs of a case that have a value. NaN
// where undefined (sd and the interval need two values).
struct Spread {
  std::size_t values = 0;
  double mean, sd, p5, p50, p95, ci_low, ci_high;
};
// Percentiles interpolate linearly between order statistics (Hyndman and
// Fan's type 7, numpy's default); the interval is the mean +- Student's t
// (0.975, n - 1) * sd / sqrt(n).
Spread spread_of(std::vector<double> values);

struct StudyTables {
  const StudySpec* spec = nullptr;
  const StudyPlan* plan = nullptr;
  std::vector<std::string> metrics;
  std::vector<std::string> units;
  std::string scenario_text;           // the base scenario's file, recorded
  std::vector<std::optional<RunRow>> rows;  // by run; empty: not run (yet)
};

struct CaseSummary {
  std::size_t runs = 0, incomplete = 0, failed = 0;  // done, of which not complete, of which failed
  std::vector<Spread> metrics;
};
std::vector<CaseSummary> summarise(const StudyTables& t);

// Writes runs.csv, aggregate.csv and study.h5 into `dir`; throws io::IoError.
void write_study_tables(const std::filesystem::path& dir, const StudyTables& t);

}  // namespace campusflow::study
