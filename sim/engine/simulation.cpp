#include "sim/engine/simulation.hpp"

#include <algorithm>
#include <optional>
#include <limits>
#include <tuple>
#include <type_traits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "sim/core/state_hash.hpp"
#include "sim/engine/spawn.hpp"
#include "sim/ped/movement.hpp"
#include "sim/ped/opening_steps.hpp"
#include "sim/ped/stair_speed.hpp"

namespace campusflow {

namespace {
// Agents per parallel task: large enough to amortise scheduling, small
// enough to balance 16 threads on a thousand agents.
constexpr std::size_t kGrain = 64;
// Ticks between two route choices of an agent (staggered by id): often enough
// to follow a changing crowd, rarely enough to cost nothing.
constexpr std::uint64_t kRouteTicks = 40;
// How far past the line an agent arriving through a stair end is put, at least. [m]
constexpr double kArrivalStep = 0.01;
// The strip at the foot of a flight kept clear for those stepping off it: a
// stride, more than a body's width (2 x 0.2 m for adults). [m]
constexpr double kFootStrip = 0.5;
// On a flight people stand on treads and keep the tread in front of them
// free: the collision-free speed model's l grows by a tread there
// (docs/models/cfsm.md, "On stairs"). [m]
constexpr double kStairHeadway = 0.3;

std::variant<CfsmModel, SfmModel> make_model(const ModelSpec& spec) {
  if (spec.kind == PedModelKind::kSocialForce) return SfmModel(spec.sfm);
  return CfsmModel(spec.cfsm);
}

}  // namespace

Simulation::Simulation(const CompiledScenario& scenario, const RunOptions& options)
    : scenario_(scenario),
      options_(options),
      arena_(std::max(1, options.threads)),
      model_(make_model(scenario.model)),
      router_(scenario),
      tokens_(scenario.places.size(), 1.0),
      classes_(scenario),
      stair_used_(scenario.stairs.size(), 0),
      watch_(scenario.agent_count),
      watch_ticks_(static_cast<std::uint64_t>(std::max<TimeUs>(1, seconds_to_us(1.0) / scenario.settings.dt))),
      staff_(scenario) {
  agents_.resize(scenario.agent_count);
  const double range = std::visit(
      [&](const auto& m) {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, CfsmModel>)
          return m.interaction_range(scenario.max_radius, scenario.max_desired_speed);
        else
          return m.interaction_range(scenario.max_radius);
      },
      model_);
  for (const WalkableLevel& level : scenario.levels)
    grids_.emplace_back(GridSpec::covering(bounding_box(level.walkable.outer), range, range));
  level_ids_.resize(scenario.levels.size());
  headway_.assign(scenario.levels.size(), 0.0);
  for (const CompiledStair& s : scenario.stairs)
    if (!s.flat) headway_[s.level] = kStairHeadway;

  // The alarm sounds at t = 0: every group appears, then frames and ticks
  // start. At equal times events run in this order of scheduling.
  if (scenario.procedure.kind == ProcedureKind::kLockdown) lockdown_.emplace(scenario);
  for (std::uint32_t g = 0; g < scenario.groups.size(); ++g) queue_.schedule(0, SpawnGroup{g});
  queue_.schedule(0, RecordFrame{});
  queue_.schedule(0, PedestrianTick{});
  for (std::uint32_t e = 0; e < scenario.events.size(); ++e)
    queue_.schedule(scenario.events[e].time, PlaceChange{e});
  queue_.schedule(scenario.settings.time_limit, TimeLimitReached{});
  start_street();
}

