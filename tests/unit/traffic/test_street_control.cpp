// Traffic control and demand on the street: a fixed-time signal, a crossing
// guard, a school bus, the drop-off profile and timed restrictions.
#include <catch2/catch.hpp>

#include <algorithm>

#include "gate_street.hpp"
#include "sim/traffic/lane_traffic.hpp"
#include "street_run.hpp"

using namespace campusflow;

namespace {

// Through cars eastbound (no stop) at `rate` veh/h in [0, until).
FlowSpec through(double rate, double until) {
  FlowSpec f;
  f.route = 0;
  f.rate = rate;
  f.to = until;
  return f;
}

// The gate street on one lane each way with a signal at the gate junction:
// 30 s of green for wg > ge (and eg > gw), then 30 s in which pupils walk
// on the zebra.
StreetSpec signalled_gate_street() {
  StreetSpec spec = test::gate_street(test::lay_by());
  for (std::size_t l : {0, 1, 2}) spec.links[l].lanes.resize(1);
  spec.connections[1].rule = RightOfWay::kSignal;  // wg > ge
  SignalSpec sg;
  sg.name = "gate";
  sg.node = 2;
  sg.phases = {{30.0, {1, 2}, {}, {}}, {30.0, {2}, {}, {0}}};
  spec.signals.push_back(sg);
  return spec;
}

}  // namespace

TEST_CASE("A fixed-time signal passes the saturation flow during green only", "[traffic][signal]") {
  // Signal at the gate junction: 30 s green for wg>ge, 30 s red, on a
  // one-lane approach under 1,800 veh/h of demand (more than it can pass).
  // Expected: each green passes what a standing queue discharges in 30 s
  // by the car-following model alone (LaneTraffic: cars 7.1 m apart behind
  // a stop line that opens), 60 cycles an hour (+-10 %).
  const IdmParams car;
  IdmParams street_car = car;
  street_car.desired_speed = 8.33;
  LaneTraffic queue(street_car);
  for (int k = 0; k < 40; ++k) queue.add(-0.5 - k * (car.length + car.min_gap), 0.0);
  queue.set_stop_line(0.0, false);
  std::size_t per_green = 0;
  for (int k = 0; k < 120; ++k) per_green += queue.step(0.25);
  StreetSpec spec = signalled_gate_street();
  spec.flows.push_back(through(1800.0, 1800.0));
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 3);
  test::run_street(sim, 1800.0);
  int passed = 0;
  for (const Vehicle& v : sim.vehicles()) passed += v.arrival >= 600.0 && v.arrival < 1800.0;
  INFO(per_green << " cars per green from a standing queue");
  CHECK(passed * 3.0 == Approx(static_cast<double>(per_green) * 60.0).epsilon(0.10));
}

TEST_CASE("A crossing guard holds traffic for waiting pupils", "[traffic][guard]") {
  // 600 walk-in pupils/h cross the zebra, 900 cars/h pass it. A guard holds
  // traffic when 5 pupils wait or the first has waited 20 s, for 15 s, then
  // lets traffic run at least 30 s. No pupil waits longer than the first
  // pupil's 20 s plus a hold and a minimum green (20 + 15 + 30 = 65 s). With
  // pupils crossing in the holds, cars pass close behind a pupil (PET <= 2 s)
  // less often than at the unguarded zebra.
  auto run = [](bool guarded) {
    StreetSpec spec = test::gate_street(test::lay_by());
    if (guarded) spec.guards.push_back({"guard", 0, 5, 20.0, 15.0, 30.0, 0.0, 1e9});
    spec.walk_in_flows.push_back({600.0, 0.0, 1200.0, 3, 0.0, 120.0});
    spec.flows.push_back(through(900.0, 1200.0));
    const CompiledStreet c = test::compile_or_fail(spec);
    StreetSim sim(c, 9);
    test::run_street(sim, 3600.0);
    REQUIRE(sim.finished());
    double worst = 0.0;
    for (const Walker& w : sim.walkers()) worst = std::max(worst, w.waited);
    const auto pets = std::count_if(sim.conflicts().begin(), sim.conflicts().end(),
                                    [](const Conflict& x) { return x.kind == ConflictKind::kPostEncroachment; });
    return std::make_pair(worst, pets);
  };
  const auto [guard_wait, guard_pets] = run(true);
  const auto [zebra_wait, zebra_pets] = run(false);
  INFO("longest wait " << guard_wait << " s guarded, " << zebra_wait << " s at the zebra; PET conflicts "
                       << guard_pets << " guarded, " << zebra_pets << " at the zebra");
  CHECK(guard_wait <= 65.0);
  CHECK(guard_wait > 0.0);
  CHECK(guard_pets < zebra_pets);
}

