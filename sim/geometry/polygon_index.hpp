#pragma once
// Point-in-polygon tests for many points against large rings and polygons
// with thousands of holes: the same answers as `contains` (polygon.hpp), bit
// for bit, since only edges and holes that cannot change the answer are
// skipped.
//
// RingIndex files the edges of a ring by horizontal slabs: the even-odd test
// counts only edges that straddle the point's height, and those lie in the
// point's slab. PolygonIndex adds the holes, filed by bounding box: a hole
// whose box (grown by kIndexMargin) misses the point cannot contain it.
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/geometry/box_buckets.hpp"

namespace campusflow {

class RingIndex {
 public:
  RingIndex() = default;
  explicit RingIndex(Ring ring);

  bool contains(const Vec2& p) const;

 private:
  Ring ring_;
  double y0_ = 0.0, y1_ = 0.0;  // lowest and highest y of the ring [m]
  double slab_ = 1.0;           // slab height [m]
  std::vector<std::uint32_t> start_;  // (slabs + 1) offsets into edges_
  std::vector<std::uint32_t> edges_;  // edge i runs from ring_[i] to ring_[i - 1]
};

class PolygonIndex {
 public:
  PolygonIndex() = default;
  explicit PolygonIndex(const Polygon& polygon);

  bool contains(const Vec2& p) const { return in_outer(p) && !hole_at(p); }
  bool in_outer(const Vec2& p) const { return outer_.contains(p); }
  // The first hole, in the polygon's order, that contains p.
  std::optional<std::size_t> hole_at(const Vec2& p) const;

 private:
  RingIndex outer_;
  std::vector<Ring> holes_;
  BoxBuckets hole_boxes_;
};

}  // namespace campusflow
