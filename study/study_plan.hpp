#pragma once
// A study expanded: every case (a variant at one point of the factor grid)
// and every run (a case with a seed), numbered in one fixed order, case by
// case and seed by seed within one, so that the table is the same whatever
// order the runs finish in.
#include <cstdint>
#include <string>
#include <vector>

#include "study/study_spec.hpp"

namespace campusflow::study {

struct StudyCase {
  std::size_t variant = 0;           // index into StudySpec::variants
  std::vector<std::size_t> levels;   // per factor, the index of its value
  ScenarioVariant scenario;          // what to load: the file's variant and the settings
  std::string label;                 // "east stair blocked, radius = 50 m"
};

struct PlannedRun {
  std::size_t case_index = 0;
  std::uint64_t seed = 0;
};

struct StudyPlan {
  std::vector<StudyCase> cases;  // variants outermost, then the factors' grid (the last factor fastest)
  std::vector<PlannedRun> runs;  // run r is case r / seeds, seed r % seeds
};

StudyPlan plan_study(const StudySpec& spec);

// A factor's value as a table cell and a label: 50, "west", [1,2].
std::string value_text(const boost::json::value& v);

}  // namespace campusflow::study