TEST_CASE("A school bus unloads its pupils at an in-lane stop", "[traffic][bus]") {
  // A 12 m bus with 40 pupils stops at a 15 m in-lane bus stop for 60 s; all
  // 40 walk to the gate, and the bus leaves the network.
  CurbZoneSpec stop;
  stop.kind = CurbKind::kInLane;
  stop.start = 165.0;
  stop.end = 180.0;
  stop.stalls = 1;
  stop.stall_length = 15.0;
  StreetSpec spec = test::gate_street(stop);
  VehicleTypeSpec bus;
  bus.name = "bus";
  bus.vehicle_class = VehicleClass::kBus;
  bus.idm.length = 12.0;
  bus.idm.max_acceleration = 1.2;
  bus.seats = 50;
  spec.vehicle_types.push_back(bus);
  VehicleDemand d;
  d.id = "bus1";
  d.type = 1;
  d.time = 5.0;
  d.route = 0;
  d.drop_off = true;
  d.dwell = 60.0;
  d.children = 40;
  d.zone = 0;
  spec.vehicles.push_back(d);
  const CompiledStreet c = test::compile_or_fail(spec);
  StreetSim sim(c, 1);
  test::run_street(sim, 1200.0);
  REQUIRE(sim.finished());
  CHECK(sim.vehicles()[0].stop_end - sim.vehicles()[0].stop_start == Approx(60.0).margin(0.5));
  CHECK(sim.walkers().size() == 40);
  for (const Walker& w : sim.walkers()) CHECK(w.kind == WalkerKind::kFromBus);
}

TEST_CASE("The drop-off profile brings pupils x share / pupils per car cars before the bell", "[traffic][demand]") {
  // 600 pupils, half driven, 1.25 per car: 240 cars, arriving in the 20
  // minutes before the bell at 1800 s, three times as many in the last
  // third as in the first; each brings 1 or 2 pupils (mean 1.25).
  StreetSpec spec = test::gate_street(test::lay_by());
  DropOffProfileSpec p;
  p.pupils = 600;
  p.share_driven = 0.5;
  p.pupils_per_car = 1.25;
  p.bell = 1800.0;
  p.window = 1200.0;
  p.profile = {1.0, 2.0, 3.0};
  p.routes = {0};
  spec.drop_off_profile = p;
  const CompiledStreet c = test::compile_or_fail(spec);
  REQUIRE(c.vehicles.size() == 240);
  int first = 0, last = 0;
  double children = 0.0;
  for (const DemandVehicle& v : c.vehicles) {
    CHECK(v.spec.time >= 600.0);
    CHECK(v.spec.time < 1800.0);
    first += v.spec.time < 1000.0;
    last += v.spec.time >= 1400.0;
    children += v.spec.children;
  }
  // Expected 40 and 120 (binomial sd about 6 and 9).
  CHECK(first == Approx(40).margin(20));
  CHECK(last == Approx(120).margin(27));
  CHECK(children / 240.0 == Approx(1.25).margin(0.08));
}