bool Simulation::step() {
  out_.frame.reset();
  out_.exits.clear();
  out_.passages.clear();
  out_.street_rows.clear();
  if (finished_ || queue_.empty()) {
    finished_ = true;
    return false;
  }
  now_ = queue_.next_time();
  while (auto entry = queue_.pop_due(now_)) {
    if (finished_) break;
    // A pedestrian or street tick times its own stages; every other event counts as "events".
    if (std::holds_alternative<PedestrianTick>(entry->event)) {
      handle(std::get<PedestrianTick>(entry->event));
      continue;
    }
    if (std::holds_alternative<StreetTick>(entry->event)) {
      handle(std::get<StreetTick>(entry->event));
      continue;
    }
    auto timer = profile_.time(Stage::kEvents);
    std::visit([this](const auto& e) { handle(e); }, entry->event);
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
  if (building_done_) return;  // the street may run on: no empty frames
  auto timer = profile_.time(Stage::kRecord);
  out_.frame = frame_++;
  out_.frame_agents.assign(active_.begin(), active_.end());
  out_.frame_positions.clear();
  out_.frame_z.clear();
  for (std::uint32_t id : active_) {
    const Eigen::Vector3d w = scenario_.levels[agents_.level[id]].world(agents_.position[id]);
    out_.frame_positions.emplace_back(w.x(), w.y());
    out_.frame_z.push_back(w.z());
  }
  queue_.schedule(now_ + scenario_.settings.frame_interval, RecordFrame{});
}

void Simulation::handle(const TimeLimitReached&) {
  finished_ = true;  // the street's state tells whether it had finished
  timed_out_ = !active_.empty();
}

void Simulation::handle(const PlaceChange& e) {
  const CompiledEvent& event = scenario_.events[e.event];
  const bool close = event.kind == EventKind::kClose || event.kind == EventKind::kBlock;
  const Closure closure = !close ? Closure::kOpen : event.whole_stair ? Closure::kNoEntry : Closure::kClosed;
  router_.set_closure(event.places, closure);
  // Everyone chooses again at the next tick, and their ways are new: so is
  // the measure of their progress.
  for (std::uint32_t id : active_) {
    agents_.target[id] = kNoPlace;
    watch_.restart(id, now_);
  }
}

void Simulation::handle(const PedestrianTick&) {
  if (spawned_ == scenario_.agent_count && active_.empty()) {
    building_done_ = true;
    update_finished();
    return;
  }
  // A lockdown: who shelters where is settled at the alarm, once all have spawned.
  if (lockdown_ && !lockdown_->assigned()) lockdown_->assign(agents_, active_);
  {
    auto timer = profile_.time(Stage::kGrid);
    rebuild_grids();
  }
  router_.count_queues(agents_, active_);
  classes_.release_waiting(agents_, active_, stair_used_, now_);
  {
    auto timer = profile_.time(Stage::kPlan);
    plan_moves();
  }
  if (find_nonfinite_move()) {
    finished_ = true;
    return;
  }
  {
    auto timer = profile_.time(Stage::kCommit);
    commit_moves();
  }
  if (journeys_) journeys_->on_exits(out_.exits, *street_);
  watch_progress();
  agent_updates_ += moves_.size();
  ++tick_;
  // A lockdown ends when every occupied room is secured: nobody leaves.
  if ((spawned_ == scenario_.agent_count && active_.empty()) || (lockdown_ && lockdown_->done())) {
    building_done_ = true;
    update_finished();
    return;
  }
  queue_.schedule(now_ + scenario_.settings.dt, PedestrianTick{});
}

void Simulation::rebuild_grids() {
  for (auto& ids : level_ids_) ids.clear();
  // A marshal at the post is no neighbour of anyone (docs/models/staff.md):
  // real marshals stand by a wall at the side of the landing, but the
  // collision-free speed model stops short of a body standing in its way and
  // has no way around it, so a marshal in a stream would wedge those behind
  // for good. The post is where the marshal is drawn and counted in densities.
  for (std::uint32_t id : active_)
    if (!staff_.at_post(id)) level_ids_[agents_.level[id]].push_back(id);
  for (std::size_t l = 0; l < grids_.size(); ++l) grids_[l].rebuild(level_ids_[l], agents_.position);
}

void Simulation::plan_moves() {
  std::visit([this](const auto& model) { plan_moves_with(model); }, model_);
}

template <class Model>
void Simulation::plan_moves_with(const Model& model) {
  moves_.resize(active_.size());
  const double dt = us_to_seconds(scenario_.settings.dt);
  arena_.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, active_.size(), kGrain), [&](const auto& range) {
      for (std::size_t n = range.begin(); n != range.end(); ++n) {
        const std::uint32_t i = active_[n];
        const Vec2 x = agents_.position[i];
        Move& m = moves_[n];
        m = Move{0.0, x, agents_.target[i], kNoPlace, 0.0, false};
        if (lockdown_) {  // shelter in a room instead of leaving (docs/models/procedures.md)
          m.target = lockdown_->door(i);
          const Vec2 e0 = lockdown_->heading(agents_, i);
          if (agents_.release[i] > now_ || e0.isZero()) continue;
          const std::uint32_t l = agents_.level[i];
          const WalkableLevel& level = scenario_.levels[l];
          Vec2 v;
          if constexpr (std::is_same_v<Model, SfmModel>)
            v = model.velocity(agents_, i, e0, level.wall_grid, grids_[l], dt);
          else
            v = model.velocity(agents_, i, e0, level.wall_grid, grids_[l]);
          m.position = keep_clear_of_walls(x + dt * v, x, agents_.radius[i], level.wall_grid);
          std::tie(m.place, m.fraction) = first_crossing(level, x, m.position);
          // Only its own room's door is crossed; every other opening is a wall to it.
          if (m.place != kNoPlace && m.place != m.target && m.place != agents_.last_place[i]) m.position = x;
          if (m.position == x) m.place = kNoPlace;
          continue;
        }
        if (staff_.on_duty(i)) {  // a staff member walks to the post and stands there (docs/models/staff.md)
          m.target = kNoPlace;
          const std::uint32_t l = agents_.level[i];
          const WalkableLevel& level = scenario_.levels[l];
          // A sweep walks along the floor to its next door; otherwise straight to the post.
          const std::uint32_t door = staff_.sweep_door(i);
          const Vec2 to = door != kNoPlace ? desired_direction(*level.opening_for(door), x) : staff_.post(i) - x;
          const double d = door != kNoPlace ? std::numeric_limits<double>::infinity() : to.norm();
          if (agents_.release[i] > now_ || d <= Staffing::kAtPost || to.isZero()) continue;
          Vec2 v;
          if constexpr (std::is_same_v<Model, SfmModel>)
            v = model.velocity(agents_, i, to.normalized(), level.wall_grid, grids_[l], dt);
          else
            v = model.velocity(agents_, i, to.normalized(), level.wall_grid, grids_[l], headway_[l]);
          // Stop at the post rather than step past it.
          if (v.norm() * dt > d) v *= d / (v.norm() * dt);
          m.position = keep_clear_of_walls(x + dt * v, x, agents_.radius[i], level.wall_grid);
          // On the way to the post every opening is a wall: the post is on the staff member's level.
          std::tie(m.place, m.fraction) = first_crossing(level, x, m.position);
          if (m.place != kNoPlace) {
            m.position = x;
            m.place = kNoPlace;
          }
          continue;
        }
        // A led class measures its members' progress from the start, so
        // that the teacher waits for pupils still packing their bags.
        const bool led = scenario_.groups[agents_.group[i]].teacher;
        const bool released = agents_.release[i] <= now_;
        const bool choose = m.target == kNoPlace ? released || led : released && (tick_ + i) % kRouteTicks == 0;
        if (choose) {
          m.target = router_.choose(agents_, i, m.target);
          // Lost: no way on to the next step, or a later one has closed
          // (everyone hears the announcement, not only those who reach it).
          m.lost = released && (m.target == kNoPlace || !router_.route_open(agents_, i));
        }
        if (led && m.target != kNoPlace) m.remaining = router_.remaining(agents_, i, m.target);
        if (!released) continue;             // still in pre-movement
        if (m.target == kNoPlace) continue;  // no way out is left: wait
        const std::uint32_t l = agents_.level[i];
        const WalkableLevel& level = scenario_.levels[l];
        const Opening* target = level.opening_for(m.target);
        const Vec2 e0 = target ? desired_direction(*target, x) : Vec2::Zero();
        Vec2 v;
        if constexpr (std::is_same_v<Model, SfmModel>)
          v = model.velocity(agents_, i, e0, level.wall_grid, grids_[l], dt);
        else
          v = model.velocity(agents_, i, e0, level.wall_grid, grids_[l], headway_[l]);
        if (led) {
          // Slowing down keeps the step collision-free.
          const double cap = classes_.speed_cap(agents_, i), speed = v.norm();
          if (speed > cap) v *= cap / speed;
        }
        m.position = keep_stair_feet_clear(level, x, x + dt * v, m.target, kFootStrip);
        m.position = keep_clear_of_stair_ends(level, m.position, m.target, agents_.radius[i]);
        m.position = keep_clear_of_walls(m.position, x, agents_.radius[i], level.wall_grid);
        std::tie(m.place, m.fraction) = first_crossing(level, x, m.position);
        if (m.place != kNoPlace && m.place != m.target && scenario_.places[m.place].kind == PlaceKind::kStairEnd) {
          // Nobody steps onto a stair by accident: a stair end the agent is
          // not heading for is a wall to it, and it slides along.
          const Opening& o = *level.opening_for(m.place);
          m.position -= ((m.position - o.segment.a).dot(o.normal) + kArrivalStep) * o.normal;
          std::tie(m.place, m.fraction) = first_crossing(level, x, m.position);
        }
      }
    });
  });
}

