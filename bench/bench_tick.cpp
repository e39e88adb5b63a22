// One pedestrian tick (grid, plan, commit) for 1k, 10k and 100k agents
// standing at about 1 person/m^2 in an open square room with one 2 m exit.
// Reports agent-updates per second (items_per_second). Warm-up: the first
// ticks after the alarm are run before timing starts.
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <algorithm>

#include "sim/engine/simulation.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

using campusflow::CompiledScenario;

std::string open_room(int agents) {
  // Side for 1 P/m^2, with a margin for the lattice.
  const double side = std::ceil(std::sqrt(agents * 1.0) * 1.05);
  const std::string s = std::to_string(side);
  const std::string mid = std::to_string(side / 2);
  return R"({"format": "campusflow-scenario/1", "name": "bench-room",
    "settings": {"dt": 0.05, "time_limit": 86400, "output_fps": 1, "field_cell": 0.25},
    "levels": [{"name": "room", "outline": [[0, 0], [)" + s + R"(, 0], [)" + s + ", " + s + R"(], [0, )" + s +
         R"(]],
      "exits": [{"name": "exit", "center": [)" + s + ", " + mid + R"(], "width": 2}]}],
    "groups": [{"name": "crowd", "level": "room", "count": )" + std::to_string(agents) +
         R"(, "spawn": [[0, 0], [)" + s + R"(, 0], [)" + s + ", " + s + R"(], [0, )" + s + R"(]]}]})";
}

const CompiledScenario& scenario(int agents) {
  // Compiled once per size and shared by all benchmark runs of that size.
  static std::map<int, std::unique_ptr<const CompiledScenario>> cache;
  auto& slot = cache[agents];
  if (!slot) {
    auto loaded = campusflow::load_scenario_text(open_room(agents), "bench-room");
    if (!loaded.errors.empty()) throw std::runtime_error(loaded.errors.front());
    slot = std::move(loaded.scenario);
  }
  return *slot;
}

void BM_PedestrianTick(benchmark::State& state) {
  const int agents = static_cast<int>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  const CompiledScenario& sc = scenario(agents);
  auto sim = std::make_unique<campusflow::Simulation>(sc, campusflow::RunOptions{1, threads});
  for (int k = 0; k < 20; ++k) sim->step();  // warm-up: spawn and first ticks
  std::uint64_t updates_before = sim->agent_updates();
  std::uint64_t updates = 0;
  for (auto _ : state) {
    if (!sim->step()) state.SkipWithError("the room emptied during the benchmark");
  }
  updates += sim->agent_updates() - updates_before;
  state.SetItemsProcessed(static_cast<std::int64_t>(updates));
  state.counters["agents"] = static_cast<double>(sim->active().size());
  state.counters["threads"] = threads;
}

}  // namespace

// 1, 2, 4, 8 and 16 threads, as far as the machine has cores.
void sizes_and_threads(benchmark::internal::Benchmark* b) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int agents : {1000, 10000, 100000})
    for (int threads = 1; threads <= std::min(16, cores); threads *= 2) b->Args({agents, threads});
}

BENCHMARK(BM_PedestrianTick)
    ->ArgNames({"agents", "threads"})
    ->Apply(sizes_and_threads)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
