#include "sim/engine/street_results.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/street_geometry.hpp"

namespace campusflow {

namespace {

constexpr double kThroughputBin = 300.0;  // [s] drop-off throughput per 5 minutes

}  // namespace

StreetReport street_report(const StreetSim& sim, double end_time) {
  StreetReport r;
  r.end_time = end_time;
  r.finished = sim.finished();
  r.vehicles = sim.vehicles().size();
  for (const Vehicle& v : sim.vehicles()) r.unfinished += v.phase != VehiclePhase::kDone;
  r.pedestrians = sim.walkers().size();
  r.vehicle_updates = sim.vehicle_updates();
  r.state_hash = sim.state_hash();
  double delay = 0.0;
  std::size_t finished = 0;
  for (const Vehicle& v : sim.vehicles()) {
    const DemandVehicle& d = sim.street().vehicles[v.demand];
    r.drop_offs += v.stop_end >= 0.0;
    if (!d.spec.drop_off || v.arrival < 0.0) continue;
    delay += v.arrival - d.spec.time - (v.stop_end - v.stop_start) - d.free_flow_time;
    ++finished;
  }
  if (finished > 0) r.mean_delay = delay / static_cast<double>(finished);
  double dwell = 0.0;
  std::size_t picked_up = 0;
  for (const Vehicle& v : sim.vehicles()) {
    if (!sim.street().vehicles[v.demand].spec.pick_up || v.stop_end < 0.0) continue;
    dwell += v.stop_end - v.stop_start;
    ++picked_up;
  }
  if (picked_up > 0) r.mean_pick_up_dwell = dwell / static_cast<double>(picked_up);
  for (double q : sim.queue_tails()) r.max_queue_tail = std::max(r.max_queue_tail, q);
  for (const SpillbackEpisode& e : sim.spillbacks()) r.spillback_seconds += e.end - e.start;
  double walked = 0.0, walk_time = 0.0;
  std::size_t arrived = 0;
  for (const Walker& w : sim.walkers()) {
    if (w.kind != WalkerKind::kFromCar || w.arrival < 0.0) continue;
    walked += w.distance;
    walk_time += w.arrival - w.start;
    r.max_walk = std::max(r.max_walk, w.distance);
    ++arrived;
  }
  if (arrived > 0) {
    r.mean_walk = walked / static_cast<double>(arrived);
    r.mean_walk_time = walk_time / static_cast<double>(arrived);
  }
  r.conflicts = sim.conflicts().size();
  // The line at a moment: those who joined and were not yet called. Its
  // longest is at someone's joining: count over the joins in time order.
  std::vector<std::pair<double, int>> line_changes;
  double waited = 0.0;
  for (const Walker& w : sim.walkers()) {
    if (w.queued < 0.0 || w.check_start < 0.0) continue;
    ++r.checked;
    waited += w.check_start - w.queued;
    line_changes.push_back({w.queued, +1});
    line_changes.push_back({w.check_start, -1});
  }
  if (r.checked > 0) r.mean_check_wait = waited / static_cast<double>(r.checked);
  std::sort(line_changes.begin(), line_changes.end());  // at equal times calls (-1) before joins
  long line = 0;
  for (const auto& change : line_changes) {
    line += change.second;
    r.max_check_line = std::max(r.max_check_line, static_cast<std::size_t>(std::max(0L, line)));
  }
  return r;
}

namespace {

// A link's direction of travel [rad, counter-clockwise from +x].
double link_heading(const CompiledStreet& st, std::uint32_t link) {
  return std::atan2(st.links[link].dir.y(), st.links[link].dir.x());
}

// Signal heads and crossing guards, drawn beside the kerb: a head 0.8 m
// outside the curb lane at its link's stop line (one per signalised
// connection, 1.2 m apart along the kerb when a link has several), a guard
// 1 m outside the kerb at the crossing's first leg, while on duty. Their
// state is the row's kind (docs/result-format.md).
void append_controls(const StreetSim& sim, std::int64_t frame, double time, std::vector<io::StreetFrameRow>& rows) {
  const CompiledStreet& st = sim.street();
  auto kerb = [&](std::uint32_t link) { return st.lane_offset(link, 0) + st.lane_width(link) / 2.0; };
  std::vector<int> heads_on(st.links.size(), 0);
  for (std::size_t c = 0; c < st.spec.connections.size(); ++c) {
    const int aspect = sim.signal_aspect(static_cast<std::int32_t>(c), time);
    if (aspect < 0) continue;
    const auto link = static_cast<std::uint32_t>(st.spec.connections[c].from_link);
    const double along = st.links[link].length - 0.5 - 1.2 * heads_on[link]++;
    const Vec2 p = st.road_point(link, along, kerb(link) + 0.8);
    rows.push_back({frame, static_cast<std::int8_t>(io::kFrameSignalRed + aspect), static_cast<std::int32_t>(c), p.x(),
                    p.y(), link_heading(st, link), 0.0});
  }
  for (std::size_t g = 0; g < st.spec.guards.size(); ++g) {
    const GuardSpec& guard = st.spec.guards[g];
    const StreetCrossing& x = st.crossings[guard.crossing];
    if (time < guard.from || time >= guard.to || x.legs.empty()) continue;
    const CrossingLeg& leg = x.legs.front();
    const Vec2 p = st.road_point(leg.link, (leg.start + leg.end) / 2.0, kerb(leg.link) + 1.0);
    rows.push_back({frame, sim.guard_holding(g) ? io::kFrameGuardHolding : io::kFrameGuardIdle,
                    static_cast<std::int32_t>(g), p.x(), p.y(), link_heading(st, leg.link), 0.0});
  }
}

}  // namespace

void append_street_frame(const StreetSim& sim, std::int64_t frame, double time, std::vector<io::StreetFrameRow>& rows) {
  const CompiledStreet& st = sim.street();
  for (std::size_t i = 0; i < sim.vehicles().size(); ++i) {
    const Vehicle& v = sim.vehicles()[i];
    if (v.phase == VehiclePhase::kPending || v.phase == VehiclePhase::kDone) continue;
    const Vec2 p = sim.vehicle_position(v);
    rows.push_back({frame, io::kFrameVehicle, static_cast<std::int32_t>(i), p.x(), p.y(), link_heading(st, v.link), v.v});
  }
  for (std::size_t i = 0; i < sim.walkers().size(); ++i) {
    const Walker& w = sim.walkers()[i];
    if (w.arrival >= 0.0 || w.start > time || w.piece >= w.pieces.size()) continue;
    const Vec2 p = sim.walker_position(w);
    const Vec2 d = w.pieces[w.piece].b - w.pieces[w.piece].a;
    rows.push_back({frame, io::kFramePedestrian, static_cast<std::int32_t>(i), p.x(), p.y(), std::atan2(d.y(), d.x()), w.speed});
  }
  append_controls(sim, frame, time, rows);
}

io::StreetTables street_tables(const StreetSim& sim) {
  const CompiledStreet& st = sim.street();
  io::StreetTables t;
  for (const Vehicle& v : sim.vehicles()) {
    const DemandVehicle& d = st.vehicles[v.demand];
    const double dwell = v.stop_end >= 0.0 ? v.stop_end - v.stop_start : 0.0;
    const double delay = v.arrival >= 0.0 ? v.arrival - d.spec.time - dwell - d.free_flow_time : -1.0;
    t.vehicle_ids.push_back(d.spec.id);
    t.vehicles.push_back({static_cast<std::int32_t>(d.spec.type), static_cast<std::int32_t>(d.spec.route),
                          static_cast<std::int8_t>(d.spec.drop_off), d.spec.time, v.depart, v.arrival, v.stop_start, v.stop_end,
                          d.zone, v.served_stall, static_cast<std::int8_t>(d.in_lane_stop),
                          d.free_flow_time, delay, v.distance});
  }
  for (const Walker& w : sim.walkers()) {
    t.pedestrian_ids.push_back(w.id);
    t.pedestrians.push_back({static_cast<std::int8_t>(w.kind), w.start, w.arrival, w.distance, w.waited});
  }
  for (const StreetApproach& a : st.approaches) t.approach_names.push_back(a.name);
  for (const StreetZone& z : st.zones) t.zone_names.push_back(z.spec.name);
  t.queue_time = sim.queue_times();
  t.queue_tail = sim.queue_tails();
  for (const SpillbackEpisode& e : sim.spillbacks()) t.spillback.push_back({e.approach, e.start, e.end, e.extent});
  // Drop-offs completed (the car has left its stop) per zone and 5-minute bin.
  std::vector<std::vector<std::int32_t>> bins(st.zones.size() + 1);
  for (const Vehicle& v : sim.vehicles()) {
    if (v.stop_end < 0.0) continue;
    const std::int32_t z = st.vehicles[v.demand].zone;
    auto& b = bins[z >= 0 ? static_cast<std::size_t>(z) : st.zones.size()];
    const auto k = static_cast<std::size_t>(v.stop_end / kThroughputBin);
    if (b.size() <= k) b.resize(k + 1, 0);
    ++b[k];
  }
  for (std::size_t z = 0; z < bins.size(); ++z)
    for (std::size_t k = 0; k < bins[z].size(); ++k)
      t.throughput.push_back({z < st.zones.size() ? static_cast<std::int32_t>(z) : -1, static_cast<double>(k) * kThroughputBin, bins[z][k]});
  for (const Conflict& c : sim.conflicts())
    t.conflicts.push_back({static_cast<std::int8_t>(c.kind), c.time, c.a, c.b, c.value, c.x, c.y});
  std::size_t flat = 0;
  for (std::size_t z = 0; z < st.zones.size(); ++z)
    for (std::size_t k = 0; k < st.zones[z].stalls.size(); ++k, ++flat) {
      std::int32_t services = 0;
      for (const Vehicle& v : sim.vehicles())
        services += st.vehicles[v.demand].zone == static_cast<std::int32_t>(z) &&
                    v.served_stall == static_cast<std::int32_t>(k);
      t.stalls.push_back({static_cast<std::int32_t>(z), static_cast<std::int32_t>(k), sim.stall_busy()[flat], services});
    }
  t.geometry = street_geometry(st);
  t.vehicle_updates = sim.vehicle_updates();
  t.vehicle_dt = st.spec.vehicle_dt;
  return t;
}

}  // namespace campusflow
