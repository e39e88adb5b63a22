// Drill procedures on tiny buildings (docs/models/procedures.md): the
// earthquake's hold delays the walk by exactly the hold, and a lockdown
// finds the room, brings a class in from the hall and secures it.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "sim/engine/run.hpp"
#include "sim/scenario/load_scenario.hpp"

using namespace campusflow;

namespace {

std::unique_ptr<const CompiledScenario> load(const std::string& text) {
  LoadResult r = load_scenario_text(text, "test.json");
  for (const std::string& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.errors.empty());
  return std::move(r.scenario);
}

// One adult at 1.2 m/s, 12 m from the exit of a 2 m wide, 14 m long corridor.
std::string corridor(const std::string& procedure) {
  return R"({"format": "campusflow-scenario/1", "name": "corridor", )" + procedure + R"(
    "levels": [{"name": "ground", "outline": [[0, 0], [14, 0], [14, 2], [0, 2]],
                "exits": [{"name": "end", "segment": [[14, 0], [14, 2]]}]}],
    "groups": [{"name": "one", "level": "ground", "positions": [[2, 1]],
                "desired_speed": {"distribution": "constant", "value": 1.2}}]})";
}

// A 5 x 6 m room west of a 0.2 m wall with a 1 m door, a hall east of it
// with the exit; `hall` agents stand in the hall at the alarm, 10 in the room.
std::string room_and_hall(int hall, double time_limit = 900) {
  return R"({"format": "campusflow-scenario/1", "name": "room", "procedure": {"type": "lockdown", "lock": 5},
    "settings": {"time_limit": )" + std::to_string(time_limit) + R"(},
    "levels": [{"name": "ground", "outline": [[0, 0], [12, 0], [12, 6], [0, 6]],
                "exits": [{"name": "main exit", "segment": [[12, 2], [12, 3]]}],
                "obstacles": [[[5, 0], [5.2, 0], [5.2, 2], [5, 2]], [[5, 3], [5.2, 3], [5.2, 6], [5, 6]]],
                "doors": [{"name": "door 3A", "segment": [[5.1, 2], [5.1, 3]]}]}],
    "groups": [{"name": "in", "level": "ground", "count": 10, "spawn": [[0.5, 3.5], [4.5, 3.5], [4.5, 5.5], [0.5, 5.5]]})" +
         (hall == 0 ? std::string() : R"(, {"name": "out", "level": "ground", "count": )" + std::to_string(hall) +
                                          R"(, "spawn": [[7, 1], [11, 1], [11, 5], [7, 5]]})") + "]}";
}

}  // namespace

TEST_CASE("earthquake: a lone walker leaves exactly the hold later", "[engine][procedures]") {
  const auto plain = load(corridor(""));
  const auto quake = load(corridor(R"("procedure": {"type": "earthquake", "hold": 30},)"));
  const RunReport p = run_scenario(*plain, RunOptions{1, 1}, std::nullopt);
  const RunReport q = run_scenario(*quake, RunOptions{1, 1}, std::nullopt);
  REQUIRE(p.complete);
  REQUIRE(q.complete);
  // 12 m at 1.2 m/s -> 10 s (measured 10.0 s); with the hold, exactly 30 s later (40.0 s).
  CHECK(p.evacuation_time == Approx(10.0).margin(0.5));
  CHECK(q.evacuation_time == Approx(p.evacuation_time + 30.0).margin(1e-6));
  CHECK(q.procedure.procedure == "earthquake");
  CHECK(q.procedure.time_to_secure == -1.0);
  REQUIRE(p.procedure.phases.size() == 1);  // a plain run: one phase, the evacuation
  CHECK(p.procedure.phases[0].end == p.evacuation_time);
}

TEST_CASE("lockdown: the room behind the door is found, the hall is not a room", "[engine][procedures]") {
  const auto sc = load(room_and_hall(1));
  REQUIRE(sc->rooms.size() == 1);
  CHECK(sc->rooms[0].name == "room behind door 3A");
  // 5 x 6 m, less the band the door's barrier blocks.
  CHECK(sc->rooms[0].area == Approx(30.0).margin(1.0));
  CHECK(std::isfinite(sc->rooms[0].region.value(Vec2(2.5, 3.0))));
  CHECK_FALSE(std::isfinite(sc->rooms[0].region.value(Vec2(8.0, 3.0))));
}

TEST_CASE("lockdown: nobody in the hall, the room is secured after the lock time", "[engine][procedures]") {
  // Everyone is in the room at the alarm: ready at once, secured 5 s later.
  const auto sc = load(room_and_hall(0));
  const RunReport r = run_scenario(*sc, RunOptions{1, 1}, std::nullopt);
  REQUIRE(r.complete);
  CHECK(r.procedure.time_to_secure == Approx(5.0));
  CHECK(r.sheltered == 10);
}

TEST_CASE("lockdown: a class in the hall comes into the room, then the door is locked", "[engine][procedures]") {
  const auto sc = load(room_and_hall(10));
  const RunReport r = run_scenario(*sc, RunOptions{1, 2}, std::nullopt);
  REQUIRE(r.complete);
  CHECK(r.counts.exited == 0);
  CHECK(r.sheltered == 20);
  REQUIRE(r.procedure.rooms.size() == 1);
  CHECK(r.procedure.rooms[0].sheltering == 20);
  // 10 adults 2-6 m from the door walk to it in 2-5 s and pass a 1 m door at
  // 1.3-2.0 P/s in 5-8 s, the last 0.5 m on; locking takes 5 s: secured
  // after 12-18 s (measured 17.2 s); the band allows 10-25 s.
  CHECK(r.procedure.time_to_secure > 10.0);
  CHECK(r.procedure.time_to_secure < 25.0);
  CHECK(r.procedure.rooms[0].secured == Approx(r.procedure.rooms[0].ready + 5.0));
  CHECK(r.stuck.empty());
}

TEST_CASE("lockdown: stopped before the class is in, the run is INCOMPLETE and says who is outside",
          "[engine][procedures]") {
  // 8 s is too short for 10 adults to get through the door (secured at 17.2 s).
  const auto sc = load(room_and_hall(10, 8));
  const RunReport r = run_scenario(*sc, RunOptions{1, 1}, std::nullopt);
  CHECK_FALSE(r.complete);
  CHECK(r.timed_out);
  CHECK(r.procedure.time_to_secure == -1.0);
  REQUIRE(r.procedure.rooms.size() == 1);
  CHECK(r.procedure.rooms[0].secured == -1.0);
  CHECK(r.sheltered >= 10);  // the class in the room at the alarm, at least
  CHECK(r.sheltered < 20);
  std::size_t listed = 0;
  for (const UnsafeGroup& g : r.unsafe) listed += g.agents;
  CHECK(listed == 20 - r.sheltered);  // exactly those not sheltering are "not safe"
}
