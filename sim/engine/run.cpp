#include "sim/engine/run.hpp"

#include <chrono>
#include <memory>

#include "sim/engine/street_results.hpp"
#include "sim/traffic/compile_street.hpp"
#include "sim/io/result_writer.hpp"
#include "sim/io/writer_thread.hpp"

namespace campusflow {

namespace {

// A street-only result still needs a level for the archive layout: the
// rectangle around the street's nodes, 20 m beyond them.
std::string street_outline_wkt(const CompiledStreet& st) {
  Vec2 lo(1e300, 1e300), hi(-1e300, -1e300);
  for (const RoadNodeSpec& n : st.spec.nodes) {
    lo = lo.cwiseMin(n.position);
    hi = hi.cwiseMax(n.position);
  }
  for (const GateSpec& g : st.spec.gates) {
    lo = lo.cwiseMin(g.position);
    hi = hi.cwiseMax(g.position);
  }
  lo.array() -= 20.0;
  hi.array() += 20.0;
  Polygon box;
  box.outer = {lo, {hi.x(), lo.y()}, hi, {lo.x(), hi.y()}};
  return to_wkt(box);
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::unique_ptr<io::ResultWriter> open_writer(const CompiledScenario& sc, const RunOptions& options,
                                              const std::filesystem::path& path) {
  io::RunInfo info;
  info.scenario_name = sc.name;
  info.scenario_file = sc.file;
  info.scenario_text = sc.text;
  info.scenario_hash = sc.hash;
  info.variant = sc.variant;
  info.overrides = sc.overrides;
  info.seed = options.seed;
  info.threads = options.threads;
  info.version = CAMPUSFLOW_VERSION;
  info.dt = us_to_seconds(sc.settings.dt);
  std::vector<io::LevelGeometry> levels;
  for (const WalkableLevel& l : sc.levels) levels.push_back({l.name, l.elevation, to_wkt(l.walkable)});
  if (levels.empty() && sc.street) levels.push_back({"street", 0.0, street_outline_wkt(*sc.street)});
  auto writer = std::make_unique<io::ResultWriter>(path, sc.settings.output_fps, info, levels);
  std::vector<io::PlaceInfo> places;
  for (const CompiledPlace& p : sc.places) {
    const char* kind = p.kind == PlaceKind::kExit       ? "exit"
                       : p.kind == PlaceKind::kDoor     ? "door"
                       : p.kind == PlaceKind::kAssembly ? "assembly point"
                                                        : "stair end";
    places.push_back({p.name, kind, static_cast<std::int32_t>(p.level), p.width});
  }
  writer->write_places(places);
  writer->describe_density(DensityRecorder::kCell, DensityRecorder::kInterval);
  return writer;
}

// Passages per place in bins of kFlowBin: flow over time through every door,
// stair end and exit.
constexpr double kFlowBin = 5.0;  // [s]
constexpr std::size_t kStreetFrameBatch = 16384;  // rows per hand-over to the writer thread

void count_flow(const StepOutput& out, std::size_t places, std::vector<std::int64_t>& counts) {
  for (const PassageRecord& p : out.passages) {
    const auto bin = static_cast<std::size_t>(p.time / kFlowBin);
    if (counts.size() < (bin + 1) * places) counts.resize((bin + 1) * places, 0);
    ++counts[bin * places + p.place];
  }
}

// What one step adds to the result, handed whole to the writer thread.
struct StepRows {
  std::vector<io::TrajectoryRow> frame;
  std::vector<io::ExitEventRow> exits;
  std::vector<io::PassageRow> passages;
  std::vector<io::DensityRow> density;

  bool empty() const { return frame.empty() && exits.empty() && passages.empty() && density.empty(); }
  void write(io::ResultWriter& w) const {
    if (!frame.empty()) w.append_frame(frame);
    for (const io::ExitEventRow& e : exits) w.append_exit_event(e);
    for (const io::PassageRow& p : passages) w.append_passage(p);
    if (!density.empty()) w.append_density(density);
  }
};

StepRows step_rows(const StepOutput& out, const std::vector<DensityCell>& cells) {
  StepRows r;
  if (out.frame)
    for (std::size_t k = 0; k < out.frame_agents.size(); ++k) {
      const Vec2& p = out.frame_positions[k];
      r.frame.push_back({out.frame_agents[k], *out.frame, p.x(), p.y(), out.frame_z[k]});
    }
  for (const ExitRecord& e : out.exits) r.exits.push_back({e.agent, static_cast<std::int32_t>(e.exit), e.time});
  for (const PassageRecord& p : out.passages)
    r.passages.push_back({p.agent, static_cast<std::int32_t>(p.place), p.time});
  for (const DensityCell& c : cells) r.density.push_back({c.time, static_cast<std::int32_t>(c.level), c.x, c.y, c.density});
  return r;
}

void write_agents(io::ResultWriter& w, const Simulation& sim, const std::vector<Vec2>& spawn) {
  const CompiledScenario& sc = sim.scenario();
  const Agents& a = sim.agents();
  std::vector<io::AgentRow> rows;
  for (const CompiledGroup& g : sc.groups) {
    for (std::uint32_t k = 0; k < g.count; ++k) {
      const std::uint32_t id = g.first_agent + k;
      rows.push_back({id, static_cast<std::int32_t>(a.group[id]), static_cast<std::int32_t>(a.level[id]),
                      static_cast<std::int32_t>(g.profile), a.radius[id], a.desired_speed[id],
                      us_to_seconds(a.release[id]), spawn[id].x(), spawn[id].y()});
    }
  }
  std::vector<std::string> groups, profiles;
  for (const CompiledGroup& g : sc.groups) groups.push_back(g.name);
  for (const Profile& p : kProfiles) profiles.emplace_back(p.name);
  w.write_agents(rows, groups, profiles);
}

std::string place_name(const CompiledScenario& sc, std::uint32_t place) {
  return place == kNoPlace ? std::string() : sc.places[place].name;
}

void fill_outcome_tables(const CompiledScenario& sc, const RunReport& r, io::RunSummary& out) {
  for (const StuckEpisode& e : r.stuck) {
    const Eigen::Vector3d w = sc.levels[e.level].world(e.position);
    out.stuck.push_back({e.agent, static_cast<std::int32_t>(e.level), w.x(), w.y(), w.z(), place_name(sc, e.place),
                         e.since, e.until, std::string(kStuckCauseNames[static_cast<std::size_t>(e.cause)])});
  }
  for (const RerouteRecord& e : r.reroutes) {
    const Eigen::Vector3d w = sc.levels[e.level].world(e.position);
    const std::string step = e.stair >= 0 ? sc.stairs[static_cast<std::size_t>(e.stair)].name : place_name(sc, e.place);
    std::string goal = place_name(sc, e.goal);
    if (e.now == RouteKind::kFallback && e.goal != kNoPlace && sc.places[e.goal].stair >= 0)
      goal = sc.stairs[static_cast<std::size_t>(sc.places[e.goal].stair)].name;
    out.reroutes.push_back({e.agent, e.time, static_cast<std::int32_t>(e.level), w.x(), w.y(), w.z(), step,
                            e.now == RouteKind::kFallback ? "fallback" : "nearest safety", goal});
  }
}

}  // namespace

RunReport run_scenario(const CompiledScenario& sc, const RunOptions& options,
                       const std::optional<std::filesystem::path>& output, const RunControl& control) {
  const auto start = Clock::now();
  Simulation sim(sc, options);
  std::unique_ptr<io::ResultWriter> writer;
  if (output) writer = open_writer(sc, options, *output);
  // Declared after the writer, so that it stops (and writes what it holds)
  // before the writer closes the file.
  std::optional<io::WriterThread> writing;
  if (writer) writing.emplace(*writer);

  RunReport report;
  for (const CompiledExit& e : sc.exits) report.exit_names.push_back(e.name);
  report.exit_counts.assign(sc.exits.size(), 0);

  std::vector<Vec2> spawn_positions;
  double last_progress = -1e9;
  ClassResults roll_call(sc);
  DensityRecorder density(sc);
  std::vector<std::int64_t> flow_counts;  // (bins x places)
  // Street frames go to the writer thread in batches: one hand-over per
  // frame would cost more than the street itself.
  std::vector<io::StreetFrameRow> street_rows;
  auto hand_over_street = [&] {
    if (street_rows.empty()) return;
    auto rows = std::make_shared<const std::vector<io::StreetFrameRow>>(std::move(street_rows));
    street_rows.clear();
    street_rows.reserve(kStreetFrameBatch + 1024);
    writing->post([rows](io::ResultWriter& w) { w.append_street_frame(*rows, kStreetFps); });
  };
  sim.keep_street_frames(writing.has_value());
  // The step that finishes the run has output too (the last exits, a frame).
  for (bool more = !sim.finished(); more;) {
    more = sim.step();
    const StepOutput& out = sim.output();
    if (!out.street_rows.empty()) {
      street_rows.insert(street_rows.end(), out.street_rows.begin(), out.street_rows.end());
      if (street_rows.size() >= kStreetFrameBatch) hand_over_street();
    }
    if (out.frame == 0 && sc.agent_count > 0) {  // frame 0 holds the spawn places, kept for the agents table
      report.bounds = lower_bounds(sc, sim.agents());  // everyone has spawned, nobody has moved
      spawn_positions.assign(sc.agent_count, Vec2::Zero());
      for (std::size_t k = 0; k < out.frame_agents.size(); ++k)
        spawn_positions[out.frame_agents[k]] = out.frame_positions[k];
    }
    for (const ExitRecord& e : out.exits) ++report.exit_counts[e.exit];
    roll_call.record(sim);
    count_flow(out, sc.places.size(), flow_counts);
    const std::vector<DensityCell>& cells = density.sample(sim);
    if (writing) {
      auto step = std::make_shared<const StepRows>(step_rows(out, cells));
      if (!step->empty()) writing->post([step](io::ResultWriter& w) { step->write(w); });
    }
    if (control.stop && control.stop->load(std::memory_order_relaxed)) {
      report.interrupted = true;
      break;
    }
    if (control.on_progress && seconds_since(start) - last_progress >= control.progress_interval) {
      last_progress = seconds_since(start);
      const AgentCounts c = sim.counts();
      control.on_progress({us_to_seconds(sim.now()), last_progress, c.inside, sc.agent_count});
    }
  }

  report.fault = sim.fault();
  report.timed_out = sim.timed_out();
  report.unsafe = unsafe_groups(sim);
  report.stuck = sim.stuck_watch().episodes();
  report.reroutes = sim.reroutes();
  report.classes = roll_call.finish(sim);
  report.peak_density = density.peak();
  for (const CompiledStair& s : sc.stairs) report.stair_peaks.push_back(density.level_peaks()[s.level]);
  report.evacuation_time = sim.evacuation_time();
  report.simulated_time = us_to_seconds(sim.now());
  report.counts = sim.counts();
  report.state_hash = sim.state_hash();
  report.agent_updates = sim.agent_updates();
  for (std::size_t s = 0; s < static_cast<std::size_t>(Stage::kCount); ++s)
    report.stage_seconds[s] = sim.profile().seconds(static_cast<Stage>(s));
  if (const StreetSim* street = sim.street()) {
    if (writing) hand_over_street();
    report.street = street_report(*street, sim.street_end() >= 0.0 ? sim.street_end() : us_to_seconds(sim.now()));
    report.street->step_time =
        sim.profile().seconds(Stage::kStreetPlan) + sim.profile().seconds(Stage::kStreetCommit);
    report.street->wall_time = report.street->step_time + sim.profile().seconds(Stage::kRecord);
    report.simulated_time = std::max(report.simulated_time, report.street->end_time);
    // One hash for the whole run: the building's and the street's (boost::hash_combine's mixing).
    report.state_hash ^= report.street->state_hash + 0x9e3779b97f4a7c15ull + (report.state_hash << 6) + (report.state_hash >> 2);
    if (const Journeys* j = sim.journeys()) {
      report.journeys = j->count(sim.agents(), *street, report.simulated_time);
      report.unpaired_children = j->unpaired();
    }
  }
  report.wall_time = seconds_since(start);
  report.procedure = procedure_tables(sim);
  const Staffing& staffing = sim.staffing();
  for (std::size_t k = 0; k < sc.staff.size(); ++k) {
    const CompiledStaff& s = sc.staff[k];
    const StaffRecord& rec = staffing.records()[k];
    report.procedure.staff.push_back({s.name, std::string(kStaffDutyNames[static_cast<std::size_t>(s.duty)]),
                                      s.duty == StaffDuty::kSweep ? sc.levels[s.level].name : sc.places[s.place].name,
                                      rec.posted, rec.stood_down, rec.safe});
  }
  report.pupils = sc.agent_count - sc.staff.size();
  for (std::size_t k = 0; k < sc.staff.size(); ++k)
    report.pupils_exited += staffing.records()[k].safe >= 0.0;
  report.pupils_exited = report.counts.exited - report.pupils_exited;
  if (const Lockdown* lockdown = sim.lockdown())
    for (std::uint32_t i : sim.active()) report.sheltered += lockdown->sheltered(i);
  const bool goal_reached = sim.lockdown() ? sim.lockdown()->done() : report.counts.exited == sc.agent_count;
  const bool stopped = report.interrupted || report.fault;
  // With journeys every pupil must be home or driven away: none waiting, lost or unpaired.
  const bool journeys_done = !report.journeys || (report.journeys->gone == report.journeys->pupils &&
                                                  report.unpaired_children == 0);
  report.complete = !stopped && goal_reached && journeys_done &&
                    (!report.street || (report.street->finished && report.street->unfinished == 0));

  if (writing) writing->drain();
  if (writer && sim.street() && !stopped) {
    io::StreetTables tables = street_tables(*sim.street());
    if (const Journeys* j = sim.journeys()) {
      tables.journeys = j->rows(sim.agents(), *sim.street());
      tables.gate_waiting = j->waiting_series();
    }
    writer->write_street(tables);
  }
  if (writer && !stopped) {
    write_agents(*writer, sim, spawn_positions);
    io::RunSummary summary;
    summary.outcome = report.complete ? "COMPLETE" : "INCOMPLETE";
    fill_outcome_tables(sc, report, summary);
    summary.evacuation_time = report.evacuation_time;
    summary.agents = static_cast<std::int64_t>(sc.agent_count);
    summary.exited = static_cast<std::int64_t>(report.counts.exited);
    summary.pupils = static_cast<std::int64_t>(report.pupils);
    summary.pupils_exited = static_cast<std::int64_t>(report.pupils_exited);
    summary.exit_names = report.exit_names;
    summary.exit_counts = report.exit_counts;
    summary.simulated_time = report.simulated_time;
    summary.wall_time = report.wall_time;
    summary.state_hash = report.state_hash;
    summary.walking_bound = report.bounds.walking;
    summary.capacity_bound = report.bounds.capacity;
    summary.capacity_cut = report.bounds.capacity_cut;
    summary.peak_density = report.peak_density.density;
    summary.peak_density_time = report.peak_density.time;
    summary.peak_density_level = static_cast<std::int32_t>(report.peak_density.level);
    summary.peak_density_x = report.peak_density.place.x();
    summary.peak_density_y = report.peak_density.place.y();
    for (std::size_t s = 0; s < sc.stairs.size(); ++s) {
      summary.stair_names.push_back(sc.stairs[s].name);
      summary.stair_peak_density.push_back(report.stair_peaks[s].density);
      summary.stair_peak_time.push_back(report.stair_peaks[s].time);
    }
    for (const CompiledPlace& p : sc.places) summary.flow_places.push_back(p.name);
    summary.flow_bin = kFlowBin;
    summary.flow_counts = std::move(flow_counts);
    summary.procedure = report.procedure;
    for (std::size_t g = 0; g < report.classes.size(); ++g) {
      const ClassResult& c = report.classes[g];
      summary.classes.push_back({static_cast<std::int32_t>(g), c.start, c.cleared, c.assembled});
    }
    writer->finish(summary, report.wall_time);
  }
  return report;
}

}  // namespace campusflow
