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

// Checked with "front first" (cars pull forward to the free stall nearest
// the zone's end), for 2, 3, 4 and 8 stalls.
TEST_CASE("An n-stall lay-by serves n x 3600 / service time under excess demand", "[traffic][curb]") {
  // n 7 m stalls ending at 186 m; entry 5 s, dwell 40 s, exit 5 s (beside
  // the lane, then the car joins it when there is a gap),
  // plus the move-up: the leaving car pulls out from standstill and clears
  // its stall (length + s0 = 7.1 m at a = 2.6 m/s^2: sqrt(2 x 7.1 / 2.6) =
  // 2.3 s), and the next car drives from the lay-by's entrance (where it
  // waits) to the freed stall and stops (the IDM time, averaged over the
  // stalls). 8 x 3600 / (50 + move-up) veh/h; demand 1,500 veh/h.
  const std::uint32_t n = GENERATE(2u, 3u, 4u, 8u);
  CurbZoneSpec bay = test::lay_by(n, 186.0);
  bay.discipline = CurbDiscipline::kFrontFirst;
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
