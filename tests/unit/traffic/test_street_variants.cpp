#include <catch2/catch.hpp>
#include <oneapi/tbb/global_control.h>

#include "gate_street.hpp"
#include "street_run.hpp"

using namespace campusflow;

namespace {

// The gate scenario's demand: 600 drop-offs/h and 150 through cars/h for
// 20 minutes, 300 walk-in pupils/h crossing the zebra.
StreetSpec with_gate_demand(StreetSpec s) {
  s.flows.push_back(test::drop_offs(600.0, 0.0, 1200.0, Distribution::uniform(30.0, 60.0)));
  FlowSpec west;
  west.route = 1;
  west.rate = 150.0;
  west.to = 1200.0;
  s.flows.push_back(west);
  s.walk_in_flows.push_back({300.0, 0.0, 1200.0, 3, 0.0, 120.0});
  return s;
}

// Every vehicle that entered has left and every pupil reached the gate.
void require_all_finished(const StreetSim& sim) {
  std::size_t stuck = 0, inserted = 0;
  for (const Vehicle& v : sim.vehicles()) {
    inserted += v.depart >= 0.0;
    stuck += v.depart >= 0.0 && v.arrival < 0.0;
  }
  std::size_t walking = 0;
  for (const Walker& w : sim.walkers()) walking += w.arrival < 0.0;
  INFO(inserted << " vehicles entered");
  CHECK(inserted == sim.vehicles().size());
  CHECK(stuck == 0);
  CHECK(walking == 0);
  CHECK(sim.finished());
}

}  // namespace

TEST_CASE("No deadlock at the gate in any variant", "[traffic][deadlock]") {
  CurbZoneSpec in_lane = test::lay_by(8, 186.0);
  in_lane.kind = CurbKind::kInLane;
  CurbZoneSpec lot;
  lot.kind = CurbKind::kLot;
  lot.start = 100.0;
  lot.end = 130.0;
  lot.stalls = 20;
  lot.entry_time = 8.0;
  lot.exit_time = 8.0;
  lot.walk_access = 25.0;
  CurbZoneSpec driveway = lot;  // one driveway: out 3 m past the way in
  driveway.end = driveway.start + 3.0;
  driveway.stalls = 6;
  CurbZoneSpec garage = lot;
  garage.kind = CurbKind::kUnderground;
  garage.exit_link = 2;  // surfaces on the street beyond the gate
  garage.exit_position = 40.0;
  garage.ramp_time = 20.0;
  CurbZoneSpec pull = test::lay_by(8, 186.0);
  pull.discipline = CurbDiscipline::kPullForward;
  CurbZoneSpec platoon = test::lay_by(8, 186.0);
  platoon.discipline = CurbDiscipline::kPlatoon;
  CurbZoneSpec boxing_in = test::lay_by(8, 186.0);  // the gate scenarios' lay-by
  boxing_in.keep_exit_clear = false;
  CurbZoneSpec boxing_in_front = boxing_in;
  boxing_in_front.discipline = CurbDiscipline::kFrontFirst;
  struct Variant {
    const char* name;
    CurbZoneSpec zone;
    double radius;
    double compliance;
    bool guard;
  };
  const Variant variants[] = {
      {"lay-by, R 50", test::lay_by(), 50.0, 1.0, false},
      {"in-lane", in_lane, 50.0, 1.0, false},
      {"lot", lot, 50.0, 1.0, false},
      {"lot with one driveway", driveway, 50.0, 1.0, false},
      {"underground", garage, 50.0, 1.0, false},
      {"pull-forward", pull, 50.0, 1.0, false},
      {"platoon", platoon, 50.0, 1.0, false},
      {"waiting at the entrance, first free", boxing_in, 50.0, 1.0, false},
      {"waiting at the entrance, front first", boxing_in_front, 50.0, 1.0, false},
      {"guard", test::lay_by(), 50.0, 1.0, true},
      {"R 0", test::lay_by(), 0.0, 1.0, false},
      {"R 100 (bay inside: stop in the lane outside)", test::lay_by(), 100.0, 1.0, false},
      {"R 150, 70 % compliance", test::lay_by(), 150.0, 0.7, false},
  };
  for (const Variant& v : variants) {
    SECTION(v.name) {
      StreetSpec spec = with_gate_demand(test::gate_street(v.zone, v.radius));
      spec.no_car_zone->compliance = v.compliance;
      if (v.guard) spec.guards.push_back({"guard", 0, 5, 20.0, 15.0, 30.0, 0.0, 1e9});
      const CompiledStreet c = test::compile_or_fail(spec);
      StreetSim sim(c, 42);
      test::run_street(sim, 7200.0);
      require_all_finished(sim);
    }
  }
}

TEST_CASE("Dismissal: parents wait in the stalls and leave with their children", "[traffic][deadlock]") {
  // 400 cars/h arrive from 5 minutes before to 10 minutes after the bell at
  // 900 s; each waits at least 20 s and until its child has walked from the
  // gate to the car. Everybody gets home: no car leaves without its child.
  StreetSpec spec = test::gate_street(test::lay_by());
  FlowSpec f = test::drop_offs(400.0, 600.0, 1500.0, Distribution::constant(20.0));
  f.pick_up = true;
  f.release = 900.0;
  spec.flows.push_back(f);
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 5);
  test::run_street(sim, 7200.0);
  require_all_finished(sim);
  for (const Walker& w : sim.walkers()) {
    CHECK(w.kind == WalkerKind::kToCar);
    CHECK(w.start >= 900.0);
    const Vehicle& car = sim.vehicles()[static_cast<std::size_t>(w.vehicle)];
    CHECK(car.stop_end >= w.arrival);  // the car left after the child reached it
  }
}

TEST_CASE("The street gives identical results on 1 and 2 threads", "[traffic][determinism]") {
  CurbZoneSpec bay = test::lay_by();
  bay.keep_exit_clear = false;  // as the gate scenarios
  const StreetSpec spec = with_gate_demand(test::gate_street(bay));
  const CompiledStreet c = test::compile_or_fail(spec);
  auto run = [&](int threads) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    StreetSim sim(c, 42);
    sim.set_parallel_threshold(0);  // plan in parallel however few vehicles there are
    test::run_street(sim, 3600.0);
    return std::make_pair(sim.state_hash(), sim.queue_tails());
  };
  const auto one = run(1), two = run(2);
  CHECK(one.first == two.first);
  CHECK(one.second == two.second);
  // And the same as planning serially.
  StreetSim serial(c, 42);
  test::run_street(serial, 3600.0);
  CHECK(serial.state_hash() == one.first);
}
