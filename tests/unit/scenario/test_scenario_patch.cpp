// Settings over a scenario's document (sim/scenario/scenario_patch.hpp):
// JSON pointers as RFC 6901 reads them, and the checks of the file applied
// to what they set.
#include <catch2/catch.hpp>

#include "sim/scenario/load_scenario.hpp"
#include "sim/scenario/scenario_patch.hpp"

using namespace campusflow;

namespace {

ScenarioPatch set(const std::string& argument) {
  std::string error;
  auto p = parse_set_argument(argument, error);
  INFO(error);
  REQUIRE(p);
  return *p;
}

// A one-room scenario with an odd key: "a/b" and "m~n" need RFC 6901's escapes.
constexpr const char* kRoom = R"({
  "format": "campusflow-scenario/1", "name": "room",
  "settings": {"seed": 1},
  "levels": [{"name": "floor", "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
              "exits": [{"name": "door", "segment": [[10, 4], [10, 6]]}]}],
  "groups": [{"name": "a/b~c", "level": "floor", "profile": "adult", "count": 5,
              "spawn": [[1, 1], [5, 1], [5, 5], [1, 5]]}],
  "variants": [{"name": "ten", "set": {"/groups/0/count": 10}}]
})";

}  // namespace

TEST_CASE("a setting replaces, adds and appends as RFC 6901 says", "[scenario][patch]") {
  ScenarioVariant v;
  v.sets = {set("/groups/0/count=7"), set("/settings/time_limit=120"),
            set(R"(/levels/0/exits/-={"name": "back", "segment": [[0, 4], [0, 6]]})")};
  const LoadResult r = load_scenario_text(kRoom, "room.json", {}, v);
  REQUIRE(r.errors.empty());
  // 7 agents, not 5; the time limit added; a second exit appended.
  CHECK(r.scenario->agent_count == 7);
  CHECK(r.scenario->settings.time_limit == seconds_to_us(120.0));
  REQUIRE(r.scenario->exits.size() == 2);
  CHECK(r.scenario->exits[1].name == "back");
  CHECK(r.scenario->overrides ==
        R"([{"pointer":"/groups/0/count","value":7},{"pointer":"/settings/time_limit","value":120},)"
        R"({"pointer":"/levels/0/exits/-","value":{"name":"back","segment":[[0,4],[0,6]]}}])");
}

TEST_CASE("a file's variant applies before the command line's settings", "[scenario][patch]") {
  const LoadResult ten = load_scenario_text(kRoom, "room.json", {}, ScenarioVariant{"ten", {}});
  REQUIRE(ten.errors.empty());
  CHECK(ten.scenario->agent_count == 10);
  CHECK(ten.scenario->variant == "ten");
  // The command line's setting comes last and wins.
  const LoadResult three = load_scenario_text(kRoom, "room.json", {}, ScenarioVariant{"ten", {set("/groups/0/count=3")}});
  REQUIRE(three.errors.empty());
  CHECK(three.scenario->agent_count == 3);
  // The same text with other settings is another scenario.
  const LoadResult base = load_scenario_text(kRoom, "room.json");
  CHECK(base.scenario->hash != ten.scenario->hash);
  CHECK(base.scenario->variant_names == std::vector<std::string>{"ten"});
}

// Catch reads '~' in a test's name as "not": the name spells the escapes out.
TEST_CASE("tilde-zero and tilde-one escape the tilde and the slash in a pointer", "[scenario][patch]") {
  // The group's name holds both; its key "name" is reached through the list.
  const LoadResult r = load_scenario_text(kRoom, "room.json", {}, ScenarioVariant{"", {set(R"(/groups/0/name="x")")}});
  REQUIRE(r.errors.empty());
  CHECK(r.scenario->groups[0].name == "x");
  // An object key with '/' and '~': {"a/b~c": 1} under settings is an unknown key, named as written.
  const LoadResult odd = load_scenario_text(kRoom, "room.json", {}, ScenarioVariant{"", {set("/settings/a~1b~0c=1")}});
  REQUIRE(odd.errors.size() == 1);
  CHECK(odd.errors[0] == R"(room.json: settings["a/b~c"]: unknown key (set by --set /settings/a~1b~0c))");
  std::string error;
  CHECK_FALSE(parse_set_argument("/a~2=1", error));
  CHECK(error == "--set /a~2: '~' in a JSON pointer must be followed by 0 ('~') or 1 ('/')");
}

TEST_CASE("every bad setting is reported at once, naming its pointer", "[scenario][patch]") {
  ScenarioVariant v;
  v.sets = {set("/groups/3/count=1"), set("/settings/seed/x=1"), set("/groups/0/count=-1"), set("=1")};
  const LoadResult r = load_scenario_text(kRoom, "room.json", {}, v);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0] == R"(room.json: --set /groups/3/count: groups has 1 entry; "3" is not an index from 0 to 0)");
  CHECK(r.errors[1] == R"(room.json: --set /settings/seed/x: settings.seed is a number; "x" names nothing inside it)");
  CHECK(r.errors[2] == "room.json: --set : names the whole scenario; name a member, e.g. /settings/seed");
  CHECK(r.errors[3] == "room.json: groups[0].count: -1 must be >= 1 (set by --set /groups/0/count)");
}
