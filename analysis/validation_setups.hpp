#pragma once
// Simulated counterparts of the validation experiments, shared by the
// validation tests and the printed report (bench/validate_juelich.cpp): the
// scenarios are built here once and measured with analysis/measurement.hpp,
// exactly as the experiments are measured.
#include <cstdint>
#include <span>
#include <string>

namespace campusflow::analysis {

// One of the Jülich corridor runs (Zhang et al., J. Stat. Mech. 2011, P06004;
// data/experiments/README.md) with its published steady-state figures.
struct JuelichRun {
  const char* name;
  int persons;
  double entrance, exit;        // widths [m]
  double density, speed, flow;  // measured: P/m^2, m/s, P/s
};

// The four runs of data/experiments, in the order of VALIDATION.md.
std::span<const JuelichRun> juelich_runs();

// Whose desired walking speeds the simulated crowd has: the participants'
// free speeds measured in the free-flow run uo-050-180-180 (1.43 +/- 0.21 m/s,
// the same for all four runs), or the adult profile's (Weidmann 1993,
// 1.34 +/- 0.26 m/s). Either way the model parameters are the defaults.
enum class JuelichPopulation { kParticipants, kAdultProfile };

// The set-up of `run` as a scenario (campusflow-scenario/1 text) with the
// given model block, e.g. R"({"type": "collision_free_speed"})". People walk
// -y: a waiting area, an entrance of width B in a 0.2 m wall at y = 8 m, a
// 3.8 m wide area (y 4..8), the 1.8 m corridor (y -4..4), an exit of width E
// in a 0.2 m wall at its end (only when E < 1.8 m), and a 3.8 m wide area
// after it whose far side (y = -6.5 m) is the exit line.
std::string juelich_scenario(const JuelichRun& run, const std::string& model, JuelichPopulation population);

struct CorridorMeasure {
  double density;  // [P/m^2] in x in [0, 1.8], y in [-2, 0] m
  double speed;    // [m/s] mean speed in the same area
  double flow;     // [P/s] at the line y = 0
};

// Simulates `run` and measures it between the 15th and 85th percentile of the
// crossings of y = 0 (the steady state; the experiments' published windows
// cover about the same share of their crossings).
CorridorMeasure simulate_juelich(const JuelichRun& run, const std::string& model, JuelichPopulation population,
                                 std::uint64_t seed, int threads);

// The mean of simulate_juelich over seeds 1..seeds: a single run of 61-175
// persons scatters by about +/- 5 % in flow, so the criterion is judged on
// the mean of kValidationSeeds runs.
inline constexpr int kValidationSeeds = 10;
CorridorMeasure simulate_juelich_mean(const JuelichRun& run, const std::string& model, JuelichPopulation population,
                                      int seeds, int threads);

// The criterion of VALIDATION.md: flow within +/- 15 % and speed within
// +/- 0.15 m/s of the measured values.
bool within_criterion(const JuelichRun& run, const CorridorMeasure& m);

// The IMO MSC.1/Circ.1533 exit-flow set-up without a flow limiter: 100 adults
// in a room of 8 x 5 m, a 1 m door gap centred on a 5 m wall of 0.2 m, and
// a 4 x 9 m area beyond it whose far side is the exit line. With flow_limit
// > 0 [P/(m s)] a door across the gap admits at most that many (the SFPE-style
// code limiter).
std::string door_scenario(const std::string& model, double flow_limit = 0.0);

// Flow [P/s] through the door of door_scenario(): crossings of the line
// across the middle of the gap, between their 10th and 90th percentile.
double simulate_door_flow(const std::string& model, std::uint64_t seed, int threads, double flow_limit = 0.0);
// Its mean over seeds 1..seeds.
double simulate_door_flow_mean(const std::string& model, int seeds, int threads, double flow_limit = 0.0);

}  // namespace campusflow::analysis
