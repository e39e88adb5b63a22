#include <catch2/catch.hpp>
#include <cmath>

#include "sim/traffic/lane_traffic.hpp"

using namespace campusflow;

TEST_CASE("IDM on a free road accelerates at a and settles at v0", "[traffic][idm]") {
  const IdmParams p;
  // From standstill the acceleration is a (2.6 m/s^2); at v0 it is zero.
  CHECK(idm_acceleration(p, 0.0, INFINITY, 0.0) == Approx(2.6));
  CHECK(idm_acceleration(p, p.desired_speed, INFINITY, 0.0) == Approx(0.0).margin(1e-12));
}

TEST_CASE("IDM followers keep the gap s0 + vT at equal speeds", "[traffic][idm]") {
  // A pace car at 10 m/s and five followers with v0 = 30 m/s. In steady state
  // each gap is s_e(v) = (s0 + v T) / sqrt(1 - (v/v0)^4) = 12.5 / 0.9938 =
  // 12.58 m, i.e. s0 + v T = 12.5 m within 1 %.
  IdmParams p;
  p.desired_speed = 30.0;
  LaneTraffic lane(p);
  for (int k = 0; k < 6; ++k) lane.add(-30.0 * k, 10.0);
  lane.set_lead_speed(10.0);
  for (int t = 0; t < 2400; ++t) lane.step(0.25);  // 10 minutes
  for (std::uint32_t i = 1; i < 6; ++i) {
    INFO("follower " << i);
    CHECK(lane.speed(i) == Approx(10.0).margin(1e-3));
    CHECK(lane.gap(i) == Approx(idm_equilibrium_gap(p, 10.0)).epsilon(1e-3));
    CHECK(lane.gap(i) == Approx(p.min_gap + 10.0 * p.time_headway).epsilon(0.01));
  }
}

TEST_CASE("a queue at a stop line discharges at 1,800-2,000 vehicles per hour", "[traffic][idm]") {
  // 40 cars stand at a red stop line, s0 apart; at green they leave. The
  // saturation flow of a city lane is about 1,900 pc/h (VALIDATION.md, gate
  // traffic); the headways between the 5th and the 35th car over the line
  // give the discharge rate.
  const IdmParams p;
  LaneTraffic lane(p);
  for (int k = 0; k < 40; ++k) lane.add(-k * (p.length + p.min_gap), 0.0);
  lane.set_stop_line(0.5, false);  // opens at once; the front car stands just behind it
  std::vector<double> crossings;
  double t = 0.0;
  const double dt = 0.25;
  while (crossings.size() < 40 && t < 600.0) {
    const std::size_t n = lane.step(dt);
    t += dt;
    for (std::size_t k = 0; k < n; ++k) crossings.push_back(t);
  }
  REQUIRE(crossings.size() == 40);
  const double per_hour = 3600.0 * 30.0 / (crossings[34] - crossings[4]);
  INFO("discharge " << per_hour << " veh/h");
  CHECK(per_hour >= 1800.0);
  CHECK(per_hour <= 2000.0);
}

TEST_CASE("a closed stop line stops the queue before it, without collisions", "[traffic][idm]") {
  // Cars arriving at 13.9 m/s stop before a red line at x = 200 m; the first
  // stands within s0 of it, the others s0 apart, and no gap is ever negative.
  const IdmParams p;
  LaneTraffic lane(p);
  for (int k = 0; k < 10; ++k) lane.add(-40.0 * k, p.desired_speed);
  lane.set_stop_line(200.0, true);
  double smallest = INFINITY;
  for (int t = 0; t < 1200; ++t) {
    lane.step(0.25);
    for (std::uint32_t i = 1; i < lane.size(); ++i) smallest = std::min(smallest, lane.gap(i));
  }
  CHECK(lane.speed(0) == Approx(0.0).margin(1e-6));
  CHECK(200.0 - lane.position(0) <= p.min_gap + 1e-6);
  CHECK(200.0 - lane.position(0) > 0.0);
  for (std::uint32_t i = 1; i < lane.size(); ++i) CHECK(lane.gap(i) == Approx(p.min_gap).margin(0.05));
  CHECK(smallest > 0.0);
}