bool Simulation::find_nonfinite_move() {
  for (std::size_t n = 0; n < moves_.size(); ++n) {
    if (moves_[n].position.allFinite()) continue;
    const std::uint32_t i = active_[n];
    const std::uint32_t l = agents_.level[i];
    const std::string_view term = std::visit(
        [&](const auto& model) { return model.nonfinite_term(agents_, i, scenario_.levels[l].wall_grid, grids_[l]); },
        model_);
    fault_ = NumericalFault{i, agents_.group[i], l, agents_.position[i], tick_, us_to_seconds(now_), std::string(term)};
    return true;
  }
  return false;
}

void Simulation::track_progress(std::uint32_t i) {
  if ((agents_.position[i] - agents_.anchor[i]).norm() > kStuckDistance || agents_.release[i] > now_) {
    agents_.anchor[i] = agents_.position[i];
    agents_.anchor_time[i] = now_;
  }
  agents_.stuck[i] = now_ - agents_.anchor_time[i] >= kStuckTime;
}

bool Simulation::admit(std::uint32_t i, std::uint32_t place) {
  if (!router_.may_cross(agents_, i, place)) return false;
  if (scenario_.places[place].flow_limit <= 0.0) return true;
  if (tokens_[place] < 1.0) return false;
  tokens_[place] -= 1.0;
  return true;
}

