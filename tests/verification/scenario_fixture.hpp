#pragma once
// Loading scenarios inside tests: a failed load is a test failure that shows
// every scenario error.
#include <catch2/catch.hpp>
#include <memory>
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

}  // namespace campusflow::test
