// Replay frames carry the street's controls: signal heads with their aspect
// and crossing guards idle or holding traffic, where the viewer draws them.
#include <catch2/catch.hpp>

#include <set>

#include "sim/engine/street_results.hpp"
#include "unit/traffic/gate_street.hpp"
#include "unit/traffic/street_run.hpp"

using namespace campusflow;

namespace {

// Frames every second for `until` seconds; the control rows of each.
std::vector<io::StreetFrameRow> control_rows(StreetSim& sim, double until) {
  std::vector<io::StreetFrameRow> rows, controls;
  for (double t = 0.0; t < until; t += 0.25) {
    sim.step(t, 0.25);
    const double now = t + 0.25;
    if (std::fmod(now, 1.0) != 0.0) continue;
    rows.clear();
    append_street_frame(sim, static_cast<std::int64_t>(now), now, rows);
    for (const io::StreetFrameRow& r : rows)
      if (r.kind >= io::kFrameSignalRed) controls.push_back(r);
  }
  return controls;
}

}  // namespace

TEST_CASE("Replay frames show signal aspects and guards' holds", "[engine][street][replay]") {
  SECTION("a fixed-time signal: red and green in turn, one head beside the school street's stop line") {
    // 30 s green for wg>ge, then 30 s red: 120 s of frames see both, the
    // head 0.8 m outside the curb lane at the end of wg (x about 544 m).
    StreetSpec spec = test::gate_street(test::lay_by());
    spec.connections[1].rule = RightOfWay::kSignal;
    SignalSpec sg;
    sg.name = "gate";
    sg.node = 2;
    sg.phases = {{30.0, {1, 2}, {}, {}}, {30.0, {2}, {}, {0}}};
    spec.signals.push_back(sg);
    const CompiledStreet c = test::compile_or_fail(spec);
    StreetSim sim(c, 1);
    const auto rows = control_rows(sim, 120.0);
    std::set<int> kinds;
    for (const io::StreetFrameRow& r : rows) {
      kinds.insert(r.kind);
      CHECK(r.id == 1);
      CHECK(r.x == Approx(544.0).margin(1.0));
      CHECK(r.y < -6.4);  // beyond the two eastbound lanes (3.2 m each) south of the axis
    }
    CHECK(rows.size() == 120);
    CHECK(kinds == std::set<int>{io::kFrameSignalRed, io::kFrameSignalGreen});
  }
  SECTION("a crossing guard: idle, then holding traffic when pupils wait") {
    StreetSpec spec = test::gate_street(test::lay_by());
    spec.guards.push_back({"guard", 0, 5, 20.0, 15.0, 30.0, 0.0, 1e9});
    spec.walk_in_flows.push_back({600.0, 0.0, 600.0, 3, 0.0, 120.0});
    const CompiledStreet c = test::compile_or_fail(spec);
    StreetSim sim(c, 9);
    const auto rows = control_rows(sim, 300.0);
    std::set<int> kinds;
    for (const io::StreetFrameRow& r : rows) {
      kinds.insert(r.kind);
      CHECK(std::abs(r.x - 550.0) < 10.0);  // beside the zebra at the gate junction, where cars stop for it
    }
    CHECK(rows.size() == 300);
    CHECK(kinds == std::set<int>{io::kFrameGuardIdle, io::kFrameGuardHolding});
  }
}
