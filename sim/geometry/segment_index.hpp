#pragma once
// The distance from a point to the nearest of many segments (walls), found
// by searching the grid cells around the point ring by ring until no farther
// cell can hold anything nearer. The answer is the minimum over all segments
// of `distance` (polygon.hpp), the same number as a loop over every segment.
#include <span>
#include <vector>

#include "sim/geometry/box_buckets.hpp"

namespace campusflow {

class SegmentIndex {
 public:
  SegmentIndex() = default;
  explicit SegmentIndex(std::vector<Segment> segments);

  // Distance to the nearest segment [m]; +infinity when there is none.
  double distance(const Vec2& p) const;

 private:
  std::vector<Segment> segments_;
  BoxBuckets buckets_;
};

}  // namespace campusflow
