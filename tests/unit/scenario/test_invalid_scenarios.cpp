// Every file in scenarios/invalid/ states the messages it must produce in its
// leading comment block:
//   // expect: <file>: <path>: <value> <rule>     (one line per message, in order)
//   // stage: compile                              (checked by the compile stage instead)
//   // variant: NAME                               (the messages of the file's variant NAME, as
//                                                     `check` gives them: "<file>, variant "NAME": ...")
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/scenario/parse_scenario.hpp"

namespace fs = std::filesystem;
using namespace campusflow;

namespace {

struct Expectation {
  std::vector<std::string> messages;
  bool compile_stage = false;
  std::string variant;  // empty: the base
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The header is the run of lines starting with "//" at the top of the file.
Expectation read_expectation(const std::string& text) {
  const std::string expect = "// expect: ";
  Expectation e;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind("//", 0) == 0) {
    if (line.rfind(expect, 0) == 0) e.messages.push_back(line.substr(expect.size()));
    if (line == "// stage: compile") e.compile_stage = true;
    if (line.rfind("// variant: ", 0) == 0) e.variant = line.substr(12);
  }
  return e;
}

std::vector<fs::path> invalid_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(CAMPUSFLOW_SOURCE_DIR) / "scenarios" / "invalid"))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("invalid scenarios report exactly the messages they expect", "[scenario][invalid]") {
  const std::vector<fs::path> files = invalid_files();
  REQUIRE(files.size() >= 22);
  for (const fs::path& file : files) {
    const std::string text = read_file(file);
    const Expectation expected = read_expectation(text);
    if (expected.compile_stage) continue;
    DYNAMIC_SECTION(file.filename().string()) {
      // A file without expectations would pass on any output.
      REQUIRE_FALSE(expected.messages.empty());
      const std::string label =
          file.filename().string() + (expected.variant.empty() ? "" : ", variant \"" + expected.variant + "\"");
      Diagnostics diags(label);
      const auto spec = parse_scenario(text, diags, file.parent_path(), ScenarioVariant{expected.variant, {}});
      CHECK_FALSE(spec);
      REQUIRE(diags.messages() == expected.messages);
    }
  }
}

TEST_CASE("compile-stage scenarios pass the parse stage", "[scenario][invalid]") {
  // Their defects (an unreachable exit, an overfull spawn polygon) need
  // distance fields; parsing alone must accept them.
  std::size_t compile_stage = 0;
  for (const fs::path& file : invalid_files()) {
    const std::string text = read_file(file);
    if (!read_expectation(text).compile_stage) continue;
    ++compile_stage;
    INFO(file.filename().string());
    Diagnostics diags(file.filename().string());
    CHECK(parse_scenario(text, diags, file.parent_path()));
    CHECK(diags.messages() == std::vector<std::string>{});
  }
  CHECK(compile_stage >= 2);
}
