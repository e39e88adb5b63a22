// Drill procedures (docs/models/procedures.md) on the shipped buildings:
// scenarios/drills/earthquake.json, scenarios/drills/lockdown.json and
// scenarios/kindergarten/kindergarten-earthquake.json.
#include <catch2/catch.hpp>

#include <algorithm>

#include "sim/engine/run.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

namespace {

// The largest distance any agent has moved from where it spawned, stepping
// the run until `until` [s].
double largest_move_until(const CompiledScenario& sc, double until) {
  Simulation sim(sc, RunOptions{1, 2});
  std::vector<Vec2> start;
  double largest = 0.0;
  while (sim.step() && us_to_seconds(sim.now()) < until) {
    if (start.empty() && sim.counts().spawned == sc.agent_count) start = sim.agents().position;
    for (std::uint32_t i : sim.active()) largest = std::max(largest, (sim.agents().position[i] - start[i]).norm());
  }
  return largest;
}

}  // namespace

TEST_CASE("earthquake drill in the school: nobody moves during the hold, then the drill plays out shifted by it",
          "[verification][procedures]") {
  const auto plain = test::load_file("scenarios/drill/drill.json");
  const auto quake = test::load_file("scenarios/drills/earthquake.json");
  REQUIRE(quake->procedure.kind == ProcedureKind::kEarthquake);
  const double hold = quake->procedure.hold;
  REQUIRE(hold == 60.0);
  // Drop, cover and hold: not a millimetre of movement before the second signal.
  CHECK(largest_move_until(*quake, hold) == 0.0);

  const RunReport p = run_scenario(*plain, RunOptions{1, 2}, std::nullopt);
  const RunReport q = run_scenario(*quake, RunOptions{1, 2}, std::nullopt);
  REQUIRE(p.complete);
  REQUIRE(q.complete);
  // Every release moves by the hold and the seed draws the same speeds and
  // pre-movement times, so the evacuation is the plain drill's (590.1 s)
  // plus the hold: 650.1 s, within 1 s (measured: equal to 0.01 s).
  CHECK(q.evacuation_time == Approx(p.evacuation_time + hold).margin(1.0));
  // The roll call counts from the alarm: no class starts before the second signal.
  for (const ClassResult& c : q.classes) CHECK(c.start >= hold);
  // The phases: [0, hold) drop, cover and hold; [hold, end) the evacuation.
  REQUIRE(q.procedure.phases.size() == 2);
  CHECK(q.procedure.phases[0].name == "drop, cover and hold");
  CHECK(q.procedure.phases[0].start == 0.0);
  CHECK(q.procedure.phases[0].end == hold);
  CHECK(q.procedure.phases[1].name == "evacuation");
  CHECK(q.procedure.phases[1].start == hold);
  CHECK(q.procedure.phases[1].end == q.evacuation_time);
  // The lower bounds count the hold too.
  CHECK(q.evacuation_time >= q.bounds.walking);
  CHECK(q.bounds.walking >= hold);
}

TEST_CASE("earthquake drill in the kindergarten: every class led out after the hold", "[verification][procedures]") {
  const auto plain = test::load_file("scenarios/kindergarten/kindergarten.json");
  const auto quake = test::load_file("scenarios/kindergarten/kindergarten-earthquake.json");
  const double hold = quake->procedure.hold;
  CHECK(largest_move_until(*quake, hold) == 0.0);
  const RunReport p = run_scenario(*plain, RunOptions{1, 2}, std::nullopt);
  const RunReport q = run_scenario(*quake, RunOptions{1, 2}, std::nullopt);
  REQUIRE(q.complete);
  CHECK(q.counts.exited == 186);
  // 206.6 s plain + 60 s hold = 266.6 s, within 1 s.
  CHECK(q.evacuation_time == Approx(p.evacuation_time + hold).margin(1.0));
  for (const ClassResult& c : q.classes) CHECK(c.start >= hold);
}

TEST_CASE("lockdown in the school: every room secured, the classes in the corridor sheltered",
          "[verification][procedures]") {
  const auto sc = test::load_file("scenarios/drills/lockdown.json");
  REQUIRE(sc->procedure.kind == ProcedureKind::kLockdown);
  // 24 classrooms; the corridors open onto the stairs and are no rooms.
  REQUIRE(sc->rooms.size() == 24);
  for (const CompiledRoom& room : sc->rooms) CHECK(room.doors.size() == 1);
  const RunReport r = run_scenario(*sc, RunOptions{1, 2}, std::nullopt);
  REQUIRE(r.complete);
  CHECK(r.counts.exited == 0);
  CHECK(r.sheltered == 1080);
  CHECK(r.stuck.empty());
  REQUIRE(r.procedure.rooms.size() == 24);
  const double lock = sc->procedure.lock;  // 5 s
  // Class 13N stands in front of the full rooms 12N and 12S (45 pupils in
  // 70 m^2 leave no space for 45 more at 0.93 m^2 each): it goes on to its
  // own, empty, room, and no room holds more than its own class.
  int late = 0;
  for (const io::RoomRow& room : r.procedure.rooms) {
    INFO(room.name);
    CHECK(room.sheltering == 45);
    REQUIRE(room.secured >= 0.0);
    CHECK(room.secured == Approx(room.ready + lock));
    // A class in its room at the alarm: the door is shut and locked at once.
    if (room.ready == 0.0) continue;
    ++late;
    // The two classes in the corridor: 45 pupils through a 1 m door at
    // 1.3-2.0 P/(m s) take 22-35 s, after a pre-movement of 2-10 s and up to
    // 10 m of corridor, then 5 s to lock: 30-60 s (measured 44.5 and 40.4 s).
    CHECK(room.secured > 30.0);
    CHECK(room.secured < 60.0);
  }
  CHECK(late == 2);
  CHECK(r.procedure.time_to_secure == Approx(r.simulated_time).margin(0.05));
  CHECK(r.procedure.time_to_secure > 30.0);
  CHECK(r.procedure.time_to_secure < 60.0);
  REQUIRE(r.procedure.phases.size() == 1);
  CHECK(r.procedure.phases[0].end == r.procedure.time_to_secure);
}

TEST_CASE("lockdown: the state hash does not depend on threads", "[verification][procedures][determinism]") {
  const auto sc = test::load_file("scenarios/drills/lockdown.json");
  auto hash = [&](int threads) {
    Simulation sim(*sc, RunOptions{7, threads});
    while (sim.step()) {
    }
    return sim.state_hash();
  };
  CHECK(hash(1) == hash(2));
  CHECK(hash(1) == hash(4));
}
