#pragma once
// Loading scenarios inside tests: a failed load is a test failure that shows
// every scenario error.
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include "sim/scenario/load_scenario.hpp"

namespace campusflow::test {

inline std::unique_ptr<const CompiledScenario> load_text(const std::string& json) {
  LoadResult r = load_scenario_text(json, "test.json");
  for (const std::string& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.errors.empty());
  return std::move(r.scenario);
}

inline std::unique_ptr<const CompiledScenario> load_file(const std::string& relative) {
  LoadResult r = load_scenario_file(std::string(CAMPUSFLOW_SOURCE_DIR) + "/" + relative, relative);
  for (const std::string& e : r.errors) UNSCOPED_INFO(e);
  REQUIRE(r.errors.empty());
  return std::move(r.scenario);
}

// The text of a file of the project.
inline std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(CAMPUSFLOW_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A drill's text whose classes leave in turns (`release: {"at": s}`) with
// every class released at the alarm instead: the crowd the turns avoid.
inline std::string released_at_once(const std::string& text) {
  static const std::regex release(R"(,\s*"release":\s*\{\s*"at":\s*[0-9.]+\s*\})");
  std::string at_once = std::regex_replace(text, release, "");
  REQUIRE(at_once != text);
  return at_once;
}

inline std::unique_ptr<const CompiledScenario> load_at_once(const std::string& relative) {
  return load_text(released_at_once(read_text(relative)));
}

}  // namespace campusflow::test
