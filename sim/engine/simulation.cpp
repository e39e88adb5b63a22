#include "sim/engine/simulation.hpp"

#include <algorithm>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "sim/core/state_hash.hpp"
#include "sim/engine/spawn.hpp"
#include "sim/ped/movement.hpp"

namespace campusflow {

namespace {
// Agents per parallel task: large enough to amortise scheduling, small
// enough to balance 16 threads on a thousand agents.
constexpr std::size_t kGrain = 64;
}  // namespace

Simulation::Simulation(const CompiledScenario& scenario, const RunOptions& options)
    : scenario_(scenario),
      options_(options),
      arena_(std::max(1, options.threads)),
      model_(scenario.model.cfsm) {
  agents_.resize(scenario.agent_count);
  const double range = model_.interaction_range(scenario.max_radius, scenario.max_desired_speed);
  for (const WalkableLevel& level : scenario.levels)
    grids_.emplace_back(GridSpec::covering(bounding_box(level.walkable.outer), range, range));
  level_ids_.resize(scenario.levels.size());

  // The alarm sounds at t = 0: every group appears, then frames and ticks
  // start. At equal times events run in this order of scheduling.
  for (std::uint32_t g = 0; g < scenario.groups.size(); ++g) queue_.schedule(0, SpawnGroup{g});
  queue_.schedule(0, RecordFrame{});
  queue_.schedule(0, PedestrianTick{});
  queue_.schedule(scenario.settings.time_limit, TimeLimitReached{});
}

bool Simulation::step() {
  if (finished_ || queue_.empty()) {
    finished_ = true;
    return false;
  }
  out_.frame.reset();
  out_.exits.clear();
  now_ = queue_.next_time();
  {
    auto timer = profile_.time(Stage::kEvents);
    while (auto entry = queue_.pop_due(now_)) {
      if (finished_) break;
      std::visit([this](const auto& e) { handle(e); }, entry->event);
    }
  }
  return !finished_;
}

void Simulation::handle(const SpawnGroup& e) {
  const CompiledGroup& g = scenario_.groups[e.group];
  spawn_group(g, e.group, options_.seed, now_, agents_);
  for (std::uint32_t k = 0; k < g.count; ++k) active_.push_back(g.first_agent + k);
  std::sort(active_.begin(), active_.end());
  spawned_ += g.count;
}

void Simulation::handle(const RecordFrame&) {
  auto timer = profile_.time(Stage::kRecord);
  out_.frame = frame_++;
  out_.frame_agents.assign(active_.begin(), active_.end());
  out_.frame_positions.clear();
  for (std::uint32_t id : active_) out_.frame_positions.push_back(agents_.position[id]);
  queue_.schedule(now_ + scenario_.settings.frame_interval, RecordFrame{});
}

void Simulation::handle(const TimeLimitReached&) {
  finished_ = true;
  timed_out_ = !active_.empty();
}

void Simulation::handle(const PedestrianTick&) {
  if (spawned_ == scenario_.agent_count && active_.empty()) {
    finished_ = true;
    return;
  }
  {
    auto timer = profile_.time(Stage::kGrid);
    rebuild_grids();
  }
  {
    auto timer = profile_.time(Stage::kPlan);
    plan_moves();
  }
  {
    auto timer = profile_.time(Stage::kCommit);
    commit_moves();
  }
  agent_updates_ += moves_.size();
  ++tick_;
  if (spawned_ == scenario_.agent_count && active_.empty()) {
    finished_ = true;
    return;
  }
  queue_.schedule(now_ + scenario_.settings.dt, PedestrianTick{});
}

void Simulation::rebuild_grids() {
  for (auto& ids : level_ids_) ids.clear();
  for (std::uint32_t id : active_) level_ids_[agents_.level[id]].push_back(id);
  for (std::size_t l = 0; l < grids_.size(); ++l) grids_[l].rebuild(level_ids_[l], agents_.position);
}

void Simulation::plan_moves() {
  moves_.resize(active_.size());
  const double dt = us_to_seconds(scenario_.settings.dt);
  arena_.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, active_.size(), kGrain), [&](const auto& range) {
      for (std::size_t n = range.begin(); n != range.end(); ++n) {
        const std::uint32_t i = active_[n];
        const Vec2 x = agents_.position[i];
        Move& m = moves_[n];
        m = Move{x, -1, 0.0};
        if (agents_.release[i] > now_) continue;  // still in pre-movement
        const std::uint32_t l = agents_.level[i];
        const WalkableLevel& level = scenario_.levels[l];
        const Vec2 v = model_.velocity(agents_, i, level.field.direction(x), level.wall_grid, grids_[l]);
        const Vec2 next = keep_clear_of_walls(x + dt * v, x, agents_.radius[i], level.wall_grid);
        if (auto crossing = crossed_exit(x, next, level)) {
          m.exit = static_cast<std::int32_t>(crossing->exit);
          m.fraction = crossing->fraction;
        }
        m.position = next;
      }
    });
  });
}

void Simulation::commit_moves() {
  const double dt = us_to_seconds(scenario_.settings.dt);
  const double t0 = us_to_seconds(now_);
  std::size_t kept = 0;
  for (std::size_t n = 0; n < active_.size(); ++n) {
    const std::uint32_t i = active_[n];
    const Move& m = moves_[n];
    agents_.velocity[i] = (m.position - agents_.position[i]) / dt;
    agents_.position[i] = m.position;
    if (agents_.status[i] == AgentStatus::kWaiting && agents_.release[i] <= now_)
      agents_.status[i] = AgentStatus::kWalking;
    if (m.exit >= 0) {
      agents_.status[i] = AgentStatus::kExited;
      agents_.exit[i] = m.exit;
      agents_.exit_time[i] = t0 + m.fraction * dt;
      out_.exits.push_back({i, static_cast<std::uint32_t>(m.exit), agents_.exit_time[i]});
      ++exited_;
      continue;
    }
    active_[kept++] = i;
  }
  active_.resize(kept);
}

double Simulation::evacuation_time() const {
  if (spawned_ < scenario_.agent_count || !active_.empty()) return -1.0;
  double t = 0.0;
  for (double e : agents_.exit_time) t = std::max(t, e);
  return t;
}

std::uint64_t Simulation::state_hash() const {
  StateHash h;
  h.add(now_);
  // Eigen vectors are not trivially copyable by the type trait, but a
  // std::vector<Vec2> is a dense array of 2 doubles each.
  auto add_vectors = [&h](const std::vector<Vec2>& v) {
    static_assert(sizeof(Vec2) == 2 * sizeof(double));
    h.add_all(std::span<const double>(v.empty() ? nullptr : v.front().data(), 2 * v.size()));
  };
  add_vectors(agents_.position);
  add_vectors(agents_.velocity);
  h.add_all(std::span<const double>(agents_.desired_speed));
  h.add_all(std::span<const AgentStatus>(agents_.status));
  h.add_all(std::span<const double>(agents_.exit_time));
  h.add_all(std::span<const std::int32_t>(agents_.exit));
  h.add_all(std::span<const std::uint32_t>(active_));
  return h.value();
}

}  // namespace campusflow
