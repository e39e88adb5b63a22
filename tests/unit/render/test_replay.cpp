// A replay built from a result file: frames indexed, each pedestrian on the
// floor whose plan holds it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "render/replay.hpp"
#include "sim/io/result_writer.hpp"

using namespace campusflow;

namespace {

// Agents 0 to n - 1, whom the trajectories below refer to.
void write_agents(io::ResultWriter& w, std::int64_t n) {
  std::vector<io::AgentRow> rows;
  for (std::int64_t a = 0; a < n; ++a) rows.push_back({a, 0, 0, 0, 0.2, 1.3, 0.0, 1.0, 1.0});
  const std::vector<std::string> names = {"everyone"};
  w.write_agents(rows, names, names);
}

// A result with an L-shaped wing and a yard in the L's corner, both at
// elevation 0: the yard lies inside the wing's bounding box but not in its plan.
std::filesystem::path wing_and_yard() {
  const auto path = std::filesystem::temp_directory_path() / "campusflow_replay_levels.h5";
  std::filesystem::remove(path);
  io::RunInfo info;
  info.scenario_name = "wing and yard";
  info.scenario_text = R"({"levels": [{"name": "wing"}, {"name": "yard"}]})";
  const std::vector<io::LevelGeometry> levels{
      {"wing", 0.0, "POLYGON ((0 0, 20 0, 20 4, 4 4, 4 20, 0 20, 0 0))"},
      {"yard", 0.0, "POLYGON ((6 6, 18 6, 18 18, 6 18, 6 6))"}};
  {
    io::ResultWriter w(path, 10.0, info, levels);
    for (std::int64_t f = 0; f < 3; ++f) {
      const double dx = 0.1 * static_cast<double>(f);
      w.append_frame(std::vector<io::TrajectoryRow>{{0, f, 10.0 + dx, 2.0, 0.0}, {1, f, 10.0 + dx, 10.0, 0.0},
                                                    {2, f, 2.0, 10.0 + dx, 0.0}});
    }
    write_agents(w, 3);
    w.finish(io::RunSummary{}, 0.0);
  }
  return path;
}

}  // namespace

TEST_CASE("Replay: each pedestrian on the floor whose plan holds it, speeds from the frame before", "[render]") {
  const render::Replay replay(wing_and_yard());
  REQUIRE(replay.levels().size() == 2);
  CHECK(replay.frame_count() == 3);
  CHECK(replay.duration() == Approx(0.2));
  CHECK(replay.frame_at(0.15) == 1);
  CHECK(replay.frame_at(99.0) == 2);
  const std::vector<render::AgentPose> poses = replay.poses(1);
  REQUIRE(poses.size() == 3);
  // (10, 10) is inside the wing's box but in the yard: it belongs to the yard.
  CHECK(poses[0].level == 0);
  CHECK(poses[1].level == 1);
  CHECK(poses[2].level == 0);
  // 0.1 m per frame at 10 frames per second.
  for (const render::AgentPose& p : poses) CHECK(p.speed == Approx(1.0));
  CHECK(replay.poses(0)[0].speed == 0.0);
}

namespace {

// The wing and yard with a drill's phases in its result.
std::filesystem::path with_phases(const std::vector<io::PhaseRow>& phases) {
  const auto path = std::filesystem::temp_directory_path() / "campusflow_replay_phases.h5";
  std::filesystem::remove(path);
  io::RunInfo info;
  info.scenario_name = "phases";
  info.scenario_text = R"({"levels": [{"name": "wing"}]})";
  {
    const std::vector<io::LevelGeometry> levels{{"wing", 0.0, "POLYGON ((0 0, 20 0, 20 4, 0 4, 0 0))"}};
    io::ResultWriter w(path, 10.0, info, levels);
    w.append_frame(std::vector<io::TrajectoryRow>{{0, 0, 10.0, 2.0, 0.0}});
    write_agents(w, 1);
    io::RunSummary summary;
    summary.procedure.procedure = "earthquake";
    summary.procedure.phases = phases;
    w.finish(summary, 0.0);
  }
  return path;
}

}  // namespace

TEST_CASE("Replay: the drill's phase in effect, with its clock, for the overlay", "[render]") {
  // An earthquake drill: 60 s drop, cover and hold, then an evacuation that
  // has not ended when the run stopped.
  const render::Replay replay(with_phases({{"drop, cover and hold", 0.0, 60.0}, {"evacuation", 60.0, -1.0}}));
  CHECK(replay.phase_text(0.0) == "drop, cover and hold 0:00.0 of 1:00.0");
  CHECK(replay.phase_text(30.0) == "drop, cover and hold 0:30.0 of 1:00.0");
  // The hold ends at 60 s, and the evacuation starts then.
  CHECK(replay.phase_text(60.0) == "evacuation 0:00.0");
  CHECK(replay.phase_text(200.0) == "evacuation 2:20.0");
  // A file without phases (written before them) shows none.
  CHECK(render::Replay(wing_and_yard()).phase_text(10.0).empty());
  // A phase that ends before it starts is a damaged file, refused by name.
  const auto bad = with_phases({{"evacuation", 30.0, 10.0}});
  CHECK_THROWS_WITH(render::Replay(bad), Catch::Contains("/campusflow/phases row 0 (\"evacuation\")"));
}

TEST_CASE("Replay: a walkable area with a point that is not finite or far beyond a campus is refused", "[render]") {
  // The level's box sizes the heatmaps' grids and the camera.
  for (const char* wkt :
       {"POLYGON ((0 0, nan 0, 10 10, 0 10, 0 0))", "POLYGON ((0 0, 1e300 0, 1e300 10, 0 10, 0 0))"}) {
    INFO(wkt);
    const auto path = std::filesystem::temp_directory_path() / "campusflow_replay_far.h5";
    std::filesystem::remove(path);
    io::RunInfo info;
    info.scenario_text = R"({"levels": [{"name": "far"}]})";
    {
      const std::vector<io::LevelGeometry> levels{{"far", 0.0, wkt}};
      io::ResultWriter w(path, 10.0, info, levels);
      w.finish(io::RunSummary{}, 0.0);
    }
    CHECK_THROWS_WITH(render::Replay(path), Catch::Contains(":/campusflow/geometry/level_0@wkt has the point") &&
                                                Catch::Contains("not within 2e+06 m of the origin"));
  }
}
