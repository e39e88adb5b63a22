#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "ped_test_support.hpp"
#include "sim/core/random.hpp"
#include "sim/ped/models/sfm/sfm_model.hpp"
#include "sim/ped/movement.hpp"

using namespace campusflow;
using namespace campusflow::ped::testing;

namespace {

// Open ground: no walls, for agents that should feel nothing but each other.
const Box kOpen{{-50, -50}, {50, 50}};
SegmentGrid no_walls() { return SegmentGrid({}, kOpen, 1.0, 1.0); }

// One tick as the engine runs it: every new velocity from the frozen state
// (in parallel on `threads` threads), then every move, kept clear of walls;
// the velocity kept for the next tick is the displacement over dt.
void tick(const SfmModel& model, Agents& agents, const std::vector<Vec2>& e0, const SegmentGrid& walls,
          NeighbourGrid& grid, double dt, int threads = 1) {
  grid.rebuild(all_ids(agents), agents.position);
  std::vector<Vec2> next(agents.size());
  auto plan = [&](const tbb::blocked_range<std::size_t>& range) {
    for (auto i = static_cast<std::uint32_t>(range.begin()); i != range.end(); ++i) {
      const Vec2 v = model.velocity(agents, i, e0[i], walls, grid, dt);
      const Vec2 x = agents.position[i];
      next[i] = keep_clear_of_walls(x + dt * v, x, agents.radius[i], walls);
    }
  };
  tbb::task_arena arena(threads);
  arena.execute([&] { tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents.size(), 8), plan); });
  for (std::uint32_t i = 0; i < agents.size(); ++i) {
    agents.velocity[i] = (next[i] - agents.position[i]) / dt;
    agents.position[i] = next[i];
  }
}

}  // namespace

TEST_CASE("the parameters default to Helbing, Farkas & Vicsek (2000)", "[sfm]") {
  const SfmParams p;
  CHECK(p.relaxation_time == 0.5);
  CHECK(p.mass == 80.0);
  CHECK(p.neighbour_strength == 2000.0);
  CHECK(p.neighbour_range == 0.08);
  CHECK(p.body_stiffness == 1.2e5);
  CHECK(p.sliding_friction == 2.4e5);
  CHECK(p.wall_strength == p.neighbour_strength);
  CHECK(p.wall_range == p.neighbour_range);
  CHECK(p.wall_stiffness == p.body_stiffness);
  CHECK(p.wall_friction == p.sliding_friction);
  // Two 0.25 m agents interact up to 2 * 0.25 + 10 * 0.08 = 1.3 m apart; a
  // 0.25 m agent feels walls up to 0.25 + 10 * 0.08 = 1.05 m away.
  const SfmModel model(p);
  CHECK(model.interaction_range(0.25) == Approx(1.3));
  CHECK(model.wall_interaction_range(0.25) == Approx(1.05));
}

TEST_CASE("a lone agent relaxes to its desired speed with time constant tau", "[sfm]") {
  // dv/dt = (v0 e0 - v) / tau from rest: v(t) = v0 (1 - exp(-t / tau)).
  // With v0 = 1.2 m/s and tau = 0.5 s: 0.7585 m/s at t = tau and 1.1919 m/s
  // at 5 tau. The explicit step (dt = 0.005 s) leaves a gap (1 - dt/tau)^n
  // instead of exp(-n dt/tau), 0.5 % smaller at t = tau: 0.7608 m/s.
  const SfmModel model{SfmParams{}};
  Agents agents;
  add_agent(agents, {0, 0}, 0.2, 1.2);
  const std::vector<Vec2> e0 = {Vec2(0.6, 0.8)};
  const SegmentGrid walls = no_walls();
  NeighbourGrid grid = neighbour_grid(agents, kOpen, 1.3);
  const double dt = 0.005;
  for (int n = 0; n < 100; ++n) tick(model, agents, e0, walls, grid, dt);
  CHECK(agents.velocity[0].norm() == Approx(1.2 * (1 - std::exp(-1.0))).epsilon(0.01));
  for (int n = 100; n < 500; ++n) tick(model, agents, e0, walls, grid, dt);
  CHECK(agents.velocity[0].norm() == Approx(1.2 * (1 - std::exp(-5.0))).epsilon(0.01));
  // Along the desired direction.
  CHECK(agents.velocity[0].normalized().dot(e0[0]) == Approx(1.0));
}

