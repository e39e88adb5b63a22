#include "analysis/result_figures.hpp"

#include <algorithm>

namespace campusflow::analysis {

namespace {

Figure number(std::string name, double v, std::string unit, bool minus_one_never = false) {
  return {std::move(name), {}, v, std::move(unit), minus_one_never};
}
Figure count(std::string name, std::int64_t v, std::string unit) { return {std::move(name), {}, v, std::move(unit)}; }
Figure text(std::string name, std::string v) { return {std::move(name), {}, std::move(v), {}}; }

}  // namespace

std::vector<Figure> street_figures(const std::vector<io::StreetVehicleRow>& vehicles, const io::StreetQueues& queues) {
  std::int64_t unfinished = 0, drop_offs = 0, delayed = 0;
  double delay_sum = 0.0, delay_max = -1.0;
  for (const io::StreetVehicleRow& v : vehicles) {
    unfinished += v.arrival < 0.0;
    drop_offs += v.stop_end >= 0.0;
    // As `campusflow run` averages it: drop-off vehicles that left the network.
    if (!v.drop_off || v.arrival < 0.0) continue;
    delay_sum += v.delay;
    delay_max = std::max(delay_max, v.delay);
    ++delayed;
  }
  double tail = 0.0, spillback = 0.0;
  for (const double q : queues.queue_tail) tail = std::max(tail, q);
  for (const io::SpillbackRow& e : queues.spillback) spillback += e.end - e.start;
  return {
      count("street_vehicles", static_cast<std::int64_t>(vehicles.size()), "vehicles"),
      count("street_unfinished", unfinished, "vehicles"),
      count("street_drop_offs", drop_offs, "vehicles"),
      number("street_mean_delay", delayed > 0 ? delay_sum / static_cast<double>(delayed) : -1.0, "s", true),
      number("street_max_delay", delayed > 0 ? delay_max : -1.0, "s", true),
      number("street_max_queue_tail", tail, "m"),
      number("street_spillback_time", spillback, "s"),
      count("street_spillback_episodes", static_cast<std::int64_t>(queues.spillback.size()), "episodes"),
  };
}

ResultFigures result_figures(const io::ResultReader& reader) {
  ResultFigures f;
  f.info = reader.run_info();
  f.levels = reader.levels();
  const io::RunSummary s = reader.summary();
  f.summary = {
      text("outcome", s.outcome),
      text("procedure", s.procedure.procedure),
      number("evacuation_time", s.evacuation_time, "s", true),
      number("simulated_time", s.simulated_time, "s"),
      count("agents", s.agents, "agents"),
      count("exited", s.exited, "agents"),
      count("not_exited", s.agents - s.exited, "agents"),
      count("pupils", s.pupils, "agents"),
      count("pupils_exited", s.pupils_exited, "agents"),
      count("stuck_episodes", reader.summary_count("stuck_episodes"), "episodes"),
      count("reroutes", reader.summary_count("reroutes"), "agents"),
      number("walking_bound", s.walking_bound, "s"),
      number("capacity_bound", s.capacity_bound, "s"),
      text("capacity_cut", s.capacity_cut),
      number("peak_density", s.peak_density, "P/m^2"),
      number("peak_density_time", s.peak_density_time, "s", true),
      count("peak_density_level", s.peak_density_level, ""),
      number("peak_density_x", s.peak_density_x, "m"),
      number("peak_density_y", s.peak_density_y, "m"),
      number("time_to_secure", s.procedure.time_to_secure, "s", true),
      number("wall_time", s.wall_time, "s"),
  };
  if (reader.has_street()) {
    const std::vector<Figure> street = street_figures(reader.street_vehicles(), reader.street_queues());
    f.summary.insert(f.summary.end(), street.begin(), street.end());
  }

  for (std::size_t k = 0; k < s.exit_names.size(); ++k)
    f.places.push_back({"exit_count", s.exit_names[k], s.exit_counts[k], "agents"});
  for (std::size_t k = 0; k < s.stair_names.size(); ++k) {
    f.places.push_back({"stair_peak_density", s.stair_names[k], s.stair_peak_density[k], "P/m^2"});
    f.places.push_back({"stair_peak_time", s.stair_names[k], s.stair_peak_time[k], "s", true});
  }
  // The flow table (bins x places) summed over its bins: passages through each place.
  const std::size_t n_places = s.flow_places.size();
  for (std::size_t p = 0; p < n_places; ++p) {
    std::int64_t total = 0;
    for (std::size_t k = p; k < s.flow_counts.size(); k += n_places) total += s.flow_counts[k];
    f.places.push_back({"passages", s.flow_places[p], total, "agents"});
  }

  const std::vector<std::string> groups = reader.group_names();
  std::vector<std::int64_t> members(groups.size(), 0);
  for (const io::AgentRow& a : reader.agents())
    if (a.group >= 0 && static_cast<std::size_t>(a.group) < members.size()) ++members[a.group];
  for (const io::ClassRow& c : reader.classes()) {
    // The reader checked that c.group indexes group_names.
    const auto g = static_cast<std::size_t>(c.group);
    f.classes.push_back({groups.at(g), members.at(g), c.start, c.cleared, c.assembled});
  }
  return f;
}

}  // namespace campusflow::analysis