TEST_CASE("Timed restrictions: a lower limit slows cars, a closure holds them back", "[traffic][restriction]") {
  // 30 cars/h through the school street. With a 4 m/s limit on it from 0 to
  // 600 s, a car entering at 300 s needs 244.5 / 4 = 61 s for it instead of
  // 29 s; with the street closed until 600 s, nobody enters before then.
  StreetSpec slow = test::gate_street(test::lay_by());
  slow.flows.push_back(through(30.0, 1200.0));
  RestrictionSpec limit;
  limit.link = 1;
  limit.to = 600.0;
  limit.speed_limit = 4.0;
  slow.restrictions.push_back(limit);
  StreetSpec closed = slow;
  closed.restrictions[0].speed_limit.reset();
  closed.restrictions[0].closed = true;
  const CompiledStreet cs = test::compile_or_fail(slow), cc = test::compile_or_fail(closed);
  StreetSim a(cs, 2), b(cc, 2);
  test::run_street(a, 3600.0);
  test::run_street(b, 3600.0);
  REQUIRE(a.finished());
  REQUIRE(b.finished());
  for (std::size_t i = 0; i < a.vehicles().size(); ++i) {
    const Vehicle& v = a.vehicles()[i];
    const double free_flow = cs.vehicles[i].free_flow_time;
    if (v.depart < 450.0) CHECK(v.arrival - v.depart > free_flow + (244.5 / 4.0 - 244.5 / 8.33) - 3.0);
    CHECK(b.vehicles()[i].depart >= std::min(600.0, 1e9));
  }
}

TEST_CASE("Drivers slow down before a lower limit and never brake hard for it", "[traffic][restriction]") {
  // One car from the 50 km/h arterial into the 30 km/h school street, nothing
  // else on the road. It should meet the 8.33 m/s limit where it starts
  // (SUMO's IDM drivers do), braking no harder than b = 4.5 m/s^2 on the way:
  // a speed sign is no obstacle.
  StreetSpec s = test::gate_street(test::lay_by());
  s.crossings.clear();
  VehicleDemand car;
  car.id = "c";
  car.route = 0;
  s.vehicles.push_back(car);
  const CompiledStreet c = test::compile_or_fail(s);
  StreetSim sim(c, 1);
  double t = 0.0, at_sign = -1.0, hardest = 0.0, before = 0.0;
  while (t < 200.0 && !sim.finished()) {
    sim.step(t, 0.25);
    t += 0.25;
    for (const Vehicle& v : sim.vehicles()) {
      if (v.phase != VehiclePhase::kDriving) continue;
      hardest = std::max(hardest, (before - v.v) / 0.25);
      before = v.v;
      if (at_sign < 0.0 && v.link == 1) at_sign = v.v;
    }
  }
  REQUIRE(sim.finished());
  INFO("speed on entering the 30 km/h street " << at_sign << " m/s, hardest braking " << hardest << " m/s^2");
  CHECK(at_sign <= 8.33 + 0.3);
  CHECK(at_sign >= 8.33 - 0.8);
  CHECK(hardest <= 4.5 + 1e-9);
  for (const Conflict& k : sim.conflicts()) CHECK(k.kind != ConflictKind::kHardBraking);
}

TEST_CASE("Cars waiting at a red signal stand before the crossing strip", "[traffic][signal][crossing]") {
  // The zebra over the gate junction's west arm is 4 m wide: its strip on
  // the school street runs from 240.5 m to the link's end (244.5 m). A
  // signal there gives wg>ge 30 s of green, then 30 s of red (pupils walk).
  // Expected: every car standing at the red light has its front bumper
  // before the strip, at the stop line 0.5 m short of it (240.0 m), none of
  // it on the strip where the pupils walk.
  StreetSpec spec = signalled_gate_street();
  spec.flows.push_back(through(900.0, 600.0));
  const CompiledStreet c = test::compile_or_fail(spec);
  REQUIRE(c.crossings[0].legs[0].link == 1);
  const double strip = c.crossings[0].legs[0].start;
  REQUIRE(strip == Approx(240.5));
  StreetSim sim(c, 5);
  double t = 0.0, front_most = 0.0;
  int stood = 0;
  while (t < 900.0 && !sim.finished()) {
    sim.step(t, 0.25);
    t += 0.25;
    if (sim.signal_aspect(1, t) != 0) continue;  // red only
    for (const Vehicle& v : sim.vehicles())
      if (v.phase == VehiclePhase::kDriving && v.link == 1 && v.v < 0.05 && v.s > 200.0) {
        front_most = std::max(front_most, v.s);
        ++stood;
      }
  }
  INFO("front of the car nearest the junction at red: " << front_most << " m (strip from " << strip << " m)");
  REQUIRE(stood > 0);
  CHECK(front_most <= strip);
  CHECK(front_most == Approx(strip - 0.5).margin(0.1));
}
