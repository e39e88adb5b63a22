#pragma once
// Trajectories as rows sorted by (id, frame), with per-row look-ups of the
// same agent some frames earlier or later. The input of every metric.
#include <filesystem>
#include <span>
#include <vector>

#include "sim/io/records.hpp"

namespace campusflow::analysis {

class TrajectorySet {
 public:
  // Throws std::invalid_argument unless fps is finite and > 0.
  TrajectorySet(std::vector<io::TrajectoryRow> rows, double fps);

  std::span<const io::TrajectoryRow> rows() const { return rows_; }
  double fps() const { return fps_; }

  // Speed of each row [m/s] by the central difference over +/- k frames
  // (the displacement from frame f - k to f + k over 2k / fps); negative
  // where the agent is not seen at both ends.
  std::vector<double> speeds(int k) const;

  // Each agent's row ranges: rows [begin, end) belong to one id.
  struct Track {
    std::size_t begin, end;
  };
  std::span<const Track> tracks() const { return tracks_; }

 private:
  std::vector<io::TrajectoryRow> rows_;
  std::vector<Track> tracks_;
  double fps_;
};

// Reads the Pedestrian Dynamics Data Archive text format: whitespace
// separated `id frame x y z` per line, lengths in `unit` metres (0.01 for cm).
// Throws std::runtime_error naming the file and the row for anything else.
TrajectorySet read_trajectory_text(const std::filesystem::path& path, double fps, double unit);

}  // namespace campusflow::analysis
