// Pupils from the building on the street (docs/models/journeys.md): a
// pick-up child is a pupil of the building who leaves it by the gate and
// waits there until a parent, who walked from the stall, fetches it; with a
// call line the car calls the pupil from the gate as it nears its stall, and
// the pupil walks to the stall alone. A bus's pupils walk to it once it stands.
#include <algorithm>
#include <limits>
#include <string>

#include "sim/core/random.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

void StreetSim::number_slots() {
  slot_base_.assign(vehicles_.size(), -1);
  for (std::uint32_t i = 0; i < vehicles_.size(); ++i) {
    const DemandVehicle& d = street_.vehicles[i];
    if (!d.spec.pick_up || d.spec.children == 0) continue;
    slot_base_[i] = static_cast<std::int32_t>(slot_vehicle_.size());
    slot_vehicle_.insert(slot_vehicle_.end(), d.spec.children, i);
  }
  slot_gate_.assign(slot_vehicle_.size(), std::numeric_limits<double>::infinity());
  slot_pupil_.assign(slot_vehicle_.size(), -1);
  slot_walker_.assign(slot_vehicle_.size(), -1);
  slot_ready_.assign(slot_vehicle_.size(), -1.0);
  called_.assign(vehicles_.size(), 0);
}

void StreetSim::take_pupils_from_building(std::optional<double> call_distance) {
  from_building_ = true;
  call_distance_ = call_distance;
}

void StreetSim::pupil_at_gate(std::size_t slot, std::uint32_t pupil, double t) {
  slot_gate_[slot] = t;
  slot_pupil_[slot] = static_cast<std::int32_t>(pupil);
  if (slot_walker_[slot] < 0) return;  // its car is not there yet: it waits at the gate
  Walker& w = walkers_[static_cast<std::size_t>(slot_walker_[slot])];
  w.start = std::max(slot_ready_[slot], t);
  w.pupil = static_cast<std::int32_t>(pupil);
}

void StreetSim::add_pupil_walker(std::uint32_t i, std::uint32_t c, const std::vector<WalkPiece>& way, double t) {
  const DemandVehicle& d = street_.vehicles[i];
  const auto slot = static_cast<std::size_t>(slot_base_[i]) + c;
  Walker w;
  w.id = d.spec.id + "/" + std::to_string(c);
  w.kind = WalkerKind::kToCar;
  w.pieces = way;
  w.vehicle = static_cast<std::int32_t>(i);
  ++vehicles_[i].awaiting;
  slot_ready_[slot] = t;
  slot_walker_[slot] = static_cast<std::int32_t>(walkers_.size());
  w.start = std::max(t, slot_gate_[slot]);  // +inf while its pupil is not at the gate
  w.pupil = slot_pupil_[slot];
  const RandomStream rs(seed_, RandomPurpose::kStreetWalkSpeed, walkers_.size());
  w.speed = std::max(0.3, street_.spec.child_speed.sample(rs));
  walkers_.push_back(std::move(w));
}

bool StreetSim::children_ready(Walker& parent, double t) {
  if (parent.met >= 0.0) return true;
  const auto i = static_cast<std::uint32_t>(parent.vehicle);
  const std::uint32_t children = street_.vehicles[i].spec.children;
  const auto base = static_cast<std::size_t>(slot_base_[i]);
  if (parent.at_gate < 0.0) {
    parent.at_gate = t;
    for (std::size_t slot = base; slot < base + children; ++slot) {
      slot_ready_[slot] = t;
      if (slot_walker_[slot] >= 0) walkers_[static_cast<std::size_t>(slot_walker_[slot])].start = std::max(t, slot_gate_[slot]);
    }
  }
  for (std::size_t slot = base; slot < base + children; ++slot)
    if (slot_walker_[slot] < 0 || walkers_[static_cast<std::size_t>(slot_walker_[slot])].start > t) return false;
  parent.met = t;
  return true;
}

// The call line (smart pick-up): a car that has its stall and is within the
// call distance of it calls its pupils, who set off from the gate to the
// stall then and meet the car there (the walk overlaps the car's last
// metres). A car in a zone without stalls to reserve, or stopping in the
// lane, calls once it stands.
void StreetSim::call_pupils(double t) {
  if (!call_distance_) return;
  for (const std::uint32_t i : active_) {
    if (slot_base_[i] < 0 || called_[i]) continue;
    const Vehicle& v = vehicles_[i];
    const DemandVehicle& d = street_.vehicles[v.demand];
    if (v.phase == VehiclePhase::kManoeuvring || v.phase == VehiclePhase::kParked) {
      called_[i] = 1;  // its children set off as it stops (spawn_children)
    } else if (v.phase == VehiclePhase::kDriving && !v.stopped && d.zone >= 0 && v.step <= v.stop_step) {
      const StreetZone& z = street_.zones[d.zone];
      const bool lot = z.spec.kind == CurbKind::kLot || z.spec.kind == CurbKind::kUnderground;
      if (!lot && v.stall < 0) continue;  // no stall yet: nowhere to send the pupil
      const double stop = lot ? z.spec.start : z.stalls[v.stall].front;
      double to_stop = stop - v.s;
      const auto& links = routes_[v.route];
      for (std::uint32_t k = v.step; k < v.stop_step; ++k) to_stop += street_.links[links[k]].length;
      if (to_stop > *call_distance_) continue;
      called_[i] = 1;
      const std::vector<WalkPiece> way =
          way_to_gate(static_cast<std::uint32_t>(z.spec.link), stop, lot ? z.spec.walk_access : 0.0);
      if (way.empty()) continue;
      const std::vector<WalkPiece> back = reversed(way);
      for (std::uint32_t c = 0; c < d.spec.children; ++c) add_pupil_walker(i, c, back, t);
    } else {
      continue;
    }
    for (std::uint32_t c = 0; c < d.spec.children; ++c) calls_.push_back(static_cast<std::uint32_t>(slot_base_[i]) + c);
  }
}

}  // namespace campusflow
