#pragma once
// A result file loaded for a replay: the walkable area of every floor, and
// who is where in each frame. Built once from the HDF5 file and then only
// read, by the viewer and by the offline renderer alike.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "sim/geometry/polygon.hpp"
#include "sim/io/records.hpp"
#include "sim/io/street_records.hpp"

namespace campusflow::io {
class ResultReader;
}

namespace campusflow::render {

// A floor of the building, or the street, in plan coordinates [m].
struct ReplayLevel {
  std::string name;
  double elevation = 0.0;     // [m]
  std::vector<Polygon> area;  // walkable area
  Box bounds;
};

// One pedestrian in one frame.
struct AgentPose {
  std::int64_t id = 0;  // row of agents()
  Vec2 position = Vec2::Zero();
  double speed = 0.0;   // [m/s], from the frame before (0 in the first)
  int level = 0;        // index into levels()
};

class Replay {
 public:
  // Throws io::ResultFormatError when the file cannot be replayed (not HDF5,
  // not a campusflow result, incomplete, damaged), naming the reason.
  explicit Replay(const std::filesystem::path& result);

  double fps() const { return fps_; }
  std::int64_t frame_count() const { return frame_count_; }
  double duration() const;                   // [s] time of the last frame
  std::int64_t frame_at(double t) const;     // the frame shown at time t, clamped to the run
  const std::vector<ReplayLevel>& levels() const { return levels_; }
  // The stairs' flights, each in its own frame (x along the slope, y across),
  // and the result's density samples on each: what the floors' maps cannot
  // show, since a flight's plan view may be a mere line.
  const std::vector<ReplayLevel>& flights() const { return flights_; }
  const std::vector<std::vector<io::DensityRow>>& flight_density() const { return flight_density_; }
  const std::vector<io::AgentRow>& agents() const { return agents_; }
  const std::vector<std::string>& profile_names() const { return profile_names_; }
  const std::string& scenario_name() const { return scenario_name_; }
  // The drill's phase in effect at time t ("drop, cover and hold",
  // "evacuation", "lockdown"), with how long it has run and, when it ended,
  // how long it took: "evacuation 1:02.5" or "drop, cover and hold 0:12.0 of
  // 1:00.0". Empty before the first phase, after the last one ended, or
  // without phases in the file.
  std::string phase_text(double t) const;
  const std::string& scenario_text() const { return scenario_text_; }
  // Everyone inside in frame k, with their floor and speed.
  std::vector<AgentPose> poses(std::int64_t frame) const;
  std::size_t max_agents_in_frame() const;
  // Every trajectory row on level `level` (frame after frame); those on the
  // floor itself only (not on a stair leading off it) with `floor_only`.
  std::vector<io::TrajectoryRow> rows_on_level(int level, bool floor_only = false) const;
  // The floor a trajectory row is on (see poses()).
  int level_of(const io::TrajectoryRow& row) const;

  // The street (gate traffic), when the result has one: the level showing
  // it (-1: none), what it looks like, and who is on it at time t (its frames
  // are coarser than the building's: 2 per second).
  int street_level() const { return street_level_; }
  // The building's level drawn over the street, when building and street are
  // one world (the ground is near the street); -1 none. Its bounds take in
  // the street, so the campus and the street show together.
  int street_under() const { return street_under_; }
  const io::StreetGeometry& street() const { return street_; }
  std::span<const io::StreetFrameRow> street_at(double t) const;
  std::span<const io::StreetFrameRow> street_frames() const { return street_frames_; }
  // Length and width of vehicle `id` of the street's vehicles table [m].
  std::pair<double, double> vehicle_size(std::int32_t id) const;

 private:
  std::span<const io::TrajectoryRow> rows(std::int64_t frame) const;
  void load_street(const io::ResultReader& reader);

  std::vector<ReplayLevel> levels_;
  std::vector<ReplayLevel> flights_;
  std::vector<std::vector<io::DensityRow>> flight_density_;  // (flights) samples on it
  std::vector<io::AgentRow> agents_;
  std::vector<std::string> profile_names_;
  std::vector<io::PhaseRow> phases_;
  std::string scenario_name_, scenario_text_;
  std::vector<io::TrajectoryRow> trajectory_;  // frame after frame, ids ascending within a frame
  // The frames that have rows, ascending, and where their rows start: frame
  // frames_[i] is rows [frame_start_[i], frame_start_[i+1]). Kept sparse so
  // that a damaged frame number cannot ask for memory in proportion to it.
  std::vector<std::int64_t> frames_;
  std::vector<std::size_t> frame_start_;
  std::int64_t frame_count_ = 1;  // the last frame + 1 (1 when nobody was ever inside)
  double fps_ = 10.0;
  int street_level_ = -1;
  int street_under_ = -1;
  io::StreetGeometry street_;
  std::vector<io::StreetFrameRow> street_frames_;  // by frame
  std::vector<std::int32_t> vehicle_type_;         // by vehicle row
  double street_fps_ = 2.0;
};

// "12:34.5" for 754.5 s: the replay's clock, from the alarm.
std::string clock_text(double t);

}  // namespace campusflow::render
