// campusflow view RESULT.h5: the replay window (render/viewer.hpp).
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/replay_options.hpp"
#include "render/viewer.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

int view_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow view RESULT.h5");
  opts.add_options()("help,h", "show this help")
      ("level", po::value<std::string>(), "level to show first, by index or name (default 0)")
      ("all-levels", "start with every floor side by side (key A)")
      ("size", po::value<std::string>()->default_value("1280x800"), "window size WIDTHxHEIGHT [px]")
      ("speed", po::value<double>()->default_value(1.0), "replay seconds per second, 0.25 to 64")
      ("colour", po::value<std::string>()->default_value("profile"), "colour agents by profile, speed or density")
      ("window", po::value<std::string>(), "show only X0,Y0,X1,Y1 of the level [m]")
      ("advance", po::value<double>(), "scripted: advance the clock by this many seconds, frame by frame")
      ("screenshot", po::value<std::string>(), "scripted: save a screenshot (and FILE.json) and close")
      ("benchmark", po::value<int>(), "draw this many frames as fast as possible and print frames per second");
  po::variables_map vm;
  if (const int rc = parse_command_line("view", args, opts, vm, "RESULT"); rc >= 0) return rc;
  const std::string path = vm["result"].as<std::string>();
  const std::optional<render::Replay> replay = load_replay("view", path);
  if (!replay) return kBadInput;
  render::ViewerOptions options;
  std::vector<std::string> errors;
  auto check = [&](std::string error) {
    if (!error.empty()) errors.push_back(std::move(error));
  };
  check(parse_size(vm["size"].as<std::string>(), false, options.width, options.height));
  if (vm.count("level")) check(parse_level(vm["level"].as<std::string>(), *replay, options.level));
  check(parse_colour(vm["colour"].as<std::string>(), options.colour));
  if (vm.count("window")) check(parse_window(vm["window"].as<std::string>(), *replay, options.level, options.window));
  options.all_levels = vm.count("all-levels") > 0;
  options.speed = vm["speed"].as<double>();
  if (!(options.speed >= 0.25 && options.speed <= 64.0))
    errors.push_back("--speed: " + std::to_string(options.speed) + " must be between 0.25 and 64");
  if (vm.count("advance")) {
    options.advance = vm["advance"].as<double>();
    if (!(*options.advance >= 0.0)) errors.push_back("--advance: must be >= 0 s");
  }
  if (vm.count("screenshot")) {
    options.screenshot = vm["screenshot"].as<std::string>();
    check(parse_output("--screenshot", options.screenshot->string(), path));
  }
  if (vm.count("benchmark")) {
    options.benchmark_frames = vm["benchmark"].as<int>();
    if (options.benchmark_frames < 1) errors.push_back("--benchmark: must be at least 1 frame");
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::cerr << "campusflow view: " << e << "\n";
    return kBadInput;
  }
  try {
    render::Viewer viewer(*replay, options);
    return viewer.run() == 0 ? kOk : kRunFailed;
  } catch (const std::exception& e) {
    std::cerr << "campusflow view: " << e.what() << "\n";
    return kRunFailed;
  }
}

}  // namespace campusflow::cli
