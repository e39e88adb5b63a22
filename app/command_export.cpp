// campusflow export RESULT.h5 --csv DIR: the result as CSV files for
// spreadsheets (docs/export.md): summary, classes, agents, trajectory and,
// with a street, its vehicles and frames.
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "analysis/result_figures.hpp"
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "sim/io/csv_file.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

namespace {

namespace fs = std::filesystem;

// Everything exported, read and checked before the first file is written, so
// that a damaged result leaves DIR as it was.
struct ExportData {
  analysis::ResultFigures figures;
  std::vector<io::AgentRow> agents;
  std::vector<std::string> group_names, profile_names;
  std::vector<io::TrajectoryRow> trajectory;
  double fps = 0.0;
  bool street = false;
  std::vector<io::StreetVehicleRow> vehicles;
  std::vector<std::string> vehicle_ids, vehicle_type_names;
  std::vector<io::StreetFrameRow> street_frames;
  double street_fps = 0.0;
};

ExportData read_result(const std::string& path) {
  const io::ResultReader reader(path);
  reader.check();
  ExportData d;
  d.figures = analysis::result_figures(reader);
  d.agents = reader.agents();
  d.group_names = reader.group_names();
  d.profile_names = reader.profile_names();
  d.trajectory = reader.trajectory();
  d.fps = reader.fps();
  d.street = reader.has_street();
  if (d.street) {
    d.vehicles = reader.street_vehicles();
    d.vehicle_ids = reader.street_vehicle_ids();
    d.vehicle_type_names = reader.street_geometry().vehicle_type_names;
    d.street_frames = reader.street_frames();
    d.street_fps = reader.street_fps();
  }
  return d;
}

// A name by index; the reader checked the indices against their tables.
const std::string& name_of(const std::vector<std::string>& names, std::int64_t index) {
  return names.at(static_cast<std::size_t>(index));
}

std::size_t write_summary(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  csv.text("name").text("value").text("unit").end_row();
  const io::RunInfo& info = d.figures.info;
  csv.text("scenario_name").text(info.scenario_name).empty().end_row();
  csv.text("scenario_file").text(info.scenario_file).empty().end_row();
  csv.text("campusflow_version").text(info.version).empty().end_row();
  csv.text("seed").number(info.seed).empty().end_row();
  csv.text("threads").number(static_cast<std::int64_t>(info.threads)).empty().end_row();
  csv.text("dt").number(info.dt).text("s").end_row();
  csv.text("levels").number(static_cast<std::int64_t>(d.figures.levels.size())).empty().end_row();
  std::size_t rows = 7;
  for (const auto* figures : {&d.figures.summary, &d.figures.places}) {
    for (const analysis::Figure& f : *figures) {
      csv.text(f.place.empty() ? f.name : f.name + ":" + f.place);
      std::visit([&](const auto& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) csv.text(v);
        else csv.number(v);
      }, f.value);
      if (f.unit.empty()) csv.empty();
      else csv.text(f.unit);
      csv.end_row();
      ++rows;
    }
  }
  csv.publish();
  return rows;
}

std::size_t write_classes(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  csv.text("class").text("agents").text("start").text("cleared").text("assembled").end_row();
  for (const analysis::ClassTimes& c : d.figures.classes) {
    csv.text(c.name).number(c.agents).number(c.start).number(c.cleared).number(c.assembled).end_row();
  }
  csv.publish();
  return d.figures.classes.size();
}

std::size_t write_agents(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  for (const char* h : {"id", "group", "class", "level", "profile", "profile_name", "radius", "desired_speed",
                        "pre_movement", "spawn_x", "spawn_y"})
    csv.text(h);
  csv.end_row();
  for (const io::AgentRow& a : d.agents) {
    csv.number(a.id).number(a.group).text(name_of(d.group_names, a.group)).number(a.level).number(a.profile);
    csv.text(name_of(d.profile_names, a.profile)).number(a.radius).number(a.desired_speed).number(a.pre_movement);
    csv.number(a.spawn_x).number(a.spawn_y).end_row();
  }
  csv.publish();
  return d.agents.size();
}

std::size_t write_trajectory(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  csv.text("id").text("frame").text("time").text("x").text("y").text("z").end_row();
  for (const io::TrajectoryRow& r : d.trajectory) {
    const double time = static_cast<double>(r.frame) / d.fps;  // [s], as docs/result-format.md defines it
    csv.number(r.id).number(r.frame).number(time).number(r.x).number(r.y).number(r.z).end_row();
  }
  csv.publish();
  return d.trajectory.size();
}

