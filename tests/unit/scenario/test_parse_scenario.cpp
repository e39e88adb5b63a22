#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "sim/scenario/parse_scenario.hpp"

using namespace campusflow;

namespace {

// Comments, a closed clockwise outline, a counter-clockwise obstacle, both
// exit forms, both group forms and trailing commas.
const std::string kValid = R"({
  // a block comment follows
  /* format version 1 */
  "format": "campusflow-scenario/1",
  "name": "demo",
  "settings": {"dt": 0.05, "seed": 7,},
  "model": {"type": "collision_free_speed", "time_gap": 0.8},
  "levels": [
    {
      "name": "ground",
      "outline": [[0, 0], [0, 10], [20, 10], [20, 0], [0, 0]],
      "obstacles": [[[5, 4], [7, 4], [7, 6], [5, 6]]],
      "exits": [
        {"name": "front", "center": [20, 5], "width": 2},
        {"name": "back", "segment": [[3, 0], [1, 0]]},
      ],
    },
    {"name": "first", "elevation": 3.5, "outline": [[0, 0], [10, 0], [10, 10], [0, 10]]},
  ],
  "groups": [
    {"name": "class 1a", "level": "ground", "profile": "primary", "count": 20,
     "spawn": [[10, 2], [15, 2], [15, 8], [10, 8]],
     "desired_speed": {"distribution": "normal", "mean": 1.0, "sd": 0.2},
     "pre_movement": {"distribution": "uniform", "min": 5, "max": 30}},
    {"name": "teacher", "level": "ground", "positions": [[2, 2], [2.5, 2]]},
  ],
})";

// The smallest valid scenario; tests splice one member into it.
std::string minimal(const std::string& group_extra = "", const std::string& top_extra = "") {
  return R"({"format": "campusflow-scenario/1", "name": "m",)" + top_extra + R"(
  "levels": [{"name": "g", "outline": [[0, 0], [10, 0], [10, 6], [0, 6]],
              "exits": [{"name": "d", "segment": [[10, 2], [10, 3]]}]}],
  "groups": [{"name": "p", "level": "g", "count": 5, "spawn": [[1, 1], [4, 1], [4, 4], [1, 4]])" +
         group_extra + "}]}";
}

std::vector<std::string> errors_of(std::string_view text) {
  Diagnostics diags("t.json");
  const auto spec = parse_scenario(text, diags);
  CHECK(spec.has_value() == diags.empty());
  return diags.messages();
}

}  // namespace

TEST_CASE("a valid scenario parses with the expected values", "[scenario][parse]") {
  Diagnostics diags("demo.json");
  const auto spec = parse_scenario(kValid, diags);
  INFO((diags.empty() ? std::string() : diags.messages().front()));
  REQUIRE(spec);
  CHECK(spec->file == "demo.json");
  CHECK(spec->text == kValid);
  CHECK(spec->name == "demo");

  // settings: dt and seed given, the rest default
  CHECK(spec->settings.dt == 0.05);
  CHECK(spec->settings.seed == 7);
  CHECK(spec->settings.time_limit == 900.0);
  CHECK(spec->settings.output_fps == 10.0);
  CHECK(spec->settings.field_cell == 0.125);
  CHECK(spec->model.cfsm.time_gap == 0.8);
  CHECK(spec->model.cfsm.wall_range == CfsmParams{}.wall_range);

  REQUIRE(spec->levels.size() == 2);
  const LevelSpec& ground = spec->levels[0];
  // The closed clockwise 20 x 10 m outline is stored open and counter-clockwise
  // (twice the signed area = +400 m^2); the obstacle clockwise (-8 m^2).
  REQUIRE(ground.outline.size() == 4);
  CHECK(signed_area2(ground.outline) == Approx(400.0));
  REQUIRE(ground.obstacles.size() == 1);
  CHECK(signed_area2(ground.obstacles[0]) == Approx(-8.0));
  CHECK(spec->levels[1].elevation == 3.5);
  CHECK(spec->levels[1].exits.empty());

  // "front": centre (20, 5), 2 m wide, on the east wall that runs north in the
  // counter-clockwise outline -> (20, 4) to (20, 6).
  REQUIRE(ground.exits.size() == 2);
  CHECK(ground.exits[0].name == "front");
  CHECK(ground.exits[0].segment.a.isApprox(Vec2(20, 4)));
  CHECK(ground.exits[0].segment.b.isApprox(Vec2(20, 6)));
  // "back", written west-going, is laid along the south wall's direction: (1, 0) to (3, 0).
  CHECK(ground.exits[1].segment.a.isApprox(Vec2(1, 0)));
  CHECK(ground.exits[1].segment.b.isApprox(Vec2(3, 0)));

  REQUIRE(spec->groups.size() == 2);
  const GroupSpec& pupils = spec->groups[0];
  CHECK(pupils.level == 0);
  CHECK(pupils.profile == ProfileId::kPrimary);
  CHECK(pupils.count == 20);
  REQUIRE(pupils.spawn_polygon);
  CHECK(signed_area2(*pupils.spawn_polygon) == Approx(60.0));
  // Normal speed without bounds is truncated to the walking range [0.05, 3] m/s.
  REQUIRE(pupils.desired_speed);
  CHECK(pupils.desired_speed->kind == DistributionKind::kNormal);
  CHECK(pupils.desired_speed->a == 1.0);
  CHECK(pupils.desired_speed->b == 0.2);
  CHECK(pupils.desired_speed->lower == 0.05);
  CHECK(pupils.desired_speed->upper == 3.0);
  CHECK(pupils.pre_movement.kind == DistributionKind::kUniform);
  CHECK(pupils.pre_movement.a == 5.0);
  CHECK(pupils.pre_movement.b == 30.0);
  CHECK(pupils.pre_movement.lower == 5.0);
  CHECK(pupils.pre_movement.upper == 30.0);

  const GroupSpec& teacher = spec->groups[1];
  CHECK(teacher.profile == ProfileId::kAdult);
  CHECK(teacher.count == 2);
  CHECK_FALSE(teacher.spawn_polygon);
  CHECK(teacher.positions.size() == 2);
  CHECK_FALSE(teacher.desired_speed);
  CHECK(teacher.pre_movement.kind == DistributionKind::kConstant);
  CHECK(teacher.pre_movement.a == 0.0);
}

