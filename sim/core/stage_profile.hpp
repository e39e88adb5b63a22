#pragma once
// Named, timed stages of a step (Box2D b2Profile): each stage accumulates its
// wall-clock time so a run can report where the time goes.
#include <array>
#include <chrono>
#include <cstddef>
#include <string_view>

namespace campusflow {

// The street's tick has its own two: planning every vehicle from the frozen
// state (parallel), and committing moves, stalls, pupils, guards and
// measurements in order.
enum class Stage : std::size_t { kEvents, kGrid, kPlan, kCommit, kRecord, kStreetPlan, kStreetCommit, kCount };

inline constexpr std::array<std::string_view, static_cast<std::size_t>(Stage::kCount)>
    kStageNames = {"events", "grid", "plan", "commit", "record", "street plan", "street commit"};

class StageProfile {
 public:
  // RAII timer that adds its lifetime to one stage.
  class Scope {
   public:
    Scope(StageProfile& p, Stage s) : profile_(p), stage_(s), start_(Clock::now()) {}
    ~Scope() { profile_.seconds_[static_cast<std::size_t>(stage_)] += elapsed(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    double elapsed() const {
      return std::chrono::duration<double>(Clock::now() - start_).count();
    }
    StageProfile& profile_;
    Stage stage_;
    std::chrono::steady_clock::time_point start_;
  };

  Scope time(Stage s) { return Scope(*this, s); }
  double seconds(Stage s) const { return seconds_[static_cast<std::size_t>(s)]; }

 private:
  using Clock = std::chrono::steady_clock;
  std::array<double, static_cast<std::size_t>(Stage::kCount)> seconds_{};
};

}  // namespace campusflow
