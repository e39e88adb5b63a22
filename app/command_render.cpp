// campusflow render RESULT.h5 --png OUT --at T | --frames DIR | --video OUT.mp4:
// replay frames drawn off screen (render/frame_renderer.hpp).
#include <boost/program_options.hpp>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/replay_options.hpp"
#include "app/stop_signal.hpp"
#include "render/frame_renderer.hpp"
#include "render/heatmap_set.hpp"
#include "render/png_encoder.hpp"
#include "render/video_encoder.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/output_folder.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

namespace {

// The replay times of a video's or frame folder's frames: `fps` frames per
// second of output, speed / fps replay seconds apart, from `from` up to but
// not including `to`, so that the video lasts (to - from) / speed seconds.
std::vector<double> frame_times(double from, double to, double fps, double speed) {
  const auto n = static_cast<std::size_t>(std::llround((to - from) / speed * fps));
  std::vector<double> t(std::max<std::size_t>(1, n));
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = from + static_cast<double>(i) * speed / fps;
  return t;
}

}  // namespace

int render_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow render RESULT.h5 (--png OUT.png --at T | --frames DIR | --video OUT.mp4)");
  opts.add_options()("help,h", "show this help")
      ("png", po::value<std::string>(), "one frame as a PNG (with --at)")
      ("at", po::value<double>(), "time of the PNG frame [s after the start]")
      ("frames", po::value<std::string>(), "a folder of PNG frames, frame_00000.png, ...")
      ("video", po::value<std::string>(), "an MP4 video (H.264, yuv420p: plays in browsers)")
      ("heatmaps", po::value<std::string>(), "heatmap PNGs per floor into a folder (no display needed)")
      ("from", po::value<double>()->default_value(0.0), "first time [s] (frames, video)")
      ("to", po::value<double>(), "last time [s] (frames, video; default: the end of the run)")
      ("fps", po::value<double>()->default_value(25.0), "frames per second of the output (frames, video)")
      ("speed", po::value<double>()->default_value(1.0), "replay seconds per output second (frames, video)")
      ("size", po::value<std::string>()->default_value("1280x720"), "frame size WIDTHxHEIGHT [px]")
      ("level", po::value<std::string>(), "level, by index or name (default 0)")
      ("colour", po::value<std::string>()->default_value("profile"), "colour agents by profile, speed or density")
      ("window", po::value<std::string>(), "show only X0,Y0,X1,Y1 of the level [m]")
      ("no-overlay", "leave out the clock, level name and legend")
      ("info", po::value<std::string>(), "write what the (first) frame shows and its pixel scale as JSON");
  po::variables_map vm;
  if (const int rc = parse_command_line("render", args, opts, vm, "RESULT"); rc >= 0) return rc;
  const std::string path = vm["result"].as<std::string>();
  const std::optional<render::Replay> replay = load_replay("render", path);
  if (!replay) return kBadInput;
  std::vector<std::string> errors;
  auto check = [&](std::string error) {
    if (!error.empty()) errors.push_back(std::move(error));
  };
  const int outputs = static_cast<int>(vm.count("png") + vm.count("frames") + vm.count("video") + vm.count("heatmaps"));
  if (outputs != 1) errors.push_back("give exactly one of --png, --frames, --video and --heatmaps");
  render::FrameRequest request;
  check(parse_size(vm["size"].as<std::string>(), vm.count("video") > 0, request.width, request.height));
  if (vm.count("level")) check(parse_level(vm["level"].as<std::string>(), *replay, request.level));
  check(parse_colour(vm["colour"].as<std::string>(), request.colour));
  if (vm.count("window")) check(parse_window(vm["window"].as<std::string>(), *replay, request.level, request.window));
  request.overlay = !vm.count("no-overlay");
  for (const char* file : {"png", "video", "info"})
    if (vm.count(file)) check(parse_output((std::string("--") + file).c_str(), vm[file].as<std::string>(), path));
  for (const char* folder : {"frames", "heatmaps"})
    if (vm.count(folder))
      if (const std::string why = output_folder_refusal(vm[folder].as<std::string>()); !why.empty())
        errors.push_back(std::string("--") + folder + ": " + why);
  const double duration = replay->duration();
  auto in_run = [&](const char* name, double t) {
    if (!(t >= 0.0 && t <= duration + 1e-9)) {
      std::ostringstream os;
      os << name << ": " << t << " s is outside the run (0 to " << duration << " s)";
      errors.push_back(os.str());
    }
  };
  if (vm.count("png")) {
    if (!vm.count("at")) errors.push_back("--png needs --at T, the time of the frame");
    else in_run("--at", vm["at"].as<double>());
  }
  const double from = vm["from"].as<double>(), to = vm.count("to") ? vm["to"].as<double>() : duration;
  const double fps = vm["fps"].as<double>(), speed = vm["speed"].as<double>();
  if (vm.count("frames") || vm.count("video")) {
    in_run("--from", from);
    in_run("--to", to);
    if (!(to > from)) {
      std::ostringstream os;
      os << "--to (" << to << " s) must be after --from (" << from << " s)";
      errors.push_back(os.str());
    }
    if (!(fps > 0.0 && fps <= 240.0)) errors.push_back("--fps must be in (0, 240]");
    if (!(speed > 0.0 && speed <= 1000.0)) errors.push_back("--speed must be in (0, 1000]");
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::cerr << "campusflow render: " << e << "\n";
    return kBadInput;
  }
  install_stop_handlers();
  // Between two frames: stops a render asked to stop, its outputs removed.
  auto go_on = [] {
    if (stop_requested().load()) throw std::runtime_error("interrupted; nothing was written");
  };
  try {
    if (vm.count("heatmaps")) {
      io::OutputFolder folder(vm["heatmaps"].as<std::string>());
      render::write_heatmaps(*replay, folder);
      folder.publish();
      std::cout << "heatmaps in " << folder.final_path().string() << "\n";
      return kOk;
    }
    render::FrameRenderer renderer(*replay, request);
    const double first = vm.count("png") ? vm["at"].as<double>() : from;
    if (vm.count("info")) io::write_file(vm["info"].as<std::string>(), renderer.describe(first));
    if (vm.count("png")) {
      const std::string out = vm["png"].as<std::string>();
      io::write_file(out, render::encode_png(renderer.render(first)));
      std::cout << out << "\n";
      return kOk;
    }
    const std::vector<double> times = frame_times(from, to, fps, speed);
    if (vm.count("frames")) {
      // All frames or none: a folder with the first half of a replay would pass for all of it.
      io::OutputFolder folder(vm["frames"].as<std::string>());
      for (std::size_t i = 0; i < times.size(); ++i) {
        go_on();
        std::ostringstream name;
        name << "frame_" << std::setw(5) << std::setfill('0') << i << ".png";
        folder.write(name.str(), render::encode_png(renderer.render(times[i])));
      }
      folder.publish();
      std::cout << times.size() << " frames in " << folder.final_path().string() << "\n";
      return kOk;
    }
    const std::string out = vm["video"].as<std::string>();
    render::VideoEncoder video(out, request.width, request.height, fps);
    for (const double t : times) {
      go_on();
      video.add(renderer.render(t));
    }
    video.finish();
    std::cout << out << ": " << times.size() << " frames, " << static_cast<double>(times.size()) / fps << " s\n";
    return kOk;
  } catch (const std::exception& e) {
    // Ctrl-C reaches ffmpeg too, which then stops reading: the cause is the interruption.
    if (stop_requested().load()) std::cerr << "campusflow render: interrupted; nothing was written\n";
    else std::cerr << "campusflow render: " << e.what() << "\n";
    return kRunFailed;
  }
}

}  // namespace campusflow::cli