TEST_CASE("distributions map to their parameters and default bounds", "[scenario][parse]") {
  Diagnostics diags("t.json");
  const auto spec = parse_scenario(
      minimal(R"(, "desired_speed": {"distribution": "lognormal", "mu": 0.2, "sigma": 0.1, "max": 2},
                 "pre_movement": {"distribution": "gamma", "shape": 2, "scale": 10})"),
      diags);
  REQUIRE(spec);
  const Distribution& speed = *spec->groups[0].desired_speed;
  CHECK(speed.kind == DistributionKind::kLogNormal);
  CHECK(speed.a == 0.2);
  CHECK(speed.b == 0.1);
  CHECK(speed.lower == 0.05);  // min omitted: the slowest walking speed
  CHECK(speed.upper == 2.0);
  // Pre-movement without bounds: [0, 3600] s.
  const Distribution& pre = spec->groups[0].pre_movement;
  CHECK(pre.kind == DistributionKind::kGamma);
  CHECK(pre.lower == 0.0);
  CHECK(pre.upper == 3600.0);
}

TEST_CASE("several errors in one file are all reported, in file order", "[scenario][parse]") {
  const std::string text = R"({
    "format": "campusflow-scenario/1", "name": "", "colour": "red",
    "settings": {"dt": 0.05, "output_fps": 40, "seed": 18446744073709551616},
    "levels": [{"name": "g", "outline": [[0, 0], [10, 0], [10, 6], [1e999, 6]],
                "exits": [{"name": "d", "segment": [[10, 2], [10, 3]], "widht": 1}]}],
    "groups": [{"name": "p", "level": "g", "profile": "adlt", "count": 2.5,
                "spawn": [[1, 1], [4, 1], [4, 4], [1, 4]],
                "desired_speed": {"distribution": "constant", "value": 4}}]
  })";
  const std::vector<std::string> expected = {
      "t.json: colour: unknown key",
      "t.json: name: \"\" must not be empty",
      "t.json: settings.seed: 18446744073709551616 must be < 2^64",
      "t.json: settings.output_fps: 40 must be <= 1/dt (20)",
      "t.json: levels[0].outline[3][0]: 1e999 must be finite",
      "t.json: levels[0].exits[0].widht: unknown key; did you mean \"width\"?",
      "t.json: groups[0].profile: \"adlt\" names no profile; did you mean \"adult\"?",
      "t.json: groups[0].count: 2.5 must be an integer",
      "t.json: groups[0].desired_speed.value: 4 must be >= 0.05 and <= 3",
  };
  CHECK(errors_of(text) == expected);
}

