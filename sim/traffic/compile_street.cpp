#include "sim/traffic/compile_street.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "sim/core/random.hpp"
#include "sim/traffic/street_demand.hpp"

namespace campusflow {

namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string item(const std::string& root, const char* key, std::size_t i) {
  return root + "." + key + "[" + std::to_string(i) + "]";
}

void compile_links(const StreetSpec& s, CompiledStreet& c) {
  for (const LinkSpec& l : s.links) {
    StreetLink out;
    out.name = l.name;
    out.from = static_cast<std::uint32_t>(l.from);
    out.to = static_cast<std::uint32_t>(l.to);
    out.length = l.length;
    out.speed_limit = l.speed_limit;
    out.lanes = static_cast<std::uint32_t>(l.lanes.size());
    for (const LaneSpec& lane : l.lanes) {
      std::uint8_t bits = 0;
      if (lane.allow.empty()) bits = (1u << kVehicleClassCount) - 1;
      for (VehicleClass vc : lane.allow) bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(vc));
      out.lane_allows.push_back(bits);
      out.carriageway += lane.width;
    }
    out.start = s.nodes[l.from].position;
    const Vec2 d = s.nodes[l.to].position - out.start;
    out.dir = d.norm() > 0.0 ? Vec2(d.normalized()) : Vec2::UnitX();
    out.stop_line = out.length;
    c.links.push_back(out);
  }
  for (const ConnectionSpec& k : s.connections) c.links[k.from_link].successors.push_back(static_cast<std::uint32_t>(k.to_link));
}

void compile_signals(const StreetSpec& s, CompiledStreet& c, Diagnostics& diags) {
  const std::string root = s.source_path;
  c.connection_signal.assign(s.connections.size(), -1);
  for (std::size_t i = 0; i < s.signals.size(); ++i) {
    const SignalSpec& sg = s.signals[i];
    StreetSignal out{sg.name, 0.0, sg.offset, sg.phases, {}};
    for (const SignalPhaseSpec& ph : sg.phases) {
      out.cycle += ph.duration;
      out.phase_end.push_back(out.cycle);
    }
    c.signals.push_back(out);
    for (std::size_t k = 0; k < s.connections.size(); ++k) {
      const ConnectionSpec& con = s.connections[k];
      if (s.links[con.from_link].to != sg.node || con.rule != RightOfWay::kSignal) continue;
      c.connection_signal[k] = static_cast<std::int32_t>(i);
      const bool served = std::any_of(sg.phases.begin(), sg.phases.end(), [&](const SignalPhaseSpec& ph) {
        return std::find(ph.green.begin(), ph.green.end(), k) != ph.green.end();
      });
      if (!served)
        diags.error(item(root, "signals", i) + ".phases", "",
                    "never gives green to \"" + s.links[con.from_link].name + ">" + s.links[con.to_link].name +
                        "\": its vehicles would wait for ever");
    }
    for (std::size_t x = 0; x < s.crossings.size(); ++x) {
      if (s.crossings[x].node != sg.node) continue;
      const bool named = std::any_of(sg.phases.begin(), sg.phases.end(), [&](const SignalPhaseSpec& ph) {
        return std::find(ph.walk.begin(), ph.walk.end(), x) != ph.walk.end();
      });
      if (!named)
        diags.error(item(root, "signals", i) + ".phases", "",
                    "never lets pedestrians walk on crossing \"" + s.crossings[x].name + "\" at its node");
    }
  }
  for (std::size_t k = 0; k < s.connections.size(); ++k)
    if (s.connections[k].rule == RightOfWay::kSignal && c.connection_signal[k] < 0)
      diags.error(item(root, "connections", k) + ".rule", "\"signal\"",
                  "needs a signal plan at node \"" + s.nodes[s.links[s.connections[k].from_link].to].name + "\"");
}

