#pragma once
// Where along the lanes the gate's queue stands (the gate heatmap): for each
// stretch of each lane, the share of the time a queued vehicle (slower than
// 2 m/s, the queue definition of docs/metrics.md) stood on it.
#include <span>
#include <vector>

#include "sim/io/street_records.hpp"

namespace campusflow::analysis {

struct LaneOccupancy {
  io::LaneRow lane;
  double stretch = 5.0;        // [m] length of each stretch, from the lane's start
  std::vector<double> share;   // per stretch: share of the frames with a queued vehicle on it
};

// From the street's replay frames (vehicles only are used; each frame from 0
// to the last is one sample, rows or not) and its lanes. A vehicle is on the
// lane whose centre line is nearest its centre, within half the lane's width.
std::vector<LaneOccupancy> queue_occupancy(std::span<const io::StreetFrameRow> frames, std::span<const io::LaneRow> lanes,
                                           double stretch = 5.0, double queued_below = 2.0);

}  // namespace campusflow::analysis
