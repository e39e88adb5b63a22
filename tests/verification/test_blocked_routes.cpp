// Plans that change during the drill (docs/models/routing.md, "When places
// close"): posted routes given up for the nearest safety, flights blocked
// while pupils are on them, and the outcome of every run said loudly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "sim/engine/run.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;

namespace {

std::uint32_t stair_index(const CompiledScenario& sc, const std::string& name) {
  for (std::uint32_t s = 0; s < sc.stairs.size(); ++s)
    if (sc.stairs[s].name == name) return s;
  FAIL("no stair " << name);
  return 0;
}

// Agents standing on the flight of stair s.
std::size_t on_flight(const Simulation& sim, std::uint32_t s) {
  const std::uint32_t level = sim.scenario().stairs[s].level;
  return static_cast<std::size_t>(std::count_if(sim.active().begin(), sim.active().end(),
                                                 [&](std::uint32_t i) { return sim.agents().level[i] == level; }));
}

}  // namespace

TEST_CASE("fire in the east stairwell: every east flight blocked at the alarm, all assemble by the west stair",
          "[verification][drill][reroute]") {
  const auto sc = test::load_file("scenarios/drills/fire-east-stair.json");
  REQUIRE(sc->agent_count == 1080);
  std::set<std::uint32_t> east_places;
  for (const CompiledStair& s : sc->stairs)
    if (s.name.starts_with("east stair")) east_places.insert({s.from_place, s.to_place});
  REQUIRE(east_places.size() == 6);
  Simulation sim(*sc, RunOptions{1, 2});
  std::size_t east_passages = 0;
  while (sim.step())
    for (const PassageRecord& p : sim.output().passages) east_passages += east_places.contains(p.place);
  // Nobody steps onto a blocked flight; everyone reaches the sports ground.
  CHECK(east_passages == 0);
  CHECK(sim.counts().exited == 1080);
  CHECK_FALSE(sim.timed_out());
  // The classes posted east on floors 2 to 4 (three of six per floor, 9 x 45
  // = 405 pupils) give their route up at the alarm, each once, for the
  // nearest safety: the sports ground, by the west stair.
  const auto& reroutes = sim.reroutes();
  CHECK(reroutes.size() == 405);
  std::set<std::uint32_t> who;
  for (const RerouteRecord& r : reroutes) {
    who.insert(r.agent);
    CHECK(r.now == RouteKind::kNearest);
    CHECK(sc->places[r.goal].name == "sports ground");
    // At the end of each one's pre-movement (at most 90 s) after the class's
    // turn: 24 classes, one every 38 s, the last released at 874 s.
    CHECK(r.time <= 874.0 + 90.0);
  }
  CHECK(who.size() == 405);
  // Nobody is left standing: the one stair left takes the classes in turn.
  CHECK(sim.stuck_watch().episodes().empty());
  // The shipped plan's 590 s grows: the west stair takes everyone, one class
  // at a time, twice as many turns as on each of two stairs.
  CHECK(sim.evacuation_time() > 874.0);
}

TEST_CASE("a flight blocked while pupils are on it: nobody stays on it", "[verification][drill][reroute]") {
  // Every class released at once: at 60 s the senior classes are on the flight.
  const auto shipped = test::load_at_once("scenarios/drill/drill.json");
  const std::uint32_t s = stair_index(*shipped, "east stair 2-1");
  const CompiledStair& stair = shipped->stairs[s];
  for (const bool whole : {true, false}) {
    DYNAMIC_SECTION((whole ? "the whole flight" : "its foot on floor 1") << " blocked at 60 s") {
      CompiledScenario sc = *shipped;
      CompiledEvent block;
      block.time = seconds_to_us(60.0);
      block.kind = EventKind::kBlock;
      block.whole_stair = whole;
      block.places = whole ? std::vector<std::uint32_t>{stair.from_place, stair.to_place}
                           : std::vector<std::uint32_t>{stair.to_place};
      sc.events = {block};
      Simulation sim(sc, RunOptions{1, 2});
      std::size_t at_block = 0, most_after = 0, into_floor_1 = 0;
      double emptied = -1.0;
      while (sim.step()) {
        const double t = us_to_seconds(sim.now());
        const std::size_t n = on_flight(sim, s);
        if (t == 60.0) at_block = n;
        if (t > 60.0) most_after = std::max(most_after, n);
        if (t > 60.0 && n == 0 && emptied < 0.0) emptied = t;
        for (const PassageRecord& p : sim.output().passages)
          into_floor_1 += p.place == stair.to_place && p.time > 60.0;
      }
      INFO(at_block << " on the flight at the block, empty at " << emptied << " s");
      // In use: the senior classes of floors 3 and 4 are coming down it.
      CHECK(at_block >= 10);
      // Nobody steps on after the block, and those on it get off.
      CHECK(most_after <= at_block);
      CHECK(emptied > 60.0);
      CHECK(emptied < 200.0);
      // Blocked at its foot, those on it turned back up; blocked whole, they
      // stepped off at either end.
      if (!whole) CHECK(into_floor_1 == 0);
      CHECK(sim.counts().exited == 1080);
      CHECK_FALSE(sim.timed_out());
      CHECK(sim.stuck_watch().episodes().size() < 2000);  // sanity: the detector ran
    }
  }
}