void compile_crossings(const StreetSpec& s, CompiledStreet& c) {
  for (const CrossingSpec& x : s.crossings) {
    StreetCrossing out;
    out.name = x.name;
    out.node = static_cast<std::uint32_t>(x.node);
    out.pedestrian_priority = x.pedestrian_priority;
    for (std::size_t li : x.links) {
      const LinkSpec& l = s.links[li];
      out.length += c.links[li].carriageway;
      // From its clockwise kerb, the crossing first spans the link leaving
      // the node along this road, then the link entering it (as Sidewalks
      // lays the crossing out).
      const std::uint32_t far = static_cast<std::uint32_t>(l.to == x.node ? l.from : l.to);
      double out_w = 0.0;
      std::int32_t in_link = -1;
      for (std::size_t k = 0; k < s.links.size(); ++k) {
        if (s.links[k].from == x.node && s.links[k].to == far) out_w = c.links[k].carriageway;
        if (s.links[k].from == far && s.links[k].to == x.node) in_link = static_cast<std::int32_t>(k);
      }
      const double cw = c.links[li].carriageway;
      // Entering the node: the link's last `width` metres (vehicles have no
      // rows in the junction, where the strip lies). Leaving it (links start
      // at their node): where the strip lies.
      if (l.to == x.node) {
        out.legs.push_back({static_cast<std::uint32_t>(li), l.length - x.width, l.length, out_w, out_w + cw});
        // A red signal or a yield line at the node is kept before the strip.
        c.links[li].stop_line = std::min(c.links[li].stop_line, l.length - x.width);
      }
      if (l.from == x.node) {
        const double mid = crossing_middle(s, in_link, x.width);
        out.legs.push_back({static_cast<std::uint32_t>(li), mid - x.width / 2.0, mid + x.width / 2.0, 0.0, cw});
      }
    }
    c.crossings.push_back(out);
  }
  for (std::size_t i = 0; i < c.signals.size(); ++i)
    for (const SignalPhaseSpec& ph : c.signals[i].phases)
      for (std::size_t x : ph.walk) {
        // The signal decides who goes: pedestrians on its walk phase, drivers
        // on their green, who do not stop for pupils waiting at the curb for
        // the walk phase (a zebra's priority on green made them; the parser
        // refuses "priority": true on a signalled crossing).
        c.crossings[x].signal = static_cast<std::int32_t>(i);
        c.crossings[x].pedestrian_priority = false;
      }
  for (std::size_t g = 0; g < s.guards.size(); ++g) c.crossings[s.guards[g].crossing].guard = static_cast<std::int32_t>(g);
}

void compile_zones(const StreetSpec& s, CompiledStreet& c, Diagnostics& diags) {
  const std::string root = s.source_path;
  double longest_car = 0.0;
  std::string longest_name;
  for (const VehicleTypeSpec& t : s.vehicle_types)
    if (t.vehicle_class == VehicleClass::kCar && t.idm.length > longest_car) {
      longest_car = t.idm.length;
      longest_name = t.name;
    }
  for (std::size_t i = 0; i < s.curb_zones.size(); ++i) {
    const CurbZoneSpec& z = s.curb_zones[i];
    const std::string path = item(root, "curb_zones", i);
    const LinkSpec& link = s.links[z.link];
    const bool along = z.kind == CurbKind::kLayBy || z.kind == CurbKind::kInLane;
    if (z.end > link.length + 1e-9 && z.kind != CurbKind::kUnderground)
      diags.error(path + ".end", num(z.end),
                  "puts the curb zone past the end of link \"" + link.name + "\", which is " + num(link.length) +
                      " m long");
    if (z.kind == CurbKind::kUnderground && z.exit_position > s.links[z.exit_link].length + 1e-9)
      diags.error(path + ".exit_position", num(z.exit_position),
                  "is past the end of link \"" + s.links[z.exit_link].name + "\"");
    if (along && z.stall_length * z.stalls > z.end - z.start + 1e-6)
      diags.error(path + ".stalls", std::to_string(z.stalls),
                  "stalls of " + num(z.stall_length) + " m do not fit in the " + num(z.end - z.start) + " m zone");
    if (z.stall_length < longest_car)
      diags.error(path + ".stall_length", num(z.stall_length),
                  "is shorter than a car: vehicle type \"" + longest_name + "\" is " + num(longest_car) + " m long");
    // A car waiting at the garage's entrance (`start`) would stand in the way
    // of one coming out just behind it, and wait for the stall it frees.
    const double gap = longest_car + s.vehicle_types.front().idm.min_gap;
    if (z.kind == CurbKind::kUnderground && z.exit_link == z.link && z.exit_position < z.start &&
        z.exit_position > z.start - gap)
      diags.error(path + ".exit_position", num(z.exit_position),
                  "is less than a car and its gap (" + num(gap) + " m) before the entrance (start, " + num(z.start) +
                      " m) on the same link: a car waiting to enter would block cars coming out");
    StreetZone out{z, {}, 0.0};
    for (std::uint32_t k = 0; k < z.stalls; ++k)
      out.stalls.push_back({along ? z.end - k * z.stall_length : z.start});
    c.zones.push_back(out);
  }
}

