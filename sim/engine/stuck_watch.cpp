#include "sim/engine/stuck_watch.hpp"

#include <cmath>

namespace campusflow {

void StuckWatch::restart(std::uint32_t i, TimeUs from) {
  best_[i] = kUnset;
  since_[i] = from;
  if (episode_[i] >= 0) episodes_[static_cast<std::size_t>(episode_[i])].until = us_to_seconds(from);
  episode_[i] = -1;
}

bool StuckWatch::observe(std::uint32_t i, double remaining, TimeUs now) {
  if (best_[i] == kUnset) {  // the clock runs from restart()
    best_[i] = remaining;
    return false;
  }
  const bool progress = std::isfinite(remaining) && (!std::isfinite(best_[i]) || remaining <= best_[i] - kProgress);
  if (progress) {
    best_[i] = remaining;
    since_[i] = now;
    if (episode_[i] >= 0) episodes_[static_cast<std::size_t>(episode_[i])].until = us_to_seconds(now);
    episode_[i] = -1;
    return false;
  }
  return episode_[i] < 0 && now - since_[i] >= kNoProgressTime;
}

void StuckWatch::open(StuckEpisode e) {
  episode_[e.agent] = static_cast<std::int64_t>(episodes_.size());
  episodes_.push_back(e);
}

}  // namespace campusflow
