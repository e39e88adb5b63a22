// Every file in scenarios/warnings/ compiles without errors and gives exactly
// the warnings its "// expect:" lines name, in order; the shipped scenarios
// give none (docs/scenario-format.md, "Warnings").
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;
using namespace campusflow;

namespace {

std::vector<std::string> expected_warnings(const fs::path& file) {
  const std::string expect = "// expect: ";
  std::ifstream in(file);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line) && line.rfind("//", 0) == 0)
    if (line.rfind(expect, 0) == 0) out.push_back(line.substr(expect.size()));
  return out;
}

const fs::path kSource(CAMPUSFLOW_SOURCE_DIR);

}  // namespace

TEST_CASE("warning scenarios give exactly the warnings they expect", "[scenario][warnings]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kSource / "scenarios" / "warnings"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const std::vector<std::string> expected = expected_warnings(file);
      REQUIRE_FALSE(expected.empty());
      const LoadResult r = load_scenario_file(file, file.filename().string());
      REQUIRE(r.errors.empty());
      CHECK(r.warnings == expected);
    }
  }
}

TEST_CASE("the shipped scenarios give no warnings", "[scenario][warnings]") {
  for (const char* name :
       {"scenarios/demo/demo.json", "scenarios/drill/drill.json", "scenarios/kindergarten/kindergarten.json",
        "scenarios/gate/base.json", "scenarios/gate/nocar100.json"}) {
    DYNAMIC_SECTION(name) {
      const LoadResult r = load_scenario_file(kSource / name);
      REQUIRE(r.errors.empty());
      CHECK(r.warnings.empty());
    }
  }
}

TEST_CASE("a signalled crossing that leaves priority out has none, and gives no warning", "[scenario][warnings]") {
  // The crossing of scenarios/invalid/street-signal-crossing-with-priority.json
  // without its "priority": true: priority follows the signal (false), so
  // drivers go on green; nothing to warn about.
  const fs::path file = kSource / "scenarios" / "invalid" / "street-signal-crossing-with-priority.json";
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const std::string given = R"(, "priority": true})";
  REQUIRE(s.find(given) != std::string::npos);
  s.replace(s.find(given), given.size(), "}");
  const LoadResult r = load_scenario_text(s, "signal.json", file.parent_path());
  REQUIRE(r.errors.empty());
  CHECK(r.warnings.empty());
  REQUIRE(r.scenario->street);
  CHECK_FALSE(r.scenario->street->crossings[0].pedestrian_priority);
}
