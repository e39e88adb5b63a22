// Studies (study/): the plan's order, the spread's statistics, the row
// files a sweep resumes from.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <iterator>

#include "study/run_row.hpp"
#include "study/study_plan.hpp"
#include "study/study_table.hpp"
#include "study/sweep.hpp"

using namespace campusflow;
using namespace campusflow::study;

namespace {

std::optional<StudySpec> parse(const std::string& text, std::vector<std::string>& errors) {
  Diagnostics diags("s.json");
  auto spec = parse_study(text, "/studies", diags);
  errors = diags.messages();
  return spec;
}

}  // namespace

TEST_CASE("the spread: mean, sd, type-7 percentiles and Student's t interval", "[study]") {
  // 1, 2, 3, 4: mean 2.5, sd sqrt(5/3) = 1.2909944; p5 = 1 + 0.15 * 1 = 1.15,
  // p95 = 3.85; t(0.975, 3) = 3.1824463, half width 3.1824463 * 1.2909944 / 2.
  const Spread s = spread_of({4.0, 1.0, std::nan(""), 3.0, 2.0});
  CHECK(s.values == 4);  // the NaN (a run without a value) is left out
  CHECK(s.mean == Approx(2.5));
  CHECK(s.sd == Approx(1.2909944487));
  CHECK(s.p5 == Approx(1.15));
  CHECK(s.p50 == Approx(2.5));
  CHECK(s.p95 == Approx(3.85));
  CHECK(s.ci_high - s.mean == Approx(3.1824463053 * 1.2909944487 / 2.0));
  CHECK(s.mean - s.ci_low == Approx(s.ci_high - s.mean));
  // One value: no sd, no interval; none: nothing.
  const Spread one = spread_of({7.0});
  CHECK(one.mean == 7.0);
  CHECK(one.p5 == 7.0);
  CHECK(std::isnan(one.sd));
  CHECK(std::isnan(one.ci_low));
  CHECK(spread_of({}).values == 0);
}

TEST_CASE("the plan: variants outermost, the last factor fastest, seeds innermost", "[study]") {
  std::vector<std::string> errors;
  const auto spec = parse(R"({"format": "campusflow-study/1", "name": "s", "scenario": "x.json",
    "variants": ["a", {"name": "b", "set": {"/settings/dt": 0.1}}],
    "factors": [{"name": "f", "values": [1, 2], "set": ["/p"]},
                {"name": "g", "range": {"from": 0, "to": 0.3, "step": 0.1}, "set": [{"pointer": "/q", "scale": 2, "offset": 1}]}],
    "seeds": {"from": 5, "count": 2}})", errors);
  INFO((errors.empty() ? std::string() : errors[0]));
  REQUIRE(spec);
  CHECK(spec->scenario == std::filesystem::path("/studies/x.json"));
  // 0 to 0.3 by 0.1 has four levels (the end within a millionth of a step).
  REQUIRE(spec->factors[1].values.size() == 4);
  const StudyPlan plan = plan_study(*spec);
  REQUIRE(plan.cases.size() == 2 * 2 * 4);
  REQUIRE(plan.runs.size() == 32);
  CHECK(plan.cases[0].label == "a, f = 1, g = 0");
  CHECK(plan.cases[1].label == "a, f = 1, g = 0.1");
  CHECK(plan.cases[4].label == "a, f = 2, g = 0");
  CHECK(plan.cases[8].label == "b, f = 1, g = 0");
  CHECK(plan.runs[3].case_index == 1);
  CHECK(plan.runs[3].seed == 6);
  // Case "b, f = 2, g = 0.3": b's own setting, then f's, then g's by rule 2 * 0.3 + 1.
  const StudyCase& last = plan.cases.back();
  CHECK(last.scenario.variant.empty());
  REQUIRE(last.scenario.sets.size() == 3);
  CHECK(last.scenario.sets[0].pointer == "/settings/dt");
  CHECK(last.scenario.sets[1].value.as_int64() == 2);
  CHECK(last.scenario.sets[2].pointer == "/q");
  CHECK(last.scenario.sets[2].value.as_double() == Approx(1.6));
  CHECK(plan.cases[0].scenario.variant == "a");
}

