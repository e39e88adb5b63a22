// A step that would give an agent a non-finite position stops the run there
// (docs/scenario-format.md, "model"): the value reaches neither the agents'
// state nor the result, and the report names the agent, the step and the
// model term. The parser keeps decay lengths at 1 cm or more, so the test
// sets one below its range after compiling, as a bug in a model would.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "sim/engine/run.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "verification/scenario_fixture.hpp"

using namespace campusflow;
namespace fs = std::filesystem;

namespace {

// The demo with `model` as its model (and the tick the social force model
// needs), compiled; then `spoil` changes it.
template <class Spoil>
CompiledScenario demo_with(const std::string& model, Spoil spoil) {
  std::string text = test::read_text("scenarios/demo/demo.json");
  if (model.find("social_force") != std::string::npos) text.replace(text.find(R"("dt": 0.05)"), 10, R"("dt": 0.01)");
  const std::string from = R"("model": {"type": "collision_free_speed"})";
  text.replace(text.find(from), from.size(), R"("model": )" + model);
  LoadResult loaded = load_scenario_text(text, "demo.json");
  INFO((loaded.errors.empty() ? std::string() : loaded.errors.front()));
  REQUIRE(loaded.errors.empty());
  CompiledScenario sc = *loaded.scenario;
  spoil(sc);
  return sc;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CAMPUSFLOW_BINARY_DIR) / "test-engine";
  fs::create_directories(dir);
  fs::remove(dir / name);
  fs::remove(dir / (name + ".partial"));
  return dir / name;
}

void check_stopped(const CompiledScenario& sc, const std::string& name, const std::string& term) {
  const fs::path out = scratch(name);
  const RunReport r = run_scenario(sc, RunOptions{1, 2}, out);
  REQUIRE(r.fault);
  INFO(r.fault->term);
  CHECK(r.fault->term.find(term) != std::string::npos);
  CHECK(r.fault->agent < sc.agent_count);
  CHECK(std::isfinite(r.fault->position.x()));
  CHECK_FALSE(r.complete);
  // Nothing under the final name; the .partial is readable, marked
  // incomplete, and every position in it is a number.
  CHECK_FALSE(fs::exists(out));
  const io::ResultReader partial(out.string() + ".partial", io::Completeness::not_required);
  CHECK(partial.attribute_string("status") == "incomplete");
  const auto rows = partial.trajectory();
  CHECK_FALSE(rows.empty());
  for (const io::TrajectoryRow& row : rows) REQUIRE((std::isfinite(row.x) && std::isfinite(row.y)));
}

}  // namespace

TEST_CASE("a collision-free speed step that is not finite stops the run, naming the neighbour term", "[engine]") {
  // Two bodies overlapping by 1 mm push each other with a e^(1e-3 / D):
  // e^(1e6) with D = 1e-9 m, which is no number.
  const CompiledScenario sc =
      demo_with(R"({"type": "collision_free_speed"})", [](CompiledScenario& s) { s.model.cfsm.neighbour_range = 1e-9; });
  check_stopped(sc, "cfsm-nan.h5", "neighbour repulsion");
}

TEST_CASE("a social force step that is not finite stops the run, naming the force", "[engine]") {
  const CompiledScenario sc =
      demo_with(R"({"type": "social_force"})", [](CompiledScenario& s) { s.model.sfm.neighbour_range = 1e-9; });
  check_stopped(sc, "sfm-nan.h5", "neighbour force");
}

TEST_CASE("the demo within the models' ranges runs without a fault", "[engine]") {
  const CompiledScenario sc = demo_with(R"({"type": "collision_free_speed", "neighbour_range": 0.01})",
                                        [](CompiledScenario&) {});
  const RunReport r = run_scenario(sc, RunOptions{1, 2}, std::nullopt);
  CHECK_FALSE(r.fault);
  CHECK(r.complete);
}