TEST_CASE("a wall pushes a touching agent away with A / m", "[sfm]") {
  // An agent at rest with no desired direction, touching the south wall
  // (d_iW = r_i): eq. (3) gives A_W exp(0) = 2000 N along +y, no compression,
  // no friction; 2000 N / 80 kg = 25 m/s^2, so 0.25 m/s after dt = 0.01 s.
  // One decay length further out the push is e^-1 of that, 9.197 m/s^2.
  const SfmModel model{SfmParams{}};
  const WalkableLevel level = corridor();
  Agents agents;
  add_agent(agents, {5.0, 0.2}, 0.2, 1.2);
  add_agent(agents, {2.0, 0.28}, 0.2, 1.2);
  const NeighbourGrid grid = neighbour_grid(agents, bounding_box(level.walkable.outer), 1.2);
  const double dt = 0.01;
  const Vec2 touching = model.velocity(agents, 0, Vec2::Zero(), level.wall_grid, grid, dt);
  CHECK(touching.x() == Approx(0.0).margin(1e-12));
  CHECK(touching.y() == Approx(0.25).epsilon(1e-12));
  const Vec2 farther = model.velocity(agents, 1, Vec2::Zero(), level.wall_grid, grid, dt);
  CHECK(farther.x() == Approx(0.0).margin(1e-12));
  CHECK(farther.y() / dt == Approx(25.0 * std::exp(-1.0)).epsilon(1e-12));
}

TEST_CASE("an agent pressed into a wall feels compression and sliding friction", "[sfm]") {
  // Centre 0.19 m from the wall, radius 0.2 m: overlap g = 0.01 m. Walking
  // along the wall at its desired velocity (1, 0) m/s, so the driving force
  // is zero. Normal: A_W e^(0.01/0.08) + k_W 0.01 = 2266.30 + 1200 N,
  // 43.329 m/s^2. Tangential: -kappa_W 0.01 * 1 = -2400 N, -30 m/s^2.
  const SfmModel model{SfmParams{}};
  const WalkableLevel level = corridor();
  Agents agents;
  add_agent(agents, {5.0, 0.19}, 0.2, 1.0, {1.0, 0.0});
  const NeighbourGrid grid = neighbour_grid(agents, bounding_box(level.walkable.outer), 1.2);
  const double dt = 0.001;
  const Vec2 v = model.velocity(agents, 0, {1.0, 0.0}, level.wall_grid, grid, dt);
  CHECK((v.x() - 1.0) / dt == Approx(-30.0).epsilon(1e-9));
  CHECK(v.y() / dt == Approx((2000.0 * std::exp(0.125) + 1200.0) / 80.0).epsilon(1e-9));
}

TEST_CASE("overlapping agents feel the body force and drag each other along", "[sfm]") {
  // Radii 0.2 m, centres 0.35 m apart: overlap g = 0.05 m. Along n_ij each
  // feels A e^(0.05/0.08) + k 0.05 = 3736.5 + 6000 N, 121.71 m/s^2. Agent 1
  // slides past at 1 m/s across the line of centres: friction kappa g dv_t =
  // 2.4e5 * 0.05 * 1 = 12000 N, 150 m/s^2, pulls agent 0 along +y and holds
  // agent 1 back; agent 1 also relaxes towards rest (no desired direction) at
  // 1 / tau = 2 m/s^2. Equal and opposite interaction forces (Newton 3).
  const SfmModel model{SfmParams{}};
  Agents agents;
  add_agent(agents, {0.0, 0.0}, 0.2, 1.2);
  add_agent(agents, {0.35, 0.0}, 0.2, 1.2, {0.0, 1.0});
  const NeighbourGrid grid = neighbour_grid(agents, kOpen, 1.2);
  const SegmentGrid walls = no_walls();
  const double dt = 0.001;
  const double push = (2000.0 * std::exp(0.625) + 1.2e5 * 0.05) / 80.0;
  const Vec2 v0 = model.velocity(agents, 0, Vec2::Zero(), walls, grid, dt);
  const Vec2 v1 = model.velocity(agents, 1, Vec2::Zero(), walls, grid, dt);
  CHECK(v0.x() / dt == Approx(-push).epsilon(1e-9));
  CHECK(v0.y() / dt == Approx(150.0).epsilon(1e-9));
  CHECK(v1.x() / dt == Approx(push).epsilon(1e-9));
  CHECK((v1.y() - 1.0) / dt == Approx(-150.0 - 2.0).epsilon(1e-9));
}

