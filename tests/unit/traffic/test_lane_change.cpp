#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "gate_street.hpp"
#include "street_run.hpp"

using namespace campusflow;

namespace {

// The smallest bumper-to-bumper gap between vehicles driving on one lane.
double smallest_gap(const StreetSim& sim) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<const Vehicle*>> lanes;
  for (const Vehicle& v : sim.vehicles())
    if (v.phase == VehiclePhase::kDriving) lanes[{v.link, v.lane}].push_back(&v);
  double gap = 1e9;
  for (auto& [key, vs] : lanes) {
    std::sort(vs.begin(), vs.end(), [](const Vehicle* a, const Vehicle* b) { return a->s > b->s; });
    for (std::size_t k = 1; k < vs.size(); ++k)
      gap = std::min(gap, vs[k - 1]->s - sim.street().spec.vehicle_types[vs[k - 1]->type].idm.length - vs[k]->s);
  }
  return gap;
}

}  // namespace

TEST_CASE("MOBIL: fast cars overtake a slow one on two lanes, without collisions", "[traffic][mobil]") {
  // A tractor at 4 m/s enters first; ten cars (v0 = 13.89 m/s, capped by the
  // limits) follow 3 s apart on the two-lane route art -> wg -> ge (693 m).
  // Behind the tractor they would need 173 s; overtaking, a car needs about
  // 70 s. So every car leaves before the tractor, and no gap ever closes.
  StreetSpec spec = test::gate_street(test::lay_by());
  VehicleTypeSpec tractor = spec.vehicle_types[0];
  tractor.name = "tractor";
  tractor.idm.desired_speed = 4.0;
  spec.vehicle_types.push_back(tractor);
  for (int k = 0; k <= 10; ++k) {
    VehicleDemand d;
    d.id = k == 0 ? "tractor" : "car" + std::to_string(k);
    d.type = k == 0 ? 1 : 0;
    d.time = k == 0 ? 0.0 : 10.0 + 3.0 * k;
    d.route = 0;
    spec.vehicles.push_back(d);
  }
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 1);
  double t = 0.0, gap = 1e9;
  while (t < 600.0 && !sim.finished()) {
    sim.step(t, 0.25);
    t += 0.25;
    gap = std::min(gap, smallest_gap(sim));
  }
  REQUIRE(sim.finished());
  const double tractor_out = sim.vehicles()[0].arrival;
  for (std::size_t i = 1; i < sim.vehicles().size(); ++i) {
    INFO("car " << i);
    CHECK(sim.vehicles()[i].arrival < tractor_out);
  }
  CHECK(gap > 0.0);
}

TEST_CASE("No two vehicles ever overlap at the gate", "[traffic][safety]") {
  // The base gate demand with the lay-by: at every tick, every gap between
  // consecutive vehicles on a lane stays positive (insertion, lane changes,
  // pulling out of stalls never put one car into another).
  StreetSpec spec = test::gate_street(test::lay_by());
  spec.flows.push_back(test::drop_offs(600.0, 0.0, 1200.0, Distribution::uniform(30.0, 60.0)));
  spec.walk_in_flows.push_back({300.0, 0.0, 1200.0, 3, 0.0, 120.0});
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 11);
  double t = 0.0, gap = 1e9;
  while (t < 3600.0 && !sim.finished()) {
    sim.step(t, 0.25);
    t += 0.25;
    gap = std::min(gap, smallest_gap(sim));
  }
  CHECK(sim.finished());
  CHECK(gap > 0.0);
}
