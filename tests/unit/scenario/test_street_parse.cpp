// The street section of a scenario file, read into StreetSpec and compiled.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "sim/scenario/load_scenario.hpp"
#include "sim/scenario/parse_scenario.hpp"

using namespace campusflow;
namespace fs = std::filesystem;

namespace {

const fs::path kGate = fs::path(CAMPUSFLOW_SOURCE_DIR) / "scenarios" / "gate";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("The gate scenario's street is read as written", "[scenario][street]") {
  Diagnostics diags("base.json");
  const auto spec = parse_scenario(read(kGate / "base.json"), diags, kGate);
  for (const auto& m : diags.messages()) UNSCOPED_INFO(m);
  REQUIRE(spec);
  REQUIRE(spec->street);
  const StreetSpec& s = *spec->street;
  CHECK(spec->levels.empty());
  CHECK(s.nodes.size() == 4);
  REQUIRE(s.links.size() == 6);
  CHECK(s.links[1].name == "wg");
  CHECK(s.links[1].length == 244.5);
  CHECK(s.links[1].lanes.size() == 2);
  CHECK(s.links[1].speed_limit == 8.33);
  // Without "connections", every turn but a U-turn: art>wg, wg>ge, eg>gw, gw>wa.
  CHECK(s.connections.size() == 4);
  // Without "vehicle_types": SUMO's passenger car and a bus.
  REQUIRE(s.vehicle_types.size() == 2);
  CHECK(s.vehicle_types[0].idm.length == 4.6);
  CHECK(s.vehicle_types[1].vehicle_class == VehicleClass::kBus);
  REQUIRE(s.curb_zones.size() == 1);
  CHECK(s.curb_zones[0].stalls == 8);
  CHECK(s.curb_zones[0].stall_length == 7.0);
  CHECK(s.curb_zones[0].kind == CurbKind::kLayBy);
  REQUIRE(s.no_car_zone);
  CHECK(s.no_car_zone->radius == 50.0);
  REQUIRE(s.flows.size() == 2);
  CHECK(s.flows[0].drop_off);
  CHECK(s.flows[0].dwell.kind == DistributionKind::kUniform);
  REQUIRE(s.walk_in_flows.size() == 1);
  CHECK(s.walk_in_flows[0].position_max == 120.0);
}

TEST_CASE("The gate scenario compiles: 600 cars/h for 20 min are about 200 drop-offs", "[scenario][street]") {
  const LoadResult r = load_scenario_file(kGate / "base.json");
  for (const auto& m : r.errors) UNSCOPED_INFO(m);
  REQUIRE(r.scenario);
  REQUIRE(r.scenario->street);
  std::size_t drop_offs = 0;
  for (const DemandVehicle& v : r.scenario->street->vehicles) drop_offs += v.spec.drop_off;
  // Poisson: 200 expected, sd 14.
  CHECK(drop_offs > 160);
  CHECK(drop_offs < 240);
  CHECK(r.scenario->street->walk_ins.size() > 60);  // 100 expected
}

TEST_CASE("An explicit demand file beside the scenario is read row by row", "[scenario][street]") {
  const fs::path dir = fs::path(CAMPUSFLOW_BINARY_DIR) / "test-street";
  fs::create_directories(dir);
  std::ofstream(dir / "cars.csv") << "# two cars and a pupil\n"
                                     "kind,id,time,type,route,dwell,children,escort,zone,link,position\n"
                                     "drop_off,v1,10.5,car,r_eb,42.5,2,1,bay,,\n"
                                     "car,t1,12,,r_wb,,,,,,\n"
                                     "walk_in,w1,3,,,,,,,eg,55.5\n";
  std::string text = read(kGate / "base.json");
  const auto at = text.find("\"demand\"");
  REQUIRE(at != std::string::npos);
  text = text.substr(0, at) + "\"demand\": {\"file\": \"cars.csv\"}\n  }\n}\n";
  Diagnostics diags("cars.json");
  const auto spec = parse_scenario(text, diags, dir);
  for (const auto& m : diags.messages()) UNSCOPED_INFO(m);
  REQUIRE(spec);
  const StreetSpec& s = *spec->street;
  REQUIRE(s.vehicles.size() == 2);
  CHECK(s.vehicles[0].id == "v1");
  CHECK(s.vehicles[0].drop_off);
  CHECK(s.vehicles[0].dwell == 42.5);
  CHECK(s.vehicles[0].children == 2);
  CHECK(s.vehicles[0].escort);
  CHECK(s.vehicles[0].zone == std::optional<std::size_t>(0));
  CHECK_FALSE(s.vehicles[1].drop_off);
  CHECK(s.vehicles[1].route == 1);
  REQUIRE(s.walk_ins.size() == 1);
  CHECK(s.walk_ins[0].link == 3);
  CHECK(s.walk_ins[0].position == 55.5);
}
