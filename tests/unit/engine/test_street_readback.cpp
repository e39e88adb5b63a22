// A gate run's street read back through ResultReader, as a replay viewer
// reads it: the geometry is the compiled street's, the frames are the ones the
// street produced, and every vehicle in a frame stands in a lane or a stall.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "sim/engine/run.hpp"
#include "sim/engine/street_geometry.hpp"
#include "sim/engine/street_results.hpp"
#include "sim/io/result_reader.hpp"
#include "unit/engine/gate_scenario.hpp"

using namespace campusflow;
namespace fs = std::filesystem;

namespace {

constexpr double kFps = 2.0;  // street frames per second of a run (kStreetFps)

// Whether (x, y) lies within `half_width` of the strip from (x0, y0) to
// (x1, y1), at most `slack` beyond its ends.
bool in_strip(double x, double y, double x0, double y0, double x1, double y1, double half_width, double slack) {
  const double length = std::hypot(x1 - x0, y1 - y0);
  const double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
  const double along = (x - x0) * ux + (y - y0) * uy, across = (x - x0) * uy - (y - y0) * ux;
  return std::abs(across) <= half_width && along >= -slack && along <= length + slack;
}

}  // namespace

TEST_CASE("ResultReader reads a gate run's street geometry and frames back", "[engine][street]") {
  const CompiledScenario sc = test::gate_scenario();
  const CompiledStreet& st = *sc.street;
  const fs::path dir = fs::path(CAMPUSFLOW_BINARY_DIR) / "test-engine";
  fs::create_directories(dir);
  const fs::path out = dir / "gate-readback.h5";
  fs::remove(out);
  const RunOptions options{st.seed, 1};  // the compiled demand, not a redrawn one
  REQUIRE(run_scenario(sc, options, out).street);
  const io::ResultReader reader(out);
  REQUIRE(reader.has_street());

  const io::StreetGeometry g = reader.street_geometry();
  CHECK(g == street_geometry(st));  // bit for bit
  std::size_t lanes = 0, stalls = 0;
  for (const StreetLink& l : st.links) lanes += l.lanes;
  for (const StreetZone& z : st.zones) stalls += z.stalls.size();
  CHECK(g.lanes.size() == lanes);
  CHECK(g.stalls.size() == stalls);
  CHECK(g.link_names.size() == st.links.size());
  REQUIRE(g.crossings.size() == 1);
  CHECK(g.crossing_names == std::vector<std::string>{"zebra"});
  CHECK(g.crossings[0].kind == 0);  // a zebra
  CHECK(g.crossings[0].width == 4.0);
  REQUIRE(g.vehicle_types.size() == 1);
  CHECK(g.vehicle_type_names[0] == "car");
  CHECK(g.vehicle_types[0].length == st.spec.vehicle_types[0].idm.length);
  CHECK(g.vehicle_types[0].width == st.spec.vehicle_types[0].width);
  std::size_t footpaths = 0;
  for (const io::SidewalkRow& w : g.sidewalks) footpaths += w.kind == 2;
  CHECK(footpaths == 1);

  // The frames are those of the same street stepped again.
  CHECK(reader.street_fps() == kFps);
  // Stepped here on its own, tick by tick, with a frame before every second
  // tick: the engine's queue must interleave ticks and frames just so.
  StreetSim sim(st, st.seed);
  std::vector<io::StreetFrameRow> expected;
  const double dt = st.spec.vehicle_dt;
  REQUIRE(dt == 0.25);
  for (std::int64_t k = 0; !sim.finished() && k < 4 * 3600; ++k) {
    if (k % 2 == 0) append_street_frame(sim, k / 2, static_cast<double>(k / 2) / kFps, expected);
    sim.step(static_cast<double>(k) * dt, dt);
  }
  const std::vector<io::StreetFrameRow> frames = reader.street_frames();
  REQUIRE(!frames.empty());
  CHECK(frames == expected);
  const std::vector<io::StreetVehicleRow> vehicles = reader.street_vehicles();
  CHECK(vehicles.size() == st.vehicles.size());

  // Every vehicle's centre lies in a lane (trailing its front bumper by half
  // its length past the ends of a link) or in a stall.
  std::size_t astray = 0;
  for (const io::StreetFrameRow& f : frames) {
    if (f.kind != 0) continue;
    REQUIRE(f.id >= 0);
    REQUIRE(static_cast<std::size_t>(f.id) < vehicles.size());
    const double half = g.vehicle_types[static_cast<std::size_t>(vehicles[f.id].type)].length / 2.0;
    bool placed = false;
    for (const io::LaneRow& l : g.lanes)
      placed = placed || in_strip(f.x, f.y, l.x0, l.y0, l.x1, l.y1, l.width / 2.0, half);
    for (const io::StallPlaceRow& s : g.stalls) {
      const double dx = std::cos(s.heading) * s.length / 2.0, dy = std::sin(s.heading) * s.length / 2.0;
      placed = placed || in_strip(f.x, f.y, s.x - dx, s.y - dy, s.x + dx, s.y + dy, s.width / 2.0, 0.0);
    }
    astray += !placed;
  }
  CHECK(astray == 0);
}
