// campusflow run SCENARIO: simulate and write the HDF5 result.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/progress_bar.hpp"
#include "app/stop_signal.hpp"
#include "app/variant_options.hpp"
#include "sim/engine/run.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/result_writer.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace campusflow::cli {

namespace {

// The process's peak resident memory [MB] (getrusage: kilobytes on Linux).
double peak_memory_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// The three classes that assembled last (the whole roll call is in the result).
void print_roll_call(const CompiledScenario& sc, const RunReport& r) {
  std::vector<std::size_t> order(r.classes.size());
  for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
  auto key = [&](std::size_t g) { return r.classes[g].assembled < 0.0 ? 1e300 : r.classes[g].assembled; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k) {
    const ClassResult& c = r.classes[order[k]];
    auto t = [](double x) { return x < 0.0 ? std::string("-") : format_seconds(x); };
    std::printf("  %-16s %s: started %s, out of the building %s, assembled %s\n", k == 0 ? "last classes" : "",
                sc.groups[order[k]].name.c_str(), t(c.start).c_str(), t(c.cleared).c_str(), t(c.assembled).c_str());
  }
}

// Staff at their posts: when each was posted, stood down and safe (docs/models/staff.md).
void print_staff(const RunReport& r) {
  auto t = [](double x) { return x < 0.0 ? std::string("-") : format_seconds(x); };
  for (std::size_t k = 0; k < r.procedure.staff.size(); ++k) {
    const io::StaffRow& s = r.procedure.staff[k];
    std::printf("  %-16s %s, %s \"%s\": posted %s, stood down %s, safe %s\n", k == 0 ? "staff" : "", s.name.c_str(),
                s.duty.c_str(), s.place.c_str(), t(s.posted).c_str(), t(s.stood_down).c_str(), t(s.safe).c_str());
  }
}

// Where the building's pupils are at the end (docs/models/journeys.md).
void print_journeys(const JourneyCounts& j, std::size_t unpaired) {
  std::printf("  journeys         %zu pupils: %zu fetched by car or bus, %zu home on foot from the gate\n", j.pupils,
              j.by_car, j.on_foot);
  if (j.gone < j.pupils)
    std::printf("  %-16s %zu in the building, %zu waiting at the gate, %zu walking to a car, %zu in a car, %zu left by "
                "an exit that is no gate while their car waits\n",
                "not home", j.in_building, j.at_gate, j.walking, j.in_car, j.unaccounted);
  if (unpaired > 0) std::printf("  %-16s %zu pick-up children have no pupil to fetch\n", "unpaired", unpaired);
  if (j.peak_at_gate > 0)
    std::printf("  waiting at gate  at most %zu pupils at %.1f s; fetched pupils wait %.1f s there on average\n",
                j.peak_at_gate, j.peak_at_gate_time, j.mean_gate_wait);
  if (j.mean_parent_wait >= 0.0)
    std::printf("  parents on foot  wait %.1f s at the gate on average for their children\n", j.mean_parent_wait);
  if (j.last_home >= 0.0) std::printf("  last home        %.1f s\n", j.last_home);
}

void print_street(const StreetReport& s) {
  std::printf("  street           %zu vehicles (%zu unfinished), %zu on foot, %s at %.1f s\n", s.vehicles, s.unfinished,
              s.pedestrians, s.finished ? "all done" : "not finished", s.end_time);
  if (s.mean_pick_up_dwell >= 0.0)
    std::printf("  pick-ups         parents wait %.1f s in their stall on average\n", s.mean_pick_up_dwell);
  if (s.mean_delay >= 0.0)
    std::printf("  drop-offs        %zu, mean delay %.1f s\n", s.drop_offs, s.mean_delay);
  else
    std::printf("  drop-offs        %zu\n", s.drop_offs);
  std::printf("  queue            longest tail %.0f m, spillback %.0f s\n", s.max_queue_tail, s.spillback_seconds);
  if (s.mean_walk >= 0.0)
    std::printf("  pupils' walk     %.0f m on average (at most %.0f m), %.0f s from the car to the gate\n", s.mean_walk,
                s.max_walk, s.mean_walk_time);
  std::printf("  conflicts        %zu (time to collision, post-encroachment, hard braking)\n", s.conflicts);
  if (s.checked > 0)
    std::printf("  entry check      %zu pupils checked, %.1f s in line on average, at most %zu in line\n", s.checked,
                s.mean_check_wait, s.max_check_line);
  // Stepping alone is what SUMO's "UPS" measures (a run without per-step output).
  auto rate = [&](double seconds) { return seconds > 0.0 ? static_cast<double>(s.vehicle_updates) / seconds : 0.0; };
  std::printf("  vehicle updates  %.3g per second stepping, %.3g with replay frames (street %.2f s wall)\n",
              rate(s.step_time), rate(s.wall_time), s.wall_time);
}

// The first line: COMPLETE or INCOMPLETE, and for an incomplete run what is missing.
void print_outcome(const CompiledScenario& sc, const ScenarioVariant& variant, const RunOptions& options,
                   const RunReport& r) {
  std::printf("%s: %s (%s", r.complete ? "COMPLETE" : "INCOMPLETE", sc.name.c_str(), sc.file.c_str());
  // The variant by name (its settings are in the file), the command line's settings in full.
  if (!variant.variant.empty()) std::printf(", variant \"%s\"", variant.variant.c_str());
  if (!variant.sets.empty()) std::printf(", with %s", describe_patches(variant.sets).c_str());
  std::printf("), seed %llu, %d thread(s)", static_cast<unsigned long long>(options.seed), options.threads);
  const bool lockdown = sc.procedure.kind == ProcedureKind::kLockdown;
  // In a lockdown, safe is sheltering in a room (docs/models/procedures.md).
  const std::size_t unsafe = sc.agent_count - (lockdown ? r.sheltered : r.counts.exited);
  if (r.complete)
    std::printf(lockdown ? ": every room secured, everyone sheltering\n" : ": everyone safe\n");
  else if (unsafe > 0)
    std::printf(": %zu of %u agents not safe at %.1f s%s\n", unsafe, sc.agent_count, r.simulated_time,
                r.timed_out ? " (the time limit)" : "");
  else if (lockdown)  // everyone in, but a doorway never cleared
    std::printf(": everyone sheltering, but not every room secured at %.1f s\n", r.simulated_time);
  else if (r.journeys && r.journeys->gone < r.journeys->pupils)
    std::printf(": %zu of %zu pupils not home or driven away at %.1f s\n", r.journeys->pupils - r.journeys->gone,
                r.journeys->pupils, r.simulated_time);
  else if (r.unpaired_children > 0)
    std::printf(": %zu pick-up children with no pupil in the building to fetch\n", r.unpaired_children);
  else
    std::printf(": %zu vehicles unfinished on the street\n", r.street ? r.street->unfinished : std::size_t{0});
  // Where those not safe are, by place: the first few, the largest groups first.
  constexpr std::size_t kShown = 8;
  for (std::size_t k = 0; k < std::min(kShown, r.unsafe.size()); ++k) {
    const UnsafeGroup& g = r.unsafe[k];
    const std::string near = g.place == kNoPlace ? "" : " near \"" + sc.places[g.place].name + "\"";
    std::printf("  %-16s %zu on \"%s\"%s", k == 0 ? "not safe" : "", g.agents, sc.levels[g.level].name.c_str(),
                near.c_str());
    if (g.stuck > 0)
      std::printf(", %zu stuck since %.1f s (%s)", g.stuck, g.since,
                  std::string(kStuckCauseNames[static_cast<std::size_t>(g.cause)]).c_str());
    std::printf("\n");
  }
  if (r.unsafe.size() > kShown) std::printf("  %-16s ... and %zu more places\n", "", r.unsafe.size() - kShown);
}

// The drill's phases (times from the alarm) and a lockdown's rooms, the last secured first.
void print_procedure(const CompiledScenario& sc, const RunReport& r) {
  if (sc.procedure.kind == ProcedureKind::kEvacuation) return;
  std::printf("  procedure        %s: %s (times from the alarm)\n", r.procedure.procedure.c_str(),
              describe_phases(r.procedure).c_str());
  if (sc.procedure.kind != ProcedureKind::kLockdown) return;
  if (r.procedure.time_to_secure >= 0.0)
    std::printf("  time to secure   %.2f s, %zu room%s\n", r.procedure.time_to_secure, r.procedure.rooms.size(),
                r.procedure.rooms.size() == 1 ? "" : "s");
  else
    std::printf("  time to secure   not reached at %.1f s\n", r.simulated_time);
  std::vector<io::RoomRow> rooms = r.procedure.rooms;
  auto key = [](const io::RoomRow& x) { return x.secured < 0.0 ? 1e300 : x.secured; };
  std::stable_sort(rooms.begin(), rooms.end(), [&](const auto& a, const auto& b) { return key(a) > key(b); });
  for (std::size_t k = 0; k < std::min<std::size_t>(3, rooms.size()); ++k)
    std::printf("  %-16s %s (%s): %lld sheltering, secured %s\n", k == 0 ? "last rooms" : "", rooms[k].name.c_str(),
                sc.levels[static_cast<std::size_t>(rooms[k].level)].name.c_str(),
                static_cast<long long>(rooms[k].sheltering),
                rooms[k].secured < 0.0 ? "-" : format_seconds(rooms[k].secured).c_str());
}

// Re-routes and episodes of no progress, also in a complete run: a plan may
// work out only after people stood still for a minute.
void print_disruptions(const RunReport& r) {
  if (!r.reroutes.empty()) {
    std::size_t fallback = 0;
    for (const RerouteRecord& e : r.reroutes) fallback += e.now == RouteKind::kFallback;
    std::printf("  re-routes        %zu (a step of their route closed): %zu to the fallback route, %zu to the nearest safety\n",
                r.reroutes.size(), fallback, r.reroutes.size() - fallback);
  }
  if (!r.stuck.empty()) {
    std::size_t open = 0;
    double longest = 0.0;
    for (const StuckEpisode& e : r.stuck) {
      open += e.until < 0.0;
      longest = std::max(longest, (e.until < 0.0 ? r.simulated_time : e.until) - e.since);
    }
    std::printf("  stuck            %zu episodes of no progress for %.0f s or more, %zu unresolved, the longest %.1f s\n",
                r.stuck.size(), us_to_seconds(StuckWatch::kNoProgressTime), open, longest);
  }
}

void print_summary(const CompiledScenario& sc, const ScenarioVariant& variant, const RunOptions& options,
                   const RunReport& r, const std::string& output) {
  print_outcome(sc, variant, options, r);
  print_procedure(sc, r);
  // A lockdown evacuates nobody: its figures are the rooms' (print_procedure).
  if (sc.procedure.kind == ProcedureKind::kLockdown) {
    std::printf("  agents           %zu spawned, %zu sheltering\n", r.counts.spawned, r.sheltered);
    print_disruptions(r);
  } else if (sc.agent_count > 0) {  // a street-only scenario has no building: nothing to evacuate

    if (sc.staff.empty())
      std::printf("  agents           %zu spawned, %zu exited, %zu inside\n", r.counts.spawned, r.counts.exited,
                  r.counts.inside);
    else  // the figures below are the pupils'; staff have their own lines
      std::printf("  pupils           %zu, %zu exited, %zu inside (and %zu staff)\n", r.pupils, r.pupils_exited,
                  r.pupils - r.pupils_exited, sc.staff.size());
    if (r.evacuation_time >= 0)
      std::printf("  evacuation time  %.2f s\n", r.evacuation_time);
    else
      std::printf("  evacuation time  not reached: %zu %s still inside at %.1f s\n", r.pupils - r.pupils_exited,
                  sc.staff.empty() ? "agents" : "pupils", r.simulated_time);
    print_staff(r);
    std::printf("  lower bounds     %.2f s walking, %.2f s capacity (%s; %.2f s at the design flow 1.33 P/(m s))\n",
                r.bounds.walking, r.bounds.capacity, r.bounds.capacity_cut.empty() ? "no cut" : r.bounds.capacity_cut.c_str(),
                r.bounds.design_capacity);
    if (r.evacuation_time >= 0.0 && r.evacuation_time < std::max(r.bounds.walking, r.bounds.capacity))
      std::printf("  warning          faster than a lower bound: exits in the outline are ideal sinks (docs/validation.md)\n");
    for (std::size_t e = 0; e < r.exit_names.size(); ++e)
      std::printf("  exit %-11s %lld\n", r.exit_names[e].c_str(), static_cast<long long>(r.exit_counts[e]));
    print_disruptions(r);
    print_roll_call(sc, r);
  }
  if (r.peak_density.time >= 0.0) {
    const Eigen::Vector3d at = sc.levels[r.peak_density.level].world(r.peak_density.place);
    std::printf("  peak density     %.0f P/m2 at %.1f s on \"%s\" near (%.1f, %.1f, %.1f) m\n", r.peak_density.density,
                r.peak_density.time, sc.levels[r.peak_density.level].name.c_str(), at.x(), at.y(), at.z());
  }
  // Stairs are where crowds crush (踩踏): each flight's own peak.
  for (std::size_t s = 0; s < r.stair_peaks.size(); ++s) {
    if (sc.stairs[s].flat || r.stair_peaks[s].time < 0.0) continue;
    std::printf("  %-16s %-16s %.0f P/m2 at %.1f s\n", s == 0 ? "flight peaks" : "", sc.stairs[s].name.c_str(),
                r.stair_peaks[s].density, r.stair_peaks[s].time);
  }
  if (r.street) print_street(*r.street);
  if (r.journeys) print_journeys(*r.journeys, r.unpaired_children);
  std::printf("  simulated        %.1f s in %.2f s wall (real-time factor %.1f)\n", r.simulated_time,
              r.wall_time, r.real_time_factor());
  if (sc.agent_count > 0) {
    std::printf("  agent updates    %.3g per second\n",
                r.wall_time > 0 ? static_cast<double>(r.agent_updates) / r.wall_time : 0.0);
    std::printf("  stages          ");
    double staged = 0.0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(Stage::kCount); ++k) {
      std::printf(" %s %.2f s,", std::string(kStageNames[k]).c_str(), r.stage_seconds[k]);
      staged += r.stage_seconds[k];
    }
    std::printf(" output and the rest %.2f s\n", std::max(0.0, r.wall_time - staged));
  }
  std::printf("  peak memory      %.0f MB\n", peak_memory_mb());
  std::printf("  state hash       %016llx\n", static_cast<unsigned long long>(r.state_hash));
  std::printf("  result           %s\n", output.c_str());
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow run SCENARIO [options]");
  opts.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(),
      "result file (default out/<scenario name>.h5); - discards the result")(
      "no-output", "run without writing a result")(
      "seed", po::value<std::uint64_t>(), "random seed (default: the scenario's)")(
      "threads", po::value<int>(), "worker threads (default: all cores)")("quiet,q", "no progress bar")(
      "data-outside", "let the scenario read data files outside its folder (absolute names, ..)");
  add_variant_options(opts);
  po::variables_map vm;
  if (const int rc = parse_command_line("run", args, opts, vm); rc >= 0) return rc;
  const std::optional<ScenarioVariant> variant = variant_from(vm, "run");
  if (!variant) return kBadInput;
  // Installed first, so that Ctrl-C while the scenario compiles is a clean stop too.
  install_stop_handlers();
  const LoadResult loaded =
      load_scenario_file(vm["scenario"].as<std::string>(), {}, vm.count("data-outside") > 0, *variant);
  if (!loaded.errors.empty()) {
    for (const std::string& e : loaded.errors) std::cerr << e << "\n";
    return kBadInput;
  }
  print_warnings(loaded.warnings);
  const CompiledScenario& sc = *loaded.scenario;

  RunOptions options;
  options.seed = vm.count("seed") ? vm["seed"].as<std::uint64_t>() : sc.settings.seed;
  options.threads = vm.count("threads") ? vm["threads"].as<int>()
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (options.threads < 1 || options.threads > 1024) {
    std::cerr << "campusflow run: --threads " << options.threads << " must be between 1 and 1024\n";
    return kBadInput;
  }
  const std::string scenario_file = vm["scenario"].as<std::string>();
  const bool discard = vm.count("no-output") > 0 || (vm.count("output") && vm["output"].as<std::string>() == "-");
  const std::filesystem::path output = vm.count("output") ? std::filesystem::path(vm["output"].as<std::string>())
                                                          : std::filesystem::path("out") / (file_name_from(sc.name) + ".h5");
  if (!discard) {
    // Refused before anything runs or is written: the scenario itself, a
    // device, a folder, a FIFO or a link under the output's name.
    if (const std::string why = output_file_refusal(output, scenario_file, "scenario"); !why.empty()) {
      std::cerr << "campusflow run: -o: " << why << "\n";
      return kBadInput;
    }
  }

  const bool quiet = vm.count("quiet") > 0;
  ProgressBar bar(std::cerr, isatty(STDERR_FILENO) != 0);
  RunControl control;
  control.stop = &stop_requested();
  if (!quiet) control.on_progress = [&](const Progress& p) { bar.update(p); };

  RunReport report;
  try {
    if (!discard && output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    report = run_scenario(sc, options, discard ? std::nullopt : std::optional(output), control);
  } catch (const std::exception& e) {
    bar.finish();
    std::cerr << "campusflow run: " << e.what() << "\n";
    return kRunFailed;
  }
  bar.finish();
  if (report.interrupted) {
    std::cerr << "campusflow run: interrupted at t = " << report.simulated_time << " s";
    if (!discard) std::cerr << "; the partial result is kept, marked incomplete, in " << output.string() << ".partial";
    std::cerr << "\n";
    return kRunFailed;
  }
  if (report.fault) {
    const NumericalFault& f = *report.fault;
    std::cerr << "campusflow run: stopped at t = " << f.time << " s (step " << f.step << "): agent " << f.agent
              << " of group '" << sc.groups[f.group].name << "' on level '" << sc.levels[f.level].name << "' at ("
              << f.position.x() << ", " << f.position.y() << ") would move to a non-finite position; not finite: "
              << f.term << ". The model's parameters (" << sc.name
              << ") are outside what it can integrate; see docs/scenario-format.md";
    if (!discard) std::cerr << ". The partial result is kept, marked incomplete, in " << output.string() << ".partial";
    std::cerr << "\n";
    return kRunFailed;
  }
  print_summary(sc, *variant, options, report, discard ? "(discarded)" : output.string());
  return report.complete ? kOk : kIncomplete;
}

}  // namespace campusflow::cli