std::size_t write_vehicles(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  for (const char* h : {"row", "vehicle", "type", "type_name", "route", "drop_off", "wanted", "depart", "arrival",
                        "stop_start", "stop_end", "zone", "stall", "in_lane_stop", "free_flow_time", "delay",
                        "distance"})
    csv.text(h);
  csv.end_row();
  for (std::size_t k = 0; k < d.vehicles.size(); ++k) {
    const io::StreetVehicleRow& v = d.vehicles[k];
    const bool named = v.type >= 0 && static_cast<std::size_t>(v.type) < d.vehicle_type_names.size();
    csv.number(static_cast<std::int64_t>(k)).text(d.vehicle_ids.at(k)).number(v.type);
    csv.text(named ? d.vehicle_type_names[static_cast<std::size_t>(v.type)] : std::string());
    csv.number(v.route).number(static_cast<std::int64_t>(v.drop_off)).number(v.wanted).number(v.depart);
    csv.number(v.arrival).number(v.stop_start).number(v.stop_end).number(v.zone).number(v.stall);
    csv.number(static_cast<std::int64_t>(v.in_lane_stop)).number(v.free_flow_time).number(v.delay);
    csv.number(v.distance).end_row();
  }
  csv.publish();
  return d.vehicles.size();
}

std::size_t write_street_frames(const fs::path& file, const ExportData& d) {
  io::CsvFile csv(file);
  for (const char* h : {"frame", "time", "kind", "id", "x", "y", "heading", "speed"}) csv.text(h);
  csv.end_row();
  for (const io::StreetFrameRow& r : d.street_frames) {
    const double time = d.street_fps > 0.0 ? static_cast<double>(r.frame) / d.street_fps : 0.0;
    csv.number(r.frame).number(time).number(static_cast<std::int64_t>(r.kind)).number(r.id).number(r.x);
    csv.number(r.y).number(r.heading).number(r.speed).end_row();
  }
  csv.publish();
  return d.street_frames.size();
}

}  // namespace

int export_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow export RESULT.h5 --csv DIR");
  opts.add_options()("help,h", "show this help")("csv", po::value<std::string>(),
                                                 "folder for the CSV files (created if missing)");
  po::variables_map vm;
  if (const int rc = parse_command_line("export", args, opts, vm, "RESULT"); rc >= 0) return rc;
  if (!vm.count("csv")) {
    std::cerr << "campusflow export: give the output folder with --csv DIR\n";
    return kBadInput;
  }
  const std::string path = vm["result"].as<std::string>();
  fs::path dir = vm["csv"].as<std::string>();
  // "out/" names "out" (not what a link "out" leads to); "/" stays "/".
  while (!dir.has_filename() && dir.parent_path() != dir) dir = dir.parent_path();
  if (const std::string why = output_folder_refusal(dir); !why.empty()) {
    std::cerr << "campusflow export: --csv: " << why << "\n";
    return kBadInput;
  }
  ExportData data;
  try {
    data = read_result(path);
  } catch (const io::IoError& e) {  // ResultFormatError among them: one line naming the file
    std::cerr << "campusflow export: " << e.what() << "\n";
    return kBadInput;
  }

  using Writer = std::size_t (*)(const fs::path&, const ExportData&);
  std::vector<std::pair<const char*, Writer>> files = {
      {"summary.csv", write_summary}, {"classes.csv", write_classes}, {"agents.csv", write_agents},
      {"trajectory.csv", write_trajectory}};
  if (data.street) {
    files.emplace_back("vehicles.csv", write_vehicles);
    files.emplace_back("street_frames.csv", write_street_frames);
  }
  // Every name is checked before the first is written: a link or a folder
  // where a CSV file goes is bad input, refused before anything changes.
  try {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw io::IoError("cannot create " + dir.string() + ": " + ec.message());
    if (const std::string why = output_folder_refusal(dir); !why.empty()) throw io::IoError(why);
    for (const auto& [name, write] : files) io::check_output_name(dir / name);
  } catch (const io::IoError& e) {
    std::cerr << "campusflow export: --csv: " << e.what() << "\n";
    return kBadInput;
  }
  try {
    for (const auto& [name, write] : files) {
      const std::size_t rows = write(dir / name, data);
      std::cout << "wrote " << (dir / name).string() << " (" << rows << " rows)\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "campusflow export: " << e.what() << "\n";
    return kRunFailed;
  }
  return kOk;
}

}  // namespace campusflow::cli
