// A finished result reads back bit for bit, under its final name only.
#include <catch2/catch.hpp>
#include <filesystem>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

TEST_CASE("a finished result reads back with identical values", "[io]") {
  const fs::path path = scratch("roundtrip.h5");
  write_sample_result(path, 10.0);

  // finish() renamed the .partial: only the final name exists.
  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(path.string() + ".partial"));

  const ResultReader r(path);
  CHECK(r.attribute_string("status") == "complete");
  CHECK(r.attribute_string("format") == "campusflow-result/1");
  CHECK(r.fps() == 10.0);
  CHECK(r.wkt_geometry() == sample_levels()[0].wkt);

  // 3 frames of 3 agents, in the order appended.
  const std::vector<TrajectoryRow> rows = r.trajectory();
  REQUIRE(rows.size() == 9);
  for (std::int64_t f = 0; f < 3; ++f)
    for (std::int64_t a = 0; a < 3; ++a) CHECK(rows[static_cast<std::size_t>(3 * f + a)] == sample_row(a, f));

  CHECK(r.agents() == sample_agents());
  CHECK(r.group_names() == std::vector<std::string>{"class 1a", "class 1b"});
  CHECK(r.profile_names() == std::vector<std::string>{"adult", "child"});
  CHECK(r.exit_events() == std::vector<ExitEventRow>{{1, 0, 7.75}, {0, 1, 12.5}});

  const std::vector<LevelGeometry> levels = r.levels();
  REQUIRE(levels.size() == 2);
  for (std::size_t l = 0; l < 2; ++l) {
    CHECK(levels[l].name == sample_levels()[l].name);
    CHECK(levels[l].elevation == sample_levels()[l].elevation);
    CHECK(levels[l].wkt == sample_levels()[l].wkt);
  }

  const RunInfo info = r.run_info();
  const RunInfo expected = sample_info();
  CHECK(info.scenario_name == expected.scenario_name);
  CHECK(info.scenario_file == expected.scenario_file);
  CHECK(info.scenario_text == expected.scenario_text);  // UTF-8 and newlines kept
  CHECK(info.scenario_hash == expected.scenario_hash);
  CHECK(info.seed == expected.seed);
  CHECK(info.threads == 3);
  CHECK(info.version == "0.1.0-test");
  CHECK(info.dt == 0.05);

  // wall_time comes from finish()'s argument, stored on /campusflow.
  const RunSummary s = r.summary();
  const RunSummary e = sample_summary();
  CHECK(s.evacuation_time == 12.5);
  CHECK(s.agents == 3);
  CHECK(s.exited == 2);
  CHECK(s.exit_names == e.exit_names);
  CHECK(s.exit_counts == e.exit_counts);
  CHECK(s.simulated_time == 12.55);
  CHECK(s.wall_time == 0.75);
  CHECK(s.state_hash == 0xFEDCBA9876543210ull);
}

TEST_CASE("a finished result without agents or events still has every table", "[io]") {
  // An evacuation with nobody inside: empty tables, evacuation_time -1.
  const fs::path path = scratch("empty-run.h5");
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 4.0, sample_info(), levels);
    RunSummary s;
    s.exit_names = {"door"};
    s.exit_counts = {0};
    w.finish(s, 0.0);
    CHECK(w.finished());
  }
  const ResultReader r(path);
  CHECK(r.fps() == 4.0);
  CHECK(r.trajectory().empty());
  CHECK(r.agents().empty());
  CHECK(r.group_names().empty());
  CHECK(r.exit_events().empty());
  CHECK(r.summary().evacuation_time == -1.0);
  CHECK(r.summary().exit_counts == std::vector<std::int64_t>{0});
}

TEST_CASE("after finish the writer is inert: further writes throw, the file stays as finished", "[io]") {
  const fs::path path = scratch("inert.h5");
  const std::vector<LevelGeometry> levels = sample_levels();
  ResultWriter w(path, 10.0, sample_info(), levels);
  w.finish(sample_summary(), 1.0);
  const std::vector<TrajectoryRow> rows = {sample_row(0, 0)};
  CHECK_THROWS_WITH(w.append_frame(rows), Catch::Contains("is finished and closed") && Catch::Contains("inert.h5"));
  CHECK_THROWS_AS(w.append_exit_event({0, 0, 1.0}), IoError);
  CHECK_THROWS_AS(w.finish(sample_summary(), 1.0), IoError);
  CHECK(w.buffered_rows() == 0);
  CHECK(ResultReader(path).trajectory().empty());
}

TEST_CASE("the writer refuses bad arguments with a message naming the file", "[io]") {
  const fs::path path = scratch("refused.h5");
  const std::vector<LevelGeometry> levels = sample_levels();
  CHECK_THROWS_WITH(ResultWriter(path, 0.0, sample_info(), levels),
                    Catch::Contains("refused.h5.partial") && Catch::Contains("fps must be > 0"));
  CHECK_THROWS_WITH(ResultWriter(path, 10.0, sample_info(), std::span<const LevelGeometry>()),
                    Catch::Contains("no level geometry"));
  const std::vector<LevelGeometry> multi = {{"yard", 0.0, "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"}};
  CHECK_THROWS_WITH(ResultWriter(path, 10.0, sample_info(), multi), Catch::Contains("is not a WKT POLYGON"));
  CHECK_THROWS_WITH(ResultWriter(path.parent_path() / "no-such-folder" / "x.h5", 10.0, sample_info(), levels),
                    Catch::Contains("no-such-folder") && Catch::Contains("does not exist"));
  CHECK_FALSE(fs::exists(path.string() + ".partial"));

  ResultWriter w(path, 10.0, sample_info(), levels);
  RunSummary s;
  s.exit_names = {"a", "b"};
  s.exit_counts = {1};
  CHECK_THROWS_WITH(w.finish(s, 0.0), Catch::Contains("2 exit names but 1 exit counts"));
  const std::vector<AgentRow> agents = sample_agents();
  w.write_agents(agents, {}, {});
  CHECK_THROWS_WITH(w.write_agents(agents, {}, {}), Catch::Contains("written already"));
}