Simulation::Arrival Simulation::arrival(std::uint32_t i, std::uint32_t place, const Vec2& crossing,
                                        double beyond) const {
  const CompiledPlace& p = scenario_.places[place];
  const CompiledStair& stair = scenario_.stairs[static_cast<std::size_t>(p.stair)];
  const std::uint32_t from = agents_.level[i];
  const std::uint32_t to = from == stair.level ? p.level : stair.level;
  const Opening& in = *scenario_.levels[from].opening_for(place);
  const Opening& out = *scenario_.levels[to].opening_for(place);
  // Both openings run along their own outlines, which face each other: the
  // point u along one is 1 - u along the other (left stays left).
  const double width = in.segment.length();
  const double r = std::min(agents_.radius[i], 0.5 * width);
  const double u = std::clamp((crossing - in.segment.a).norm() / width, r / width, 1.0 - r / width);
  const Vec2 at = out.segment.a + (1.0 - u) * (out.segment.b - out.segment.a);
  // The rest of the step is walked on the new level, so that crossing gains
  // and loses no distance.
  return {to, at - std::max(kArrivalStep, beyond) * out.normal};
}

bool Simulation::free_at(const Arrival& a, std::uint32_t i) const {
  // Agents on the level at the start of the tick (some have moved since, to
  // where they stand now) and those that arrived during this commit.
  bool free = true;
  auto check = [&](std::uint32_t j) {
    if (j != i && agents_.level[j] == a.level &&
        (agents_.position[j] - a.position).norm() < agents_.radius[i] + agents_.radius[j])
      free = false;
  };
  grids_[a.level].for_each_near(a.position, check);
  for (std::uint32_t j : arrived_) check(j);
  return free;
}

