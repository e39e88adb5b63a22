// The street half of a run: the vehicle tick and the street's replay frames
// are events of the run's one queue, on its integer clock
// (docs/architecture.md, "One clock").
#include <algorithm>
#include <cmath>

#include "sim/engine/simulation.hpp"
#include "sim/engine/street_results.hpp"
#include "sim/traffic/compile_street.hpp"

namespace campusflow {

void Simulation::start_street() {
  if (!scenario_.street) return;
  const CompiledStreet& compiled = *scenario_.street;
  // Drawn demand follows the run's seed (replications differ in their cars).
  if (options_.seed != compiled.seed) redrawn_street_ = redraw_street(compiled, options_.seed);
  street_.emplace(redrawn_street_ ? *redrawn_street_ : compiled, options_.seed);
  journeys_.emplace(scenario_, &*street_, options_.seed);
  street_dt_ = seconds_to_us(compiled.spec.vehicle_dt);
  // A frame every whole number of ticks nearest to 1 / kStreetFps.
  const auto ticks_per_frame = std::max<std::int64_t>(1, std::llround(1.0 / (kStreetFps * compiled.spec.vehicle_dt)));
  street_frame_interval_ = street_dt_ * ticks_per_frame;
  street_done_ = street_->finished();
  if (street_done_) {
    street_end_ = 0.0;
    return;
  }
  // At equal times the frame comes first: it shows the state the tick starts from.
  queue_.schedule(0, RecordStreetFrame{});
  queue_.schedule(0, StreetTick{});
}

void Simulation::handle(const StreetTick&) {
  const double t = us_to_seconds(now_);
  const double dt = us_to_seconds(street_dt_);
  arena_.execute([&] { street_->step(t, dt, profile_); });
  if (journeys_->active()) {
    journeys_->on_calls(*street_, t + dt);
    journeys_->sample(agents_, *street_, t + dt);
  }
  if (street_->finished()) {
    street_done_ = true;
    street_end_ = us_to_seconds(now_ + street_dt_);
    update_finished();
    return;
  }
  queue_.schedule(now_ + street_dt_, StreetTick{});
}

void Simulation::handle(const RecordStreetFrame&) {
  if (street_done_) return;
  const std::int64_t frame = street_frame_++;
  if (street_frames_on_) {
    auto timer = profile_.time(Stage::kRecord);
    append_street_frame(*street_, frame, static_cast<double>(frame) / kStreetFps, out_.street_rows);
  }
  queue_.schedule(now_ + street_frame_interval_, RecordStreetFrame{});
}

}  // namespace campusflow