TEST_CASE("a posted route's fallback is taken when a step closes", "[verification][reroute]") {
  // A corridor room with two doors to two exits. The class's posted route is
  // the north door; it closes at 1 s. The fallback names the south door:
  // everyone re-routes to it at once and leaves by the south exit.
  const auto sc = test::load_text(R"({
    "format": "campusflow-scenario/1", "name": "fallback",
    "levels": [{"name": "ground", "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
                "obstacles": [[[0, 2], [4, 2], [4, 2.2], [0, 2.2]], [[5, 2], [10, 2], [10, 2.2], [5, 2.2]],
                              [[0, 7.8], [4, 7.8], [4, 8], [0, 8]], [[5, 7.8], [10, 7.8], [10, 8], [5, 8]]],
                "doors": [{"name": "south door", "segment": [[4, 2.1], [5, 2.1]]},
                          {"name": "north door", "segment": [[4, 7.9], [5, 7.9]]}],
                "exits": [{"name": "south exit", "center": [5, 0], "width": 1.2},
                          {"name": "north exit", "center": [5, 10], "width": 1.2}]}],
    "groups": [{"name": "class", "level": "ground", "profile": "primary", "count": 20,
                "spawn": [[1, 3], [9, 3], [9, 7], [1, 7]], "route": ["north door", "north exit"],
                "fallback": ["south door", "south exit"],
                "pre_movement": {"distribution": "constant", "value": 2}}],
    "events": [{"time": 1, "action": "close", "target": "north door"}]})");
  const RunReport r = run_scenario(*sc, RunOptions{1, 1}, std::nullopt);
  CHECK(r.complete);
  REQUIRE(r.exit_names.size() == 2);
  CHECK(r.exit_counts[0] == 20);  // the south exit, first in the file
  REQUIRE(r.reroutes.size() == 20);
  for (const RerouteRecord& e : r.reroutes) {
    CHECK(e.now == RouteKind::kFallback);
    CHECK(sc->places[e.goal].name == "south door");
    CHECK(e.time == Approx(2.0));  // at the end of the pre-movement
  }
  CHECK(r.stuck.empty());
}

namespace {

// Two storeys, each a 3 m corridor (y 7-10) along three open bays of 9 x 7 m,
// a stair at each end of the corridor (1.2 m, 7 m along the slope; its foot
// on the ground floor's end wall above that end's 1.2 m exit). 90 primary
// pupils upstairs, 30 per bay, released after 5-20 s; nobody downstairs.
std::string school_with_two_stairs(const std::string& events) {
  const std::string outline = R"([[0, 10], [0, 7], [1, 7], [1, 0], [10, 0], [10, 7], [10.24, 7], [10.24, 0],
      [19.24, 0], [19.24, 7], [19.48, 7], [19.48, 0], [28.48, 0], [28.48, 7], [29, 7], [29, 0], [30, 0], [30, 10]])";
  std::ostringstream s;
  s << R"({"format": "campusflow-scenario/1", "name": "two stairs", "settings": {"time_limit": 300},
    "levels": [{"name": "ground", "outline": )" << outline << R"(,
                "exits": [{"name": "west exit", "segment": [[0, 8.4], [0, 7.2]]},
                          {"name": "east exit", "segment": [[30, 7.2], [30, 8.4]]}]},
               {"name": "first", "elevation": 3.6, "outline": )" << outline << R"(}],
    "stairs": [{"name": "west stair", "length": 7, "from": {"level": "first", "segment": [[0, 10], [0, 8.8]]},
                "to": {"level": "ground", "segment": [[0, 10], [0, 8.8]]}},
               {"name": "east stair", "length": 7, "from": {"level": "first", "segment": [[30, 8.8], [30, 10]]},
                "to": {"level": "ground", "segment": [[30, 8.8], [30, 10]]}}],
    "events": )" << events << R"(,
    "groups": [)";
  const double bays[3] = {1.3, 10.54, 19.78};
  for (int k = 0; k < 3; ++k)
    s << (k ? ", " : "") << R"({"name": "bay )" << k << R"(", "level": "first", "profile": "primary", "count": 30,
        "spawn": [[)" << bays[k] << ", 0.3], [" << bays[k] + 8.4 << ", 0.3], [" << bays[k] + 8.4 << ", 6.7], ["
      << bays[k] << R"(, 6.7]], "pre_movement": {"distribution": "normal", "mean": 10, "sd": 3, "min": 5, "max": 20}})";
  s << "]}";
  return s.str();
}

}  // namespace

TEST_CASE("a flight blocked while in use, in 10 seeds: those on it get off, everyone reaches safety",
          "[verification][reroute]") {
  // The east flight is blocked at 20 s, while the east bay's pupils are on
  // it: whole (nobody steps on; those on it step off at either end), or at
  // its foot only (those on it turn back up and take the west stair).
  for (const char* end : {"", R"(, "end": "ground")"}) {
    const auto sc = test::load_text(school_with_two_stairs(std::string(R"([{"time": 20, "action": "block", "target": "east stair")") + end + "}]"));
    const std::uint32_t east = stair_index(*sc, "east stair");
    std::size_t in_use = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
      INFO((*end ? "foot" : "whole") << " blocked, seed " << seed);
      Simulation sim(*sc, RunOptions{seed, 1});
      std::size_t at_block = 0, later = 0;
      while (sim.step()) {
        const double t = us_to_seconds(sim.now());
        if (t == 20.0) at_block = on_flight(sim, east);
        // 7 m at a primary pupil's 0.6 m/s or so: off within 20 s.
        if (t >= 40.0) later = std::max(later, on_flight(sim, east));
      }
      in_use += at_block > 0;
      CHECK(later == 0);
      CHECK(sim.counts().exited == 90);
      CHECK_FALSE(sim.timed_out());
      for (const StuckEpisode& e : sim.stuck_watch().episodes()) CHECK(e.until >= 0.0);
    }
    // The flight was in use at the block in most draws.
    CHECK(in_use >= 7);
  }
}
