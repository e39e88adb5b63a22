// A run of a street-only scenario end to end: the engine steps the street,
// writes /campusflow/street and the replay frames, and h5py reads them.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "sim/engine/run.hpp"
#include "unit/engine/gate_scenario.hpp"

using namespace campusflow;
namespace fs = std::filesystem;

TEST_CASE("A street-only run finishes and writes /campusflow/street", "[engine][street]") {
  const CompiledScenario sc = test::gate_scenario();
  const fs::path dir = fs::path(CAMPUSFLOW_BINARY_DIR) / "test-engine";
  fs::create_directories(dir);
  const fs::path out = dir / "gate.h5";
  fs::remove(out);
  const RunReport r = run_scenario(sc, RunOptions{3, 1}, out);
  REQUIRE(r.street);
  // About 50 drop-offs in 10 minutes at half the bay's capacity: all served,
  // every car gone and every pupil at the gate well before the time limit.
  CHECK(r.street->finished);
  CHECK(r.street->unfinished == 0);
  CHECK(r.street->drop_offs == sc.street->vehicles.size());
  CHECK(r.street->end_time < 900.0);
  CHECK(fs::exists(out));
  if (std::system("/usr/bin/python3 -c 'import h5py, numpy' > /dev/null 2>&1") != 0) {
    WARN("skipped the h5py check: /usr/bin/python3 has no h5py");
    return;
  }
  const std::string script = std::string(CAMPUSFLOW_SOURCE_DIR) + "/tests/unit/engine/check_street_result.py";
  const std::string cmd = "/usr/bin/python3 '" + script + "' '" + out.string() + "' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::string text;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) text += buf;
  const int status = pclose(pipe);
  INFO(text);
  CHECK(status == 0);
  CHECK(text.rfind("OK", 0) == 0);
}