void compile_approaches(const StreetSpec& s, CompiledStreet& c, Diagnostics& diags) {
  std::vector<ApproachSpec> specs = s.approaches;
  if (specs.empty())
    for (const CurbZoneSpec& z : s.curb_zones) specs.push_back({z.name, z.link, z.start, s.links[z.link].from});
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const ApproachSpec& a = specs[i];
    StreetApproach out{a.name, static_cast<std::uint32_t>(a.link), a.position,
                       static_cast<std::uint32_t>(a.spill_node), -1.0, {}, {}};
    out.links.push_back(out.link);
    out.end_distance.push_back(a.position - s.links[a.link].length);
    // Walk upstream (never back along the reverse direction) up to 1 km.
    for (std::size_t k = 0; k < out.links.size(); ++k) {
      const LinkSpec& w = s.links[out.links[k]];
      const double start_distance = out.end_distance[k] + w.length;
      if (w.from == a.spill_node && out.spill_distance < 0.0) out.spill_distance = start_distance;
      if (start_distance > 1000.0) continue;
      for (std::size_t u = 0; u < s.links.size(); ++u) {
        const LinkSpec& up = s.links[u];
        const bool known = std::find(out.links.begin(), out.links.end(), u) != out.links.end();
        if (up.to == w.from && up.from != w.to && !known) {
          out.links.push_back(static_cast<std::uint32_t>(u));
          out.end_distance.push_back(start_distance);
        }
      }
    }
    if (out.spill_distance < 0.0)
      diags.error((s.approaches.empty() ? item(s.source_path, "curb_zones", i) : item(s.source_path, "approaches", i)) +
                      ".spill_node",
                  "\"" + s.nodes[a.spill_node].name + "\"", "is not upstream of the reference point");
    c.approaches.push_back(out);
  }
}


// Walking distance from a point of a link's sidewalk to the gate's street
// end: the no-car zone radius is measured along the sidewalks.
double street_distance(const StreetSpec& s, const CompiledStreet& c, std::size_t link, double pos, std::size_t gate) {
  return c.sidewalks.distance_to_gate(static_cast<std::uint32_t>(link), pos, static_cast<std::uint32_t>(gate)) -
         s.gates[gate].path_length;
}

