#pragma once
// The verification and validation catalogue (VALIDATION.md) as runnable
// cases. Each case builds its set-up, runs it and judges it against its
// numeric criterion. The Catch2 suites assert them one by one (tags [rimea],
// [imo], [iso], [validation]); `campusflow verify` runs them all and prints
// the table a planner attaches to a safety file.
#include <functional>
#include <string>
#include <vector>

namespace campusflow::verification {

struct Outcome {
  bool pass = false;
  std::string measured;  // the figures the verdict rests on, in words and units
};

struct Case {
  std::string id;         // "rimea-1", "imo-exit-flow", ...
  std::string tag;        // "rimea", "imo", "iso" or "validation"
  std::string title;      // the set-up, shortly
  std::string criterion;  // what passes, with its numbers
  std::function<Outcome()> run;
};

// Every case, in catalogue order.
const std::vector<Case>& all_cases();
// The case with this id; throws std::out_of_range naming it when there is none.
const Case& find_case(const std::string& id);

// Formatting helper for `measured`: printf-style into a std::string.
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// The parts of the catalogue, one function per file.
void add_rimea_movement_cases(std::vector<Case>& out);  // RiMEA 1, 5, 6, 7; IMO corridor
void add_rimea_stair_cases(std::vector<Case>& out);     // RiMEA 2, 3; IMO stairs
void add_rimea_route_cases(std::vector<Case>& out);     // RiMEA 11, 14: route choice under congestion
void add_imo_group_cases(std::vector<Case>& out);       // IMO / ISO 20414 groups
void add_imo_behaviour_cases(std::vector<Case>& out);   // pre-movement distributions, social influence
void add_flow_cases(std::vector<Case>& out);            // door flow with and without the limiter
void add_rimea_crowd_cases(std::vector<Case>& out);     // RiMEA 4, 9, 12, 15, 16; IMO congestion, disability
void add_rimea_building_cases(std::vector<Case>& out);  // RiMEA 8, 10, 13
void add_building_flow_cases(std::vector<Case>& out);   // IMO dynamic exits, ISO counter-flow, IMO stair width
void add_validation_cases(std::vector<Case>& out);      // Jülich corridor runs

}  // namespace campusflow::verification