TEST_CASE("two agents walking head-on in a corridor slow down, step aside and pass", "[sfm]") {
  // Both at their desired 1.2 m/s towards each other, 0.1 m off the centre
  // line to opposite sides. The repulsion acts along the line of centres, so
  // it brakes each (backward component) and pushes them apart sideways
  // (lateral component, opposite signs). Head-on, the driving force
  // m v0 / tau = 192 N balances A exp((r_ij - d)/B) at d - r_ij = 0.19 m,
  // so they do not touch (d > r_ij = 0.4 m) while they sidestep; with so
  // small an offset they are first pushed back a little (the model's known
  // oscillation), then pass and relax to v0 again.
  const SfmModel model{SfmParams{}};
  const WalkableLevel level = corridor();
  Agents agents;
  add_agent(agents, {2.0, 1.05}, 0.2, 1.2, {1.2, 0.0});
  add_agent(agents, {8.0, 0.95}, 0.2, 1.2, {-1.2, 0.0});
  const std::vector<Vec2> e0 = {Vec2(1, 0), Vec2(-1, 0)};
  NeighbourGrid grid = neighbour_grid(agents, bounding_box(level.walkable.outer), model.interaction_range(0.2));
  double closest = 1e9;
  bool checked_meeting = false;
  for (int n = 0; n < 500; ++n) {
    tick(model, agents, e0, level.wall_grid, grid, 0.01);
    const double d = (agents.position[0] - agents.position[1]).norm();
    closest = std::min(closest, d);
    if (!checked_meeting && d < 0.6) {
      // 0.6 m apart the repulsion, A e^((0.4 - 0.6)/0.08) = 164 N, rivals the
      // driving force: both have braked and are deflected to their own side.
      checked_meeting = true;
      CHECK(agents.velocity[0].x() < 1.2);
      CHECK(agents.velocity[1].x() > -1.2);
      CHECK(agents.velocity[0].y() > 0.0);
      CHECK(agents.velocity[1].y() < 0.0);
    }
  }
  CHECK(checked_meeting);
  CHECK(closest > 0.4);
  // After 5 s they have passed each other and walk on at about v0.
  CHECK(agents.position[0].x() > agents.position[1].x() + 2.0);
  CHECK(agents.velocity[0].x() == Approx(1.2).epsilon(0.05));
  CHECK(agents.velocity[1].x() == Approx(-1.2).epsilon(0.05));
}

TEST_CASE("two agents exactly head-on stall where repulsion balances the driving force", "[sfm]") {
  // On the centre line nothing breaks the symmetry, so there is no lateral
  // force (the counter-flow deadlock of isotropic social forces). They stop
  // where A exp((r_ij - d)/B) = m v0 / tau, i.e. at
  // d = r_ij + B ln(A tau / (m v0)) = 0.4 + 0.08 ln(1000 / 96) = 0.5875 m.
  // The walls, 1 m away, are at the cut-off and do not act.
  const SfmModel model{SfmParams{}};
  const WalkableLevel level = corridor();
  Agents agents;
  add_agent(agents, {2.0, 1.0}, 0.2, 1.2, {1.2, 0.0});
  add_agent(agents, {8.0, 1.0}, 0.2, 1.2, {-1.2, 0.0});
  const std::vector<Vec2> e0 = {Vec2(1, 0), Vec2(-1, 0)};
  NeighbourGrid grid = neighbour_grid(agents, bounding_box(level.walkable.outer), model.interaction_range(0.2));
  for (int n = 0; n < 1000; ++n) tick(model, agents, e0, level.wall_grid, grid, 0.01);
  const double gap = (agents.position[0] - agents.position[1]).norm();
  CHECK(gap == Approx(0.4 + 0.08 * std::log(1000.0 / 96.0)).epsilon(1e-3));
  CHECK(agents.position[0].y() == 1.0);
  CHECK(agents.velocity[0].norm() < 1e-3);
  CHECK(agents.velocity[1].norm() < 1e-3);
}

TEST_CASE("neighbours beyond the cut-off r_ij + 10 B are ignored", "[sfm]") {
  // Two 0.2 m agents: the cut-off is at 0.4 + 0.8 = 1.2 m. Just beyond it the
  // neighbour changes nothing, bit for bit; just inside it pushes with about
  // A e^-10 = 0.091 N, 1.1e-3 m/s^2.
  const SfmModel model{SfmParams{}};
  const SegmentGrid walls = no_walls();
  const double dt = 0.01;
  // The acceleration the neighbour at `distance` behind adds.
  auto push = [&](double distance) {
    Agents agents;
    add_agent(agents, {0.0, 0.0}, 0.2, 1.2, {1.0, 0.0});
    add_agent(agents, {-distance, 0.0}, 0.2, 1.2);
    const NeighbourGrid grid = neighbour_grid(agents, kOpen, 2.0);
    Agents alone;
    add_agent(alone, {0.0, 0.0}, 0.2, 1.2, {1.0, 0.0});
    const NeighbourGrid empty = neighbour_grid(alone, kOpen, 2.0);
    const Vec2 with = model.velocity(agents, 0, {1, 0}, walls, grid, dt);
    return Vec2((with - model.velocity(alone, 0, {1, 0}, walls, empty, dt)) / dt);
  };
  CHECK(push(1.2 + 1e-9) == Vec2::Zero());
  CHECK(push(1.2 - 1e-9).x() == Approx(2000.0 * std::exp(-10.0) / 80.0).epsilon(1e-6));
}

