#include "sim/engine/journeys.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/random.hpp"
#include "sim/engine/simulation.hpp"

namespace campusflow {

Journeys::Journeys(const CompiledScenario& sc, StreetSim* street, std::uint64_t seed) : sc_(sc) {
  if (!street) return;
  const auto gate = std::find_if(sc.exit_gate.begin(), sc.exit_gate.end(), [](std::int32_t g) { return g >= 0; });
  if (gate == sc.exit_gate.end()) return;
  active_ = true;
  for (std::size_t g = 0; g < sc.class_groups(); ++g) {
    const CompiledGroup& group = sc.groups[g];
    for (std::uint32_t k = group.teacher ? 1 : 0; k < group.count; ++k) pupils_.push_back(group.first_agent + k);
  }
  // Which pupils are fetched: a uniform shuffle (Fisher-Yates) of the
  // pupils, the first ones taking the pick-up slots in demand order.
  std::vector<std::uint32_t> order = pupils_;
  const RandomStream rs(seed, RandomPurpose::kWayHome, 0);
  for (std::size_t k = order.size(); k > 1; --k) {
    const auto j = static_cast<std::size_t>(rs.uniform01(k) * static_cast<double>(k));
    std::swap(order[k - 1], order[std::min(j, k - 1)]);
  }
  slot_of_.assign(sc.agent_count, -1);
  pupil_of_.assign(street->pick_up_slots(), -1);
  for (std::size_t s = 0; s < pupil_of_.size(); ++s) {
    if (s >= order.size()) {
      ++unpaired_;
      continue;
    }
    pupil_of_[s] = static_cast<std::int32_t>(order[s]);
    slot_of_[order[s]] = static_cast<std::int32_t>(s);
  }
  gate_time_.assign(sc.agent_count, -1.0);
  called_at_.assign(sc.agent_count, -1.0);
  elsewhere_.assign(sc.agent_count, 0);
  street->take_pupils_from_building(sc.street->spec.gates[static_cast<std::size_t>(*gate)].call_distance);
}

void Journeys::on_exits(std::span<const ExitRecord> exits, StreetSim& street) {
  if (!active_) return;
  for (const ExitRecord& e : exits) {
    const std::int32_t slot = slot_of_[e.agent];
    if (sc_.exit_gate[e.exit] < 0) {
      elsewhere_[e.agent] = slot >= 0;  // its parent's car waits for it in vain
      continue;
    }
    gate_time_[e.agent] = e.time;
    if (slot >= 0) street.pupil_at_gate(static_cast<std::size_t>(slot), e.agent, e.time);
  }
}

void Journeys::on_calls(const StreetSim& street, double t) {
  for (const std::uint32_t slot : street.calls())
    if (pupil_of_[slot] >= 0) called_at_[static_cast<std::size_t>(pupil_of_[slot])] = t;
}

JourneyCounts Journeys::count(const Agents& agents, const StreetSim& street, double t) const {
  JourneyCounts c;
  c.pupils = pupils_.size();
  c.peak_at_gate = peak_at_gate_;
  c.peak_at_gate_time = peak_at_gate_time_;
  double waited = 0.0, last = 0.0;
  std::size_t fetched = 0;
  for (const std::uint32_t id : pupils_) {
    const std::int32_t slot = slot_of_[id];
    (slot >= 0 ? c.by_car : c.on_foot) += 1;
    if (agents.exit_time[id] < 0.0) {
      ++c.in_building;
    } else if (elsewhere_[id] || gate_time_[id] < 0.0) {
      // Out by an exit that is no gate: home on foot, unless a car waits for it.
      (elsewhere_[id] ? c.unaccounted : c.gone) += 1;
    } else if (slot < 0) {
      ++c.gone;
    } else {
      const std::int32_t k = street.slot_walker(static_cast<std::size_t>(slot));
      const Walker* w = k >= 0 ? &street.walkers()[static_cast<std::size_t>(k)] : nullptr;
      if (!w || w->pupil != static_cast<std::int32_t>(id)) {
        (w ? c.unaccounted : c.at_gate) += 1;  // a walker that is not this pupil's: the pairing broke
      } else if (w->start > t) {
        ++c.at_gate;
      } else if (w->arrival < 0.0) {
        ++c.walking;
      } else {
        const Vehicle& v = street.vehicles()[static_cast<std::size_t>(w->vehicle)];
        // At the curb before its car stopped there (a call line): still on its way.
        (v.phase == VehiclePhase::kDone ? c.gone : v.stop_start < 0.0 ? c.walking : c.in_car) += 1;
        if (v.phase == VehiclePhase::kDone) last = std::max(last, v.arrival);
      }
      if (w && w->pupil == static_cast<std::int32_t>(id) && w->start <= t) {
        waited += w->start - gate_time_[id];
        ++fetched;
      }
    }
    if (slot < 0 && agents.exit_time[id] >= 0.0) last = std::max(last, agents.exit_time[id]);
  }
  if (fetched > 0) c.mean_gate_wait = waited / static_cast<double>(fetched);
  double parents_waited = 0.0;
  std::size_t parents = 0;
  for (const Walker& w : street.walkers())
    if (w.kind == WalkerKind::kFetch && w.met >= 0.0) {
      parents_waited += w.met - w.at_gate;
      ++parents;
    }
  if (parents > 0) c.mean_parent_wait = parents_waited / static_cast<double>(parents);
  if (c.gone == c.pupils) c.last_home = last;
  return c;
}

void Journeys::sample(const Agents& agents, const StreetSim& street, double t) {
  const JourneyCounts c = count(agents, street, t);
  if (t >= next_series_) {
    waiting_series_.push_back(t);
    waiting_series_.push_back(static_cast<double>(c.at_gate));
    next_series_ = std::floor(t) + 1.0;
  }
  if (c.at_gate > peak_at_gate_) {
    peak_at_gate_ = c.at_gate;
    peak_at_gate_time_ = t;
  }
}

std::vector<io::JourneyRow> Journeys::rows(const Agents& agents, const StreetSim& street) const {
  std::vector<io::JourneyRow> out;
  auto finite = [](double x) { return std::isfinite(x) ? x : -1.0; };
  for (const std::uint32_t id : pupils_) {
    io::JourneyRow r{static_cast<std::int32_t>(id), 0, -1, -1, -1.0, called_at_[id], agents.exit_time[id],
                     gate_time_[id], -1.0, -1.0, -1.0};
    if (agents.release[id] != kNever) r.released = us_to_seconds(agents.release[id]);
    const std::int32_t slot = slot_of_[id];
    if (slot < 0) {
      r.left_gate = r.left_area = r.at_gate;  // home on foot
    } else {
      const std::uint32_t i = street.slot_vehicle(static_cast<std::size_t>(slot));
      const Vehicle& v = street.vehicles()[i];
      r.way = street.street().spec.vehicle_types[v.type].vehicle_class == VehicleClass::kBus ? 2 : 1;
      r.vehicle = static_cast<std::int32_t>(i);
      r.pedestrian = street.slot_walker(static_cast<std::size_t>(slot));
      if (r.pedestrian >= 0) {
        const Walker& w = street.walkers()[static_cast<std::size_t>(r.pedestrian)];
        if (r.at_gate >= 0.0) r.left_gate = finite(w.start);
        r.boarded = w.arrival >= 0.0 && v.stop_start >= 0.0 ? std::max(w.arrival, v.stop_start) : -1.0;
        if (w.arrival >= 0.0) r.left_area = v.arrival;
      }
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace campusflow
