#include <catch2/catch.hpp>
#include <cmath>

#include "gate_street.hpp"
#include "sim/traffic/lane_traffic.hpp"
#include "street_run.hpp"

using namespace campusflow;

namespace {

// Drop-offs completed per hour in [from, to) (stop end times).
double served_per_hour(const StreetSim& sim, double from, double to) {
  int n = 0;
  for (const Vehicle& v : sim.vehicles()) n += v.stop_end >= from && v.stop_end < to;
  return n * 3600.0 / (to - from);
}

// The IDM time for a car standing still to drive `d` metres and stop at a
// mark (a closed stop line s0 beyond it): the move-up from the wait point
// into a stall, computed with the car-following model alone.
double move_up_time(double d) {
  const IdmParams p;
  IdmParams slow = p;
  slow.desired_speed = 8.33;  // the school street's limit
  LaneTraffic lane(slow);
  lane.add(0.0, 0.0);
  lane.set_stop_line(d + p.min_gap - 0.3, true);
  double t = 0.0;
  while (t < 120.0) {
    lane.step(0.25);
    t += 0.25;
    if (lane.speed(0) < 0.1 && lane.position(0) > d - 1.5) return t;
  }
  return t;
}

}  // namespace

TEST_CASE("An n-stall lot serves n x 3600 / service time under excess demand", "[traffic][curb]") {
  // Six stalls; each car needs 10 s in, 30 s dwell, 10 s out: 50 s. The next
  // car waits at the entrance, so there is no move-up: 6 x 3600 / 50 = 432
  // veh/h. 900 veh/h arrive, twice that, for 40 minutes.
  CurbZoneSpec lot;
  lot.kind = CurbKind::kLot;
  lot.start = 100.0;
  lot.end = 130.0;
  lot.stalls = 6;
  lot.entry_time = 10.0;
  lot.exit_time = 10.0;
  StreetSpec spec = test::gate_street(lot);
  spec.flows.push_back(test::drop_offs(900.0, 0.0, 2400.0, Distribution::constant(30.0)));
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 7);
  test::run_street(sim, 2400.0);
  const double expected = 6 * 3600.0 / 50.0;
  CHECK(served_per_hour(sim, 600.0, 2400.0) == Approx(expected).epsilon(0.05));
}

// Checked with "first free" (the default: each driver takes the free stall
// nearest the entrance), for 2, 3, 4 and 8 stalls. ("Front first" serves 7 %
// less with 8 stalls: each car waved to the far end drives past stalls whose
// cars must let it by before they can pull out.)
TEST_CASE("An n-stall lay-by serves n x 3600 / service time under excess demand", "[traffic][curb]") {
  // n 7 m stalls ending at 186 m; entry 5 s, dwell 40 s, exit 5 s (beside
  // the lane, then the car joins it when there is a gap),
  // plus the move-up: the leaving car pulls out from standstill and clears
  // its stall (length + s0 = 7.1 m at a = 2.6 m/s^2: sqrt(2 x 7.1 / 2.6) =
  // 2.3 s), and the next car drives from the lay-by's entrance (where it
  // waits, clear of the first stall's exit) to the freed stall and stops
  // (the IDM time, averaged over the stalls). n x 3600 / (50 + move-up)
  // veh/h; demand 1,500 veh/h.
  const std::uint32_t n = GENERATE(2u, 3u, 4u, 8u);
  CurbZoneSpec bay = test::lay_by(n, 186.0);
  bay.discipline = CurbDiscipline::kFirstFree;
  bay.entry_time = 5.0;
  bay.exit_time = 5.0;
  StreetSpec spec = test::gate_street(bay);
  spec.flows.push_back(test::drop_offs(1500.0, 0.0, 2400.0, Distribution::constant(40.0)));
  const CompiledStreet c = test::compile_or_fail(spec);
  double move_up = 0.0;
  for (const StreetStall& s : c.zones[0].stalls) move_up += move_up_time(s.front - bay.start) / n;
  const IdmParams car;
  move_up += std::sqrt(2.0 * (car.length + car.min_gap) / car.max_acceleration);
  StreetSim sim(c, 7);
  test::run_street(sim, 2400.0);
  const double expected = n * 3600.0 / (50.0 + move_up);
  INFO(n << " stalls: move-up " << move_up << " s, expected " << expected << " veh/h");
  CHECK(served_per_hour(sim, 600.0, 2400.0) == Approx(expected).epsilon(0.05));
}

TEST_CASE("Drivers waiting at a lay-by's entrance box in the car in its first stall", "[traffic][curb]") {
  // Two 7 m stalls: a 4.6 m car in the one at the entrance leaves 2.4 m
  // behind it, less than s0 = 2.5 m. A driver who waits at the entrance
  // ("keep_exit_clear": false, as SUMO's drivers at a full parking area) stands
  // closer than s0 behind that car, which may not pull out in front of it, and
  // the next driver takes the waiting place as soon as the first moves on.
  // Under excess demand that stall then serves (almost) nobody: the lay-by
  // works as one stall, half the capacity of two stalls kept clear.
  auto served = [](bool keep_clear) {
    CurbZoneSpec bay = test::lay_by(2, 186.0);
    bay.entry_time = 5.0;
    bay.exit_time = 5.0;
    bay.keep_exit_clear = keep_clear;
    StreetSpec spec = test::gate_street(bay);
    spec.flows.push_back(test::drop_offs(1500.0, 0.0, 2400.0, Distribution::constant(40.0)));
    const CompiledStreet c = test::compile_or_fail(spec);
    StreetSim sim(c, 7);
    test::run_street(sim, 2400.0);
    return served_per_hour(sim, 600.0, 2400.0);
  };
  const double clear = served(true), boxed = served(false);
  INFO("kept clear " << clear << " veh/h, boxed in " << boxed << " veh/h");
  CHECK(boxed == Approx(clear / 2.0).epsilon(0.15));
}