TEST_CASE("output_fps must put frames on ticks", "[scenario][parse]") {
  // dt = 0.05 s: 20 fps is every tick, 4 fps every 5th tick, 8 fps every 2.5th.
  CHECK(errors_of(minimal("", R"("settings": {"output_fps": 20},)")).empty());
  CHECK(errors_of(minimal("", R"("settings": {"output_fps": 4},)")).empty());
  CHECK(errors_of(minimal("", R"("settings": {"output_fps": 8},)")) ==
        std::vector<std::string>{"t.json: settings.output_fps: 8 must put every frame on a tick; "
                                 "1/(output_fps*dt) is 2.5, not a whole number"});
}

TEST_CASE("values and paths in messages stay short and unambiguous", "[scenario][parse]") {
  const std::string long_name(100, 'x');
  CHECK(errors_of(minimal(R"(, "profile": ")" + long_name + "\"")) ==
        std::vector<std::string>{"t.json: groups[0].profile: \"" + std::string(36, 'x') +
                                 "... names no profile; choose one of kindergarten, primary, "
                                 "secondary, adult, impaired"});
  CHECK(errors_of(minimal(R"(, "my key": 1)")) ==
        std::vector<std::string>{"t.json: groups[0][\"my key\"]: unknown key"});
  CHECK(errors_of(minimal(R"(, "profile": "adult", "profile": "primary")")) ==
        std::vector<std::string>{"t.json: groups[0].profile: duplicate key; give each key once"});
}

TEST_CASE("syntax errors give line and column as an editor counts them", "[scenario][parse]") {
  // Columns count characters, not bytes: "é" is one column; a byte order mark none.
  CHECK(errors_of("\xEF\xBB\xBF{\n  \"name\": \"caf\xC3\xA9\" x}") ==
        std::vector<std::string>{"t.json: line 2, column 18: syntax error: unexpected 'x'; expected ',' or '}'"});
  CHECK(errors_of("{\"a\": [1, 2,\n  -Infinity]}") ==
        std::vector<std::string>{
            "t.json: line 2, column 3: syntax error: -Infinity is not allowed in JSON; write a finite number"});
  CHECK(errors_of("// only a comment\n") ==
        std::vector<std::string>{"t.json: line 2, column 1: syntax error: the file holds no JSON value"});
  Diagnostics diags("t.json");
  CHECK(parse_scenario("\xEF\xBB\xBF" + minimal(), diags));
}

TEST_CASE("seed takes the whole unsigned 64-bit range", "[scenario][parse]") {
  Diagnostics diags("t.json");
  const auto spec = parse_scenario(minimal("", R"("settings": {"seed": 18446744073709551615},)"), diags);
  REQUIRE(spec);
  CHECK(spec->settings.seed == 18446744073709551615u);
}

TEST_CASE("parse_scenario never throws and fails exactly when it reports", "[scenario][robustness]") {
  // Every prefix of a valid file: mostly syntax errors at the end of text.
  for (std::size_t n = 0; n < kValid.size(); ++n) {
    Diagnostics diags("t.json");
    std::optional<ScenarioSpec> spec;
    REQUIRE_NOTHROW(spec = parse_scenario(std::string_view(kValid).substr(0, n), diags));
    REQUIRE(spec.has_value() == diags.empty());
  }
  // Random byte changes, including bytes that break UTF-8. Fixed seed: the
  // same mutations every run.
  std::mt19937 rng(12345);
  for (int i = 0; i < 2000; ++i) {
    std::string text = kValid;
    const int changes = 1 + i % 4;
    for (int k = 0; k < changes; ++k)
      text[rng() % text.size()] = static_cast<char>(rng() % 256);
    Diagnostics diags("t.json");
    std::optional<ScenarioSpec> spec;
    REQUIRE_NOTHROW(spec = parse_scenario(text, diags));
    REQUIRE(spec.has_value() == diags.empty());
  }
  for (const std::string& text :
       {std::string(), std::string(100000, '['), std::string("{\"a\":") + std::string(50000, '{'),
        std::string("\xff\xfe"), std::string("1e999"), std::string("\"\\ud800\""), std::string("{}"),
        std::string(R"({"levels": [{"outline": [[1e300, 1e300], [-1e300, 1e300], [0, -1e300]]}]})")}) {
    Diagnostics diags("t.json");
    std::optional<ScenarioSpec> spec;
    REQUIRE_NOTHROW(spec = parse_scenario(text, diags));
    CHECK_FALSE(spec);
    CHECK_FALSE(diags.empty());
  }
}
