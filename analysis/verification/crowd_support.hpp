#pragma once
// What the crowd cases of the catalogue share (rimea_crowds.cpp,
// rimea_crowds_bottlenecks.cpp): pieces of scenario text, people in single
// file, and the "no frozen agents" rule of VALIDATION.md. Internal to
// analysis/verification.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "analysis/verification/case_support.hpp"
#include "analysis/verification/verification_case.hpp"

namespace campusflow::verification {

// "[x, y]"
std::string point_text(double x, double y);
// "[x1, y1], [x2, y2], ..." (the inside of a ring or a positions array)
std::string points_text(const std::vector<Vec2>& points);
// The ring of an axis-aligned rectangle, counter-clockwise.
std::string rect_text(double x0, double y0, double x1, double y1);

// People in one line along +x at y, `density` per metre, from x = start to
// x = end (half a spacing in from each end).
std::vector<Vec2> single_file(double density, double y, double start, double end);

// The rule of VALIDATION.md: an agent that walks, has not arrived, and has
// moved less than 0.1 m in 30 s while the way ahead is free is frozen. The
// way ahead is free when no other agent on its level is within 0.5 m of body
// contact in the half-plane in front of it (where its target's distance field
// points); "while" is read as at every once-a-second sample of the 30 s.
// Agents that stand 30 s with someone in front of them (a queue) are counted
// as stalled, not frozen.
class FrozenWatch {
 public:
  // Call after every step.
  void observe(const Simulation& s);

  std::size_t frozen() const { return frozen_count_; }    // agents found frozen at least once
  std::size_t stalled() const { return stalled_count_; }  // agents that stood 30 s, way free or not
  // The first frozen agent, "agent N at (x, y) from T1 to T2 s", or "none".
  const std::string& example() const { return example_; }

 private:
  struct Snapshot {
    double time = 0.0;
    std::vector<Vec2> position;    // (agents)
    std::vector<std::uint32_t> level;
    std::vector<char> walking;     // walking and inside at this time
  };
  // Per agent: walking, with a target, and the way ahead free now.
  std::vector<char> way_free(const Simulation& s) const;

  static constexpr double kWindow = 30.0;   // [s]
  static constexpr double kMinMove = 0.1;   // [m]
  static constexpr double kSample = 1.0;    // [s] between snapshots
  static constexpr double kClearance = 0.5; // [m] gap ahead that makes the way free
  double next_sample_ = 0.0;
  std::deque<Snapshot> snapshots_;
  std::vector<char> frozen_, stalled_;
  std::vector<double> free_since_;  // [s] since when the way ahead has been free; < 0: not free now
  std::size_t frozen_count_ = 0, stalled_count_ = 0;
  std::string example_ = "none";
};

// Registered by add_rimea_crowd_cases (rimea_crowds_bottlenecks.cpp): RiMEA
// 12 and 15, and the IMO tests of congestion and of a movement disability.
void add_bottleneck_cases(std::vector<Case>& out);
void add_imo_crowd_cases(std::vector<Case>& out);

}  // namespace campusflow::verification
