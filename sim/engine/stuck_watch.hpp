#pragma once
// The no-progress detector (docs/models/stuck.md). An agent that walks (is
// released and inside) and whose distance to its goal (Router::remaining: the
// field to its target, then the rest of its way to safety) has not fallen by
// kProgress for kNoProgressTime is stuck. Each stretch of being stuck is an
// episode, recorded with where it happened and its likely cause, so that a run
// which does not get everyone out says who is where and why, never nothing.
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow {

enum class StuckCause : std::uint8_t {
  kWall,         // nobody close and no closed place: the geometry holds it
  kCrowd,        // bodies touching it all round: a jam that does not move
  kClosedPlace,  // it stands at a closed door or blocked place
  kNoRoute,      // no way to safety is left from where it stands
};
inline constexpr std::string_view kStuckCauseNames[] = {"wall", "crowd", "closed place", "no route"};

struct StuckEpisode {
  std::uint32_t agent = 0;
  std::uint32_t level = 0;   // index into the scenario's levels
  Vec2 position;             // where it stood when found stuck, level coordinates [m]
  std::uint32_t place = 0;   // the nearest place (door, stair end, exit) on its level, kNoPlace: none
  double since = 0.0;        // [s] when its distance to its goal last fell
  double until = -1.0;       // [s] when it fell again; -1: still stuck when the run ended
  StuckCause cause = StuckCause::kWall;
};

class StuckWatch {
 public:
  // Progress is a fall of the distance to the goal by this much. [m]
  static constexpr double kProgress = 0.5;
  // No progress for this long is being stuck. An orderly queue before a
  // stair moves its last member 0.5 m within about 10 s even at the design
  // flow; a minute without is no queue. [us]
  static constexpr TimeUs kNoProgressTime = 60'000'000;

  explicit StuckWatch(std::size_t agents) : best_(agents, kUnset), since_(agents, 0), episode_(agents, -1) {}

  // Agent i starts afresh at `from` (the end of its pre-movement, or now when
  // its way has changed): the next distance observed is the one to beat.
  void restart(std::uint32_t i, TimeUs from);
  // Observes agent i's distance to its goal [m] (+infinity: none). Returns
  // true when the agent has just become stuck; the caller then opens an
  // episode with open(). A fall by kProgress closes an open episode.
  bool observe(std::uint32_t i, double remaining, TimeUs now);
  void open(StuckEpisode e);
  // Episodes, in the order they were found; those still open have until = -1.
  const std::vector<StuckEpisode>& episodes() const { return episodes_; }
  bool stuck(std::uint32_t i) const { return episode_[i] >= 0; }
  // When agent i's distance to its goal last fell [us].
  TimeUs since(std::uint32_t i) const { return since_[i]; }

 private:
  static constexpr double kUnset = -1.0;
  std::vector<double> best_;           // (agents) least distance to the goal since the clock started [m]
  std::vector<TimeUs> since_;          // (agents) when it last fell by kProgress [us]
  std::vector<std::int64_t> episode_;  // (agents) index of its open episode, -1: none
  std::vector<StuckEpisode> episodes_;
};

}  // namespace campusflow
