#pragma once
// Classic measurement methods of pedestrian dynamics (as in PedPy and in
// Zhang et al., J. Stat. Mech. 2011, P06004): flow at a line, density and
// speed in a measurement area, over a window of frames.
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/trajectory_set.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow::analysis {

// The frame after which each agent first crosses `line` from its left side
// (seen from a to b) to its right side; one entry per crossing agent, sorted.
std::vector<std::int64_t> line_crossing_frames(const TrajectorySet& t, const Segment& line);

// Flow [1/s] from crossing frames inside [first, last]: (n - 1) crossings in
// the time between the first and the last of them. 0 with fewer than 2.
double flow(std::span<const std::int64_t> crossing_frames, std::int64_t first, std::int64_t last, double fps);

struct AreaMeasure {
  double density;  // mean over the frames of (agents in the area) / area [1/m^2]
  double speed;    // mean over the frames of the mean speed of agents in it [m/s]
};

// Classic density and mean speed in `area` over frames [first, last]; speeds
// by central differences over +/- k frames.
AreaMeasure measure_area(const TrajectorySet& t, const Ring& area, std::int64_t first, std::int64_t last, int k);

}  // namespace campusflow::analysis