void Simulation::transfer(std::uint32_t i, std::uint32_t place, const Arrival& a) {
  const CompiledStair& stair = scenario_.stairs[static_cast<std::size_t>(scenario_.places[place].stair)];
  agents_.position[i] = a.position;
  agents_.level[i] = a.level;
  arrived_.push_back(i);
  if (a.level == stair.level) stair_used_[static_cast<std::size_t>(scenario_.places[place].stair)] = 1;
  if (a.level == stair.level && !stair.flat) {
    const bool up = (place == stair.from_place) == stair.rises;
    const StairFactors& profile_factors = stair_factors(scenario_.groups[agents_.group[i]].profile);
    const double stair_factor = up ? stair.up_factor : stair.down_factor;
    const double factor = stair_factor >= 0.0 ? stair_factor : (up ? profile_factors.up : profile_factors.down);
    agents_.desired_speed[i] = agents_.free_speed[i] * factor;
  } else {
    agents_.desired_speed[i] = agents_.free_speed[i];
  }
}

void Simulation::commit_moves() {
  const double dt = us_to_seconds(scenario_.settings.dt);
  const double t0 = us_to_seconds(now_);
  for (std::size_t p = 0; p < tokens_.size(); ++p)
    tokens_[p] = std::min(1.0, tokens_[p] + scenario_.places[p].flow_limit * dt);
  staff_.refill(dt);
  arrived_.clear();
  // Who crosses first where two want the same room (a free spot beyond a
  // stair end, a door's or a marshal's token): whoever has waited longest,
  // having made no progress since the earliest time, then the lower id. In
  // id order alone the pupils of the lower floors, numbered first, won every
  // merge with those coming down from above and held them for minutes.
  // Those crossing nothing take nothing from anyone; their order is free.
  order_.clear();
  for (std::size_t n = 0; n < active_.size(); ++n)
    if (moves_[n].place != kNoPlace) order_.push_back(n);
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t p, std::size_t q) {
    return agents_.anchor_time[active_[p]] < agents_.anchor_time[active_[q]];
  });
  for (std::size_t n = 0; n < active_.size(); ++n)
    if (moves_[n].place == kNoPlace) order_.push_back(n);
  gone_.assign(active_.size(), 0);
  for (const std::size_t n : order_) {
    const std::uint32_t i = active_[n];
    const Move& m = moves_[n];
    const Vec2 from = agents_.position[i];
    agents_.target[i] = m.target;
    agents_.remaining[i] = m.remaining;
    if (agents_.status[i] == AgentStatus::kWaiting && agents_.release[i] <= now_)
      agents_.status[i] = AgentStatus::kWalking;
    if (lockdown_) {
      commit_sheltering(n);
      continue;
    }
    std::optional<Arrival> onto;
    if (m.place != kNoPlace && scenario_.places[m.place].kind == PlaceKind::kStairEnd) {
      const Vec2 crossing = from + m.fraction * (m.position - from);
      onto = arrival(i, m.place, crossing, (1.0 - m.fraction) * (m.position - from).norm());
    }
    if (m.lost && agents_.route_kind[i] != RouteKind::kNearest) reroute(i);
    // A closed door, a blocked way, a door at its flow limit, no room on the
    // other side, or a marshal's hold or meter: the agent waits where it is.
    // The marshal's duty is judged last, so that a metered token is not spent
    // on a crossing that a closed place or a full landing refuses anyway.
    if (m.place != kNoPlace && (!admit(i, m.place) || (onto && !free_at(*onto, i)) ||
                                !staff_.admit(i, agents_.level[i], m.place))) {
      agents_.velocity[i] = Vec2::Zero();
      continue;
    }
    agents_.velocity[i] = (m.position - from) / dt;
    agents_.position[i] = m.position;
    track_progress(i);
    if (m.place == kNoPlace) {
      continue;
    }
    const CompiledPlace& place = scenario_.places[m.place];
    out_.passages.push_back({i, m.place, t0 + m.fraction * dt});
    if (place.kind == PlaceKind::kExit || place.kind == PlaceKind::kAssembly) {
      agents_.status[i] = AgentStatus::kExited;
      agents_.exit[i] = place.exit;
      agents_.exit_time[i] = t0 + m.fraction * dt;
      out_.exits.push_back({i, static_cast<std::uint32_t>(place.exit), agents_.exit_time[i]});
      if (staff_.is_staff(i)) staff_.exited(i, agents_.exit_time[i]);
      ++exited_;
      gone_[n] = 1;
      continue;
    }
    if (router_.completes_step(agents_, i, m.place, agents_.level[i])) ++agents_.route_step[i];
    if (onto) transfer(i, m.place, *onto);
    agents_.last_place[i] = m.place;
    agents_.target[i] = kNoPlace;  // choose again from the new side
  }
  std::size_t kept = 0;
  for (std::size_t n = 0; n < active_.size(); ++n)
    if (!gone_[n]) active_[kept++] = active_[n];
  active_.resize(kept);
  // Staff whose duty is over evacuate like anyone: to the nearest safety,
  // measured afresh from where they stand.
  for (std::uint32_t i : staff_.update(agents_, active_, now_)) {
    agents_.route_kind[i] = RouteKind::kNearest;
    agents_.target[i] = kNoPlace;
    watch_.restart(i, now_);
  }
  for (std::uint32_t i : staff_.direct(agents_, active_)) watch_.restart(i, now_);  // a new way, a new measure
  classes_.update(agents_, now_);
  if (lockdown_) lockdown_->update(agents_, active_, now_);
}