// Where a driver stops: the named zone; else the allowed zone on the route
// nearest the gate; a driver who ignores the no-car zone stops in the lane in
// front of the gate; with no zone allowed, in the lane where the zone ends.
bool assign_stop(const StreetSpec& s, const CompiledStreet& c, std::uint64_t seed, std::size_t row,
                 const VehicleDemand& in, DemandVehicle& v) {
  const RouteSpec& route = s.routes[v.spec.route];
  const std::optional<NoCarZoneSpec>& ncz = s.no_car_zone;
  const std::size_t gate = ncz ? ncz->gate : 0;
  const bool zone_active = ncz && v.spec.time >= ncz->from && v.spec.time < ncz->to;
  const RandomStream rs(seed, RandomPurpose::kDriverCompliance, row);
  const bool complies = !zone_active || rs.uniform01(0) < ncz->compliance;
  auto step_of = [&](std::size_t link) -> std::int32_t {
    const auto it = std::find(route.links.begin(), route.links.end(), link);
    return it == route.links.end() ? -1 : static_cast<std::int32_t>(it - route.links.begin());
  };
  if (in.zone) {
    v.zone = static_cast<std::int32_t>(*in.zone);
    v.stop_route_step = static_cast<std::uint32_t>(std::max(0, step_of(s.curb_zones[*in.zone].link)));
    return step_of(s.curb_zones[*in.zone].link) >= 0;
  }
  double best = kUnreachable;
  if (complies) {
    for (std::size_t z = 0; z < c.zones.size(); ++z) {
      const CurbZoneSpec& zs = c.zones[z].spec;
      const std::int32_t k = step_of(zs.link);
      if (k < 0 || (zs.kind == CurbKind::kUnderground && step_of(zs.exit_link) < k)) continue;
      const double near_end = zs.kind == CurbKind::kLayBy || zs.kind == CurbKind::kInLane ? zs.end : zs.start;
      const double d = s.gates.empty() ? 0.0 : street_distance(s, c, zs.link, near_end, gate) + zs.walk_access;
      if (zone_active && d < ncz->radius) continue;
      if (d < best) {
        best = d;
        v.zone = static_cast<std::int32_t>(z);
        v.stop_route_step = static_cast<std::uint32_t>(k);
      }
    }
    if (v.zone >= 0) return true;
  }
  if (s.gates.empty()) return false;
  for (std::size_t k = 0; k < route.links.size(); ++k) {
    const LinkSpec& l = s.links[route.links[k]];
    if (l.to != s.gates[gate].node) continue;
    double front = l.length - 2.0;
    for (const StreetCrossing& x : c.crossings)
      for (const CrossingLeg& leg : x.legs)
        if (leg.link == route.links[k]) front = std::min(front, leg.start - 2.0);
    if (complies && zone_active) {  // the nearest place outside the zone
      const double at_end = street_distance(s, c, route.links[k], l.length, gate);
      front = std::min(front, l.length - std::max(0.0, ncz->radius - at_end));
    }
    v.in_lane_stop = true;
    v.stop_route_step = static_cast<std::uint32_t>(k);
    v.stop_front = std::max(front, c.max_vehicle_length);
    return true;
  }
  return false;
}

void compile_demand(const StreetSpec& s, std::uint64_t seed, CompiledStreet& c, Diagnostics& diags) {
  const ExpandedDemand d = expand_demand(s, seed);
  for (std::size_t i = 0; i < d.vehicles.size(); ++i) {
    const VehicleDemand& in = d.vehicles[i];
    DemandVehicle v;
    v.spec = in;
    const double v0 = s.vehicle_types[in.type].idm.desired_speed;
    for (std::size_t li : s.routes[in.route].links)
      v.free_flow_time += s.links[li].length / std::min(v0, s.links[li].speed_limit);
    if (in.drop_off && !assign_stop(s, c, seed, i, in, v)) {
      diags.error(s.source_path + ".demand", "\"" + in.id + "\"",
                  "drops off, but its route \"" + s.routes[in.route].name +
                      "\" passes no usable curb zone and no gate");
      continue;
    }
    c.vehicles.push_back(v);
  }
  c.walk_ins = d.walk_ins;
}

