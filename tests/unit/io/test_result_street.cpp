// The street part of a result (/campusflow/street, its geometry and the
// street frames) reads back bit for bit; a result without one reads as empty.
#include <catch2/catch.hpp>
#include <filesystem>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

namespace {

// Values with bits that a float32 or text round trip would change.
StreetGeometry sample_geometry() {
  StreetGeometry g;
  g.lanes = {{0, 0, 0.0, -4.8, 300.0 / 7.0, -4.8, 3.2}, {0, 1, 0.0, -1.6, 300.0 / 7.0, -1.6, 3.2},
             {1, 0, 1.0 / 3.0, 1.6, -2.5, 1.6, 3.0}};
  g.sidewalks = {{0.0, -7.4, 300.0 / 7.0, -7.4, 2.0, 0, 0}, {550.0, -8.4, 550.0, -38.4, 2.5, 2, -1},
                 {305.5, 4.2, 300.0, 4.2, 2.0, 1, -1}};
  g.crossings = {{0, 548.0, 3.2, 548.0, -6.4, 4.0, 0}, {1, 1.0 / 7.0, 0.0, 2.0, 1e-9, 3.0, 3}};
  g.stalls = {{0, 0, 0, 482.5, -8.0, 0.0, 7.0, 3.2}, {1, 2, 2, 10.0, -1.0 / 3.0, -3.14159, 6.5, 2.75}};
  g.vehicle_types = {{0, 4.6, 1.8}, {1, 12.0, 2.5}};
  g.link_names = {"art", "wg"};
  g.crossing_names = {"zebra", "Schülerlotse"};  // UTF-8 kept
  g.vehicle_type_names = {"car", "bus"};
  return g;
}

std::vector<StreetFrameRow> sample_frames() {
  return {{0, 0, 0, 1.0 / 3.0, -4.8, 0.0, 8.33}, {0, 1, 0, 310.0, -7.4, -1.5707963267948966, 1.2},
          {1, 0, 0, 5.5 / 3.0, -4.8, 0.0, 8.33}, {1, 0, 1, 700.0, 1.6, 3.141592653589793, 7.0}};
}

StreetTables sample_street() {
  StreetTables t;
  t.vehicle_ids = {"car 1", "car 2"};
  t.pedestrian_ids = {"pupil 1"};  // the frames' pedestrian 0
  t.pedestrians = {{1, 12.5, 80.25, 120.0, 3.5}};
  t.vehicles = {{0, 0, 1, 0.5, 0.75, 90.25, 40.0, 75.5, 0, 3, 0, 60.0, 14.75, 744.5},
                {1, 1, 0, 2.0, 2.0, -1.0, -1.0, -1.0, -1, -1, 0, 80.0, -1.0, 123.0 / 7.0}};
  t.approach_names = {"bay"};
  t.zone_names = {"bay"};
  t.geometry = sample_geometry();
  return t;
}

}  // namespace

TEST_CASE("a street's geometry, vehicles and frames read back with identical values", "[io][street]") {
  const fs::path path = scratch("street.h5");
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 10.0, sample_info(), levels);
    const std::vector<StreetFrameRow> frames = sample_frames();
    w.append_street_frame(std::span(frames).first(2), 2.0);
    w.append_street_frame(std::span(frames).subspan(2), 2.0);
    w.write_street(sample_street());
    w.finish(sample_summary(), 0.75);
  }
  const ResultReader r(path);
  CHECK(r.has_street());
  CHECK(r.street_fps() == 2.0);
  CHECK(r.street_frames() == sample_frames());
  CHECK(r.street_vehicles() == sample_street().vehicles);
  CHECK(r.street_geometry() == sample_geometry());
}

TEST_CASE("a street without crossings or stalls reads back with empty tables", "[io][street]") {
  const fs::path path = scratch("street-bare.h5");
  StreetTables t = sample_street();
  t.geometry.crossings.clear();
  t.geometry.crossing_names.clear();
  t.geometry.stalls.clear();
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 10.0, sample_info(), levels);
    w.write_street(t);
    w.finish(sample_summary(), 0.75);
  }
  const ResultReader r(path);
  CHECK(r.has_street());
  CHECK(r.street_fps() == 0.0);  // no frames were written
  CHECK(r.street_frames().empty());
  CHECK(r.street_geometry() == t.geometry);
}

TEST_CASE("a result without a street reads as having none, without an exception", "[io][street]") {
  const fs::path path = scratch("no-street.h5");
  write_sample_result(path);
  const ResultReader r(path);
  CHECK_FALSE(r.has_street());
  CHECK(r.street_fps() == 0.0);
  CHECK(r.street_frames().empty());
  CHECK(r.street_vehicles().empty());
  CHECK(r.street_geometry() == StreetGeometry{});
}