void Simulation::commit_sheltering(std::size_t n) {
  const std::uint32_t i = active_[n];
  const Move& m = moves_[n];
  const double dt = us_to_seconds(scenario_.settings.dt);
  const Vec2 from = agents_.position[i];
  if (m.place != kNoPlace && !admit(i, m.place)) {  // a door at its flow limit: wait before it
    agents_.velocity[i] = Vec2::Zero();
    return;
  }
  agents_.velocity[i] = (m.position - from) / dt;
  agents_.position[i] = m.position;
  track_progress(i);
  if (m.place == kNoPlace) return;
  out_.passages.push_back({i, m.place, us_to_seconds(now_) + m.fraction * dt});
  agents_.last_place[i] = m.place;
  lockdown_->crossed(i, m.place);
}

double Simulation::evacuation_time() const {
  if (spawned_ < scenario_.agent_count) return -1.0;
  // Everyone leaves or stays active, so "every pupil has an exit time" is
  // "no pupil is inside".
  double t = 0.0;
  for (std::uint32_t i = 0; i < agents_.exit_time.size(); ++i) {
    if (staff_.is_staff(i)) continue;
    if (agents_.exit_time[i] < 0.0) return -1.0;
    t = std::max(t, agents_.exit_time[i]);
  }
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
  h.add_all(std::span<const std::uint32_t>(agents_.level));
  h.add_all(std::span<const std::uint32_t>(agents_.target));
  h.add_all(std::span<const std::uint32_t>(agents_.route_step));
  h.add_all(std::span<const RouteKind>(agents_.route_kind));
  h.add_all(std::span<const std::uint32_t>(active_));
  return h.value();
}

}  // namespace campusflow