// Pupils must be able to walk to the gate from wherever they appear: the
// links of curb zones and of walk-ins need a sidewalk that leads there.
void check_walks(const StreetSpec& s, const CompiledStreet& c, Diagnostics& diags) {
  if (s.gates.empty()) return;
  const std::uint32_t gate = s.no_car_zone ? static_cast<std::uint32_t>(s.no_car_zone->gate) : 0;
  auto reaches = [&](std::size_t link) {
    return std::isfinite(c.sidewalks.distance_to_gate(static_cast<std::uint32_t>(link), 0.0, gate));
  };
  for (std::size_t z = 0; z < s.curb_zones.size(); ++z)
    if (!reaches(s.curb_zones[z].link))
      diags.error(item(s.source_path, "curb_zones", z) + ".link", "\"" + s.links[s.curb_zones[z].link].name + "\"",
                  "has no sidewalk that leads to gate \"" + s.gates[gate].name + "\": its pupils could not walk there");
  for (std::size_t f = 0; f < s.walk_in_flows.size(); ++f)
    if (!reaches(s.walk_in_flows[f].link))
      diags.error(item(s.source_path + ".demand", "walk_in_flows", f) + ".link",
                  "\"" + s.links[s.walk_in_flows[f].link].name + "\"",
                  "has no sidewalk that leads to gate \"" + s.gates[gate].name + "\"");
  for (std::size_t w = 0; w < s.walk_ins.size(); ++w)
    if (!reaches(s.walk_ins[w].link)) {
      diags.error(item(s.source_path + ".demand", "walk_ins", w) + ".link", "\"" + s.links[s.walk_ins[w].link].name + "\"",
                  "has no sidewalk that leads to gate \"" + s.gates[gate].name + "\"");
      break;  // one message for a file of them
    }
}

}  // namespace

std::int32_t CompiledStreet::connection(std::uint32_t a, std::uint32_t b) const {
  for (std::size_t k = 0; k < spec.connections.size(); ++k)
    if (spec.connections[k].from_link == a && spec.connections[k].to_link == b) return static_cast<std::int32_t>(k);
  return -1;
}

CompiledStreet redraw_street(const CompiledStreet& street, std::uint64_t seed) {
  CompiledStreet c = street;
  c.vehicles.clear();
  c.walk_ins.clear();
  c.seed = seed;
  // Stops depend on routes, zones and gates only, which compiled without
  // error once; a vehicle that still finds none is left out.
  Diagnostics ignored(street.spec.source_path);
  compile_demand(street.spec, seed, c, ignored);
  return c;
}

std::optional<CompiledStreet> compile_street(const StreetSpec& spec, std::uint64_t seed, Diagnostics& diags) {
  const std::size_t errors_before = diags.size();
  CompiledStreet c;
  c.spec = spec;
  c.seed = seed;
  c.max_vehicle_length = 0.0;
  for (const VehicleTypeSpec& t : spec.vehicle_types) c.max_vehicle_length = std::max(c.max_vehicle_length, t.idm.length);
  compile_links(spec, c);
  c.sidewalks = Sidewalks(spec);
  compile_signals(spec, c, diags);
  compile_crossings(spec, c);
  compile_zones(spec, c, diags);
  compile_approaches(spec, c, diags);
  for (StreetZone& z : c.zones)
    if (!spec.gates.empty()) {
      const std::size_t gate = spec.no_car_zone ? spec.no_car_zone->gate : 0;
      z.gate_distance = c.sidewalks.distance_to_gate(static_cast<std::uint32_t>(z.spec.link),
                                                     (z.spec.start + z.spec.end) / 2.0, static_cast<std::uint32_t>(gate)) +
                        z.spec.walk_access;
    }
  if (diags.size() == errors_before) check_walks(spec, c, diags);
  if (diags.size() == errors_before) compile_demand(spec, seed, c, diags);
  if (diags.size() != errors_before) return std::nullopt;
  return c;
}

}  // namespace campusflow