TEST_CASE("a larger neighbour grid cell changes nothing but rounding", "[sfm]") {
  // With the cell at least interaction_range, every neighbour within the
  // cut-off is found and every one beyond it is ignored, whatever the cell:
  // only the order of the sum changes, so velocities agree to rounding.
  const SfmModel model{SfmParams{}};
  const RandomStream rng(5, RandomPurpose::kTest, 0);
  Agents agents;
  for (std::uint32_t k = 0; k < 300; ++k)
    add_agent(agents, {10 * rng.uniform01(k, 0), 10 * rng.uniform01(k, 1)}, 0.2, 1.2,
              {rng.uniform01(k, 2) - 0.5, rng.uniform01(k, 3) - 0.5});
  const Box area{{0, 0}, {10, 10}};
  const NeighbourGrid tight = neighbour_grid(agents, area, model.interaction_range(0.2));
  const NeighbourGrid loose = neighbour_grid(agents, area, 3.7);
  const SegmentGrid walls = no_walls();
  for (std::uint32_t i = 0; i < agents.size(); ++i) {
    const Vec2 a = model.velocity(agents, i, {1, 0}, walls, tight, 0.01);
    const Vec2 b = model.velocity(agents, i, {1, 0}, walls, loose, 0.01);
    REQUIRE((a - b).norm() <= 1e-12 * (1.0 + a.norm()));
  }
}

TEST_CASE("the speed is capped at max_speed_factor times the desired speed", "[sfm]") {
  // Deep overlap (0.15 m) with a coarse step: the body force alone would
  // give (2000 e^1.875 + 18000) N / 80 kg * 0.05 s = 19 m/s. The cap is
  // 1.3 * 1.0 m/s, along the push.
  const SfmModel model{SfmParams{}};
  Agents agents;
  add_agent(agents, {0.0, 0.0}, 0.2, 1.0);
  add_agent(agents, {0.25, 0.0}, 0.2, 1.0);
  const NeighbourGrid grid = neighbour_grid(agents, kOpen, 1.2);
  const Vec2 v = model.velocity(agents, 0, Vec2::Zero(), no_walls(), grid, 0.05);
  CHECK(v.norm() == Approx(1.3));
  CHECK(v.normalized().x() == Approx(-1.0));
}

TEST_CASE("a crowd evolves bit for bit the same, run twice and on 1 or 4 threads", "[sfm]") {
  // 200 agents in a 12 x 6 m room, all heading for its east wall: a dense
  // jam with body contact and friction within a few seconds. Each velocity
  // reads only the frozen state and sums neighbours in grid order, so the
  // split of agents over threads cannot change a bit (TBB may run fewer
  // than 4 threads on a small machine; any split at all is the point).
  const SfmModel model{SfmParams{}};
  const Polygon room{{{0, 0}, {12, 0}, {12, 6}, {0, 6}}, {}};
  const SegmentGrid walls(edges(room), bounding_box(room.outer), 1.0, model.wall_interaction_range(0.25));
  const RandomStream rng(11, RandomPurpose::kTest, 0);
  Agents start;
  std::vector<Vec2> e0;
  for (std::uint32_t k = 0; k < 200; ++k) {
    const Vec2 x(0.5 + 0.55 * (k % 20) + 0.1 * rng.uniform01(k, 0), 0.5 + 0.5 * (k / 20) + 0.05 * rng.uniform01(k, 1));
    add_agent(start, x, 0.2 + 0.05 * rng.uniform01(k, 2), 1.0 + 0.5 * rng.uniform01(k, 3));
    e0.push_back(Vec2(1.0, 0.3 * (rng.uniform01(k, 4) - 0.5)).normalized());
  }
  auto run = [&](int threads) {
    Agents agents = start;
    NeighbourGrid grid = neighbour_grid(agents, bounding_box(room.outer), model.interaction_range(0.25));
    for (int n = 0; n < 300; ++n) tick(model, agents, e0, walls, grid, 0.01, threads);
    return agents;
  };
  const Agents a = run(1), b = run(1), c = run(4);
  bool touching = false;
  for (std::uint32_t i = 0; i < 200; ++i) {
    REQUIRE(a.position[i] == b.position[i]);
    REQUIRE(a.velocity[i] == b.velocity[i]);
    REQUIRE(a.position[i] == c.position[i]);
    REQUIRE(a.velocity[i] == c.velocity[i]);
    for (std::uint32_t j = 0; j < i; ++j)
      touching |= (a.position[i] - a.position[j]).norm() < a.radius[i] + a.radius[j];
  }
  CHECK(touching);  // the jam did exercise the contact forces
}