TEST_CASE("a study's every problem at once", "[study]") {
  std::vector<std::string> errors;
  CHECK_FALSE(parse(R"({"format": "campusflow-study/2", "scenario": "",
    "variants": ["a", "a"], "factors": [{"name": "f", "values": [], "range": {"from": 0, "to": 1, "step": 1}, "set": []}],
    "seeds": [1, 1], "metrics": ["complete", "complete", "exit:"]})", errors));
  const std::vector<std::string> expected = {
      R"(s.json: format: "campusflow-study/2" must be "campusflow-study/1")",
      "s.json: name: is required",
      R"(s.json: scenario: "" must not be empty)",
      R"(s.json: variants[1]: "a" names the variant of variants[0] again; give each once)",
      R"(s.json: factors[0]: must have "values" or "range", not both)",
      "s.json: factors[0].values: must hold at least one value",
      "s.json: factors[0].set: must name at least one JSON pointer to receive the factor's value",
      "s.json: seeds[1]: 1 is given twice; each seed once",
      R"(s.json: metrics[1]: "complete" is named twice; name each metric once)",
      R"(s.json: metrics[2]: "exit:" names no exit after ':')",
  };
  CHECK(errors == expected);
}

TEST_CASE("a row file reads back bit for bit, and only under its fingerprint", "[study]") {
  RunRow row;
  row.status = RunStatus::kIncomplete;
  row.values = {0.1 + 0.2, std::nan(""), 1e-300, 590.0843410036923};
  const std::vector<std::string> metrics = {"a", "b", "c", "d"};
  const std::string text = row_text(row, 0xabcdef, metrics);
  const auto back = parse_row(text, 0xabcdef, metrics);
  REQUIRE(back);
  CHECK(back->status == RunStatus::kIncomplete);
  CHECK(back->values[0] == 0.1 + 0.2);  // the same double, not a nearby one
  CHECK(std::isnan(back->values[1]));
  CHECK(back->values[2] == 1e-300);
  CHECK(back->values[3] == 590.0843410036923);
  CHECK_FALSE(parse_row(text, 0xabcdee, metrics));                  // another scenario, seed or build
  CHECK_FALSE(parse_row(text, 0xabcdef, {"a", "b", "c"}));         // other metrics
  CHECK_FALSE(parse_row(text.substr(0, text.size() - 5), 0xabcdef, metrics));  // cut short
  CHECK_FALSE(parse_row(text + "value 1\n", 0xabcdef, metrics));    // more than a row
  CHECK_FALSE(parse_row("", 0xabcdef, metrics));
}

TEST_CASE("a sweep on three threads writes the tables one thread writes", "[study][sweep]") {
  // Four runs of a one-room scenario (two cases, two seeds): the tables must
  // not depend on which thread ran what, nor in which order runs finished.
  const std::filesystem::path base = std::filesystem::temp_directory_path() /
                                     ("campusflow-sweep-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  {
    std::ofstream(base / "room.json") << R"({"format": "campusflow-scenario/1", "name": "room",
      "levels": [{"name": "floor", "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
                  "exits": [{"name": "door", "segment": [[10, 4], [10, 6]]}]}],
      "groups": [{"name": "g", "level": "floor", "profile": "adult", "count": 20,
                  "spawn": [[1, 1], [6, 1], [6, 9], [1, 9]]}]})";
  }
  Diagnostics diags("s.json");
  auto spec = parse_study(R"({"format": "campusflow-study/1", "name": "s", "scenario": "room.json",
    "factors": [{"name": "n", "values": [10, 30], "set": ["/groups/0/count"]}], "seeds": [1, 2],
    "metrics": ["evacuation_time", "exit:door", "complete"]})", base, diags);
  REQUIRE(spec);
  auto sweep = [&](int jobs, const std::string& dir) {
    StudyRunner runner(*spec, false);
    REQUIRE(runner.prepare().empty());
    const SweepOutcome o = sweep_threads(runner, base / dir, jobs, nullptr, {});
    CHECK(o.ran == 4);
    CHECK(o.incomplete == 0);
    std::ifstream in(base / dir / "runs.csv");
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string one = sweep(1, "one"), three = sweep(3, "three");
  CHECK(one == three);
  // 10 and 30 through the door, for each seed.
  CHECK(one.find(",10,1,\"complete\",") != std::string::npos);
  CHECK(one.find(",30,2,\"complete\",") != std::string::npos);
  std::filesystem::remove_all(base);
}
