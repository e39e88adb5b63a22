#pragma once
// Pupils' journeys across the two halves of a run (docs/models/journeys.md):
// a pupil is one agent from the classroom to the car seat or home. Which
// pupils a parent's car fetches is drawn on the run's seed; a pupil leaving
// the building by the exit that is the street's gate is at the gate, where
// it goes home on foot, or waits for its car and walks to it. With a call
// line the car calls its pupil from the gate as it comes near its stall.
#include <cstdint>
#include <span>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/io/street_records.hpp"
#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"
#include "sim/traffic/street_sim.hpp"

namespace campusflow {

struct ExitRecord;

// Where every pupil is at one moment; they add up to `pupils`.
struct JourneyCounts {
  std::size_t pupils = 0;
  std::size_t in_building = 0;   // not yet out (waiting for the release or a call included)
  std::size_t at_gate = 0;       // out by the gate, waiting for the parent's car
  std::size_t walking = 0;       // from the gate to the car, or at the curb before the car is there
  std::size_t in_car = 0;        // in the car (or bus), which has not left yet
  std::size_t gone = 0;          // home on foot from the gate, or driven away
  std::size_t unaccounted = 0;   // out by an exit that is no gate while a car waits for it
  std::size_t by_car = 0, on_foot = 0;  // ways home (by_car: a pick-up vehicle's child)
  // Over the run (Journeys::sample, every street tick): the most pupils
  // waiting at the gate for their car at once, and when [s].
  std::size_t peak_at_gate = 0;
  double peak_at_gate_time = -1.0;
  double mean_gate_wait = -1.0;  // [s] fetched pupils, from the gate until they set off to the car; -1 none
  double last_home = -1.0;       // [s] the last pupil home on foot or driven off the street; -1 not all
  double mean_parent_wait = -1.0;  // [s] parents fetching on foot, at the gate until their children are; -1 none

  std::size_t sum() const { return in_building + at_gate + walking + in_car + gone + unaccounted; }
};

class Journeys {
 public:
  // Pairs the street's pick-up slots with pupils of the scenario's classes
  // (the teachers not), drawn on `seed`, and tells the street; inactive when
  // no gate is a building exit.
  Journeys(const CompiledScenario& sc, StreetSim* street, std::uint64_t seed);
  bool active() const { return active_; }
  // Slots of pick-up children left without a pupil (more children than pupils).
  std::size_t unpaired() const { return unpaired_; }

  // Pupils who left the building during a tick: at the gate, or lost.
  void on_exits(std::span<const ExitRecord> exits, StreetSim& street);
  // After a street tick: notes when the cars it called called their pupils.
  void on_calls(const StreetSim& street, double t);

  // Where every pupil is at t, with the figures over the run so far.
  JourneyCounts count(const Agents& agents, const StreetSim& street, double t) const;
  // Samples the pupils waiting at the gate at t (after a street tick).
  void sample(const Agents& agents, const StreetSim& street, double t);
  // Pupils waiting at the gate, once a second: (time [s], pupils) pairs.
  const std::vector<double>& waiting_series() const { return waiting_series_; }
  // One row per pupil, in agent order.
  std::vector<io::JourneyRow> rows(const Agents& agents, const StreetSim& street) const;

 private:
  const CompiledScenario& sc_;
  bool active_ = false;
  std::vector<std::uint32_t> pupils_;     // agent ids of the classes' pupils, ascending
  std::vector<std::int32_t> slot_of_;     // by agent: its pick-up slot, -1 none
  std::vector<std::int32_t> pupil_of_;    // by slot: its pupil, -1 none
  std::vector<double> gate_time_;         // by agent: reached the gate [s], -1 not
  std::vector<double> called_at_;         // by agent: called by its car [s], -1 not
  std::vector<char> elsewhere_;           // by agent: out by another exit while fetched by car
  std::size_t unpaired_ = 0;
  std::vector<double> waiting_series_;
  double next_series_ = 0.0;  // [s] the next whole second to record
  std::size_t peak_at_gate_ = 0;
  double peak_at_gate_time_ = -1.0;
};

}  // namespace campusflow
