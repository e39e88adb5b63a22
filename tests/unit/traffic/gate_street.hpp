#pragma once
// The school-gate corridor of bench/sumo and scenarios/gate, built in code
// for unit tests: arterial nA -> nW (300 m, 2 lanes, 50 km/h), school street
// nW -> nG (244.5 m, 2 lanes, 30 km/h) with the drop-off zone on its curb
// lane, nG -> nE (148.5 m), one lane back west, a zebra over the west arm of
// nG and the gate 30 m south of it.
#include "sim/traffic/compile_street.hpp"

namespace campusflow::test {

inline StreetSpec gate_street(CurbZoneSpec zone, double radius = 50.0) {
  StreetSpec s;
  VehicleTypeSpec car;
  car.name = "car";
  s.vehicle_types.push_back(car);
  s.nodes = {{"nA", {0, 0}}, {"nW", {300, 0}}, {"nG", {550, 0}}, {"nE", {700, 0}}};
  auto link = [&](const char* name, std::size_t from, std::size_t to, double length, double v, int lanes) {
    LinkSpec l;
    l.name = name;
    l.from = from;
    l.to = to;
    l.length = length;
    l.speed_limit = v;
    l.lanes.resize(static_cast<std::size_t>(lanes));
    l.sidewalk_width = 2.0;
    s.links.push_back(l);
  };
  link("art", 0, 1, 300.0, 13.89, 2);   // 0
  link("wg", 1, 2, 244.5, 8.33, 2);     // 1
  link("ge", 2, 3, 148.5, 8.33, 2);     // 2
  link("eg", 3, 2, 148.5, 8.33, 1);     // 3
  link("gw", 2, 1, 244.5, 8.33, 1);     // 4
  link("wa", 1, 0, 300.0, 13.89, 1);    // 5
  s.connections = {{0, 1}, {1, 2}, {3, 4}, {4, 5}};
  CrossingSpec zebra;
  zebra.name = "zebra";
  zebra.node = 2;
  zebra.links = {1, 4};
  s.crossings.push_back(zebra);
  GateSpec gate;
  gate.name = "gate";
  gate.node = 2;
  gate.position = {550, -40};
  gate.path_length = 30.0;
  s.gates.push_back(gate);
  zone.name = "bay";
  zone.link = 1;
  s.curb_zones.push_back(zone);
  s.no_car_zone = NoCarZoneSpec{0, radius, 0.0, 1e9, 1.0};
  s.routes = {{"r_eb", {0, 1, 2}}, {"r_wb", {3, 4, 5}}};
  return s;
}

inline CurbZoneSpec lay_by(std::uint32_t stalls = 8, double end = 186.0) {
  CurbZoneSpec z;
  z.kind = CurbKind::kLayBy;
  z.stalls = stalls;
  z.stall_length = 7.0;
  z.end = end;
  z.start = end - 7.0 * stalls;
  return z;
}

inline FlowSpec drop_offs(double rate, double from, double to, Distribution dwell) {
  FlowSpec f;
  f.route = 0;
  f.rate = rate;
  f.from = from;
  f.to = to;
  f.drop_off = true;
  f.children = 1;
  f.dwell = dwell;
  return f;
}

}  // namespace campusflow::test
