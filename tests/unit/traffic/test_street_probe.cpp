#include <catch2/catch.hpp>
#include <cstdio>

#include "gate_street.hpp"
#include "street_run.hpp"

using namespace campusflow;

TEST_CASE("probe", "[.probe]") {
  StreetSpec spec = test::gate_street(test::lay_by());
  spec.flows.push_back(test::drop_offs(600, 0, 1200, Distribution::uniform(30, 60)));
  spec.walk_in_flows.push_back({300, 0, 1200, 3, 0, 120});
  FlowSpec wb; wb.route = 1; wb.rate = 150; wb.from = 0; wb.to = 1200;
  spec.flows.push_back(wb);
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 42);
  const double end = test::run_street(sim, 3600);
  std::printf("end %.1f vehicles %zu walkers %zu updates %llu\n", end, sim.vehicles().size(), sim.walkers().size(),
              (unsigned long long)sim.vehicle_updates());
  double delay = 0; int n = 0; int unfinished = 0;
  for (const auto& v : sim.vehicles()) {
    const auto& d = c.vehicles[v.demand];
    if (v.arrival < 0) { ++unfinished; continue; }
    if (!d.drop_off) continue;
    delay += (v.arrival - d.time) - (v.stop_end - v.stop_start) - d.free_flow_time; ++n;
  }
  std::printf("drop-offs %d mean delay %.1f unfinished %d\n", n, delay / n, unfinished);
  double qmax = 0; for (double q : sim.queue_tails()) qmax = std::max(qmax, q);
  std::printf("max tail %.1f spill episodes %zu conflicts %zu\n", qmax, sim.spillbacks().size(), sim.conflicts().size());
  double wd = 0; int nw = 0; for (const auto& w : sim.walkers()) if (w.kind == WalkerKind::kFromCar) { wd += w.distance; ++nw; }
  std::printf("child walk mean %.1f m over %d\n", wd / nw, nw);
  int bins[20] = {};
  for (const auto& v : sim.vehicles()) if (v.stop_end >= 0) bins[int(v.stop_end / 300)]++;
  for (int b = 0; b < 8; ++b) std::printf("[%d] %d\n", b * 300, bins[b]);
}
TEST_CASE("probe2", "[.probe2]") {
  StreetSpec spec = test::gate_street(test::lay_by());
  spec.flows.push_back(test::drop_offs(600, 0, 300, Distribution::uniform(30, 60)));
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 42);
  double t = 0;
  for (; t < 400; t += 0.25) sim.step(t, 0.25);
  for (const auto& v : sim.vehicles()) {
    const auto& d = c.vehicles[v.demand];
    std::printf("%s ph %d step %u link %u lane %u s %.1f v %.2f stall %d stopped %d zone %d ss %.1f se %.1f arr %.1f\n", d.id.c_str(), (int)v.phase, v.step, v.link, v.lane, v.s, v.v, v.stall, v.stopped, d.zone, v.stop_start, v.stop_end, v.arrival);
  }
  for (const auto& w : sim.walkers()) { std::printf("%s pieces %zu dist %.1f arr %.1f :", w.id.c_str(), w.pieces.size(), w.distance, w.arrival); for (auto& p : w.pieces) std::printf(" %.1f(%d)", p.length, p.crossing); std::printf("\n"); break; }
}
