#pragma once
// Where the agents of a spawn area may stand: places on a hexagonal lattice
// inside the area and on the level's floor, clear of walls, obstacles and the
// explicit positions already taken. A SpawnFloor files one level's floor,
// walls and taken places once, so that each of thousands of lattice places
// looks only at what is near it (a hall may hold thousands of obstacles and
// a spawn area thousands of vertices); the places are those of testing every
// wall, obstacle and position.
#include <utility>
#include <vector>

#include "sim/geometry/box_buckets.hpp"
#include "sim/geometry/polygon_index.hpp"
#include "sim/geometry/segment_index.hpp"

namespace campusflow {

// Spacing between neighbouring spawn places for agents of radius r [m].
double spawn_spacing(double radius);

class SpawnFloor {
 public:
  // `taken`: explicit start positions on the level with their body radii [m].
  SpawnFloor(const Polygon& walkable, std::vector<std::pair<Vec2, double>> taken);

  // The free places for agents of radius r [m] in `area`, row by row.
  std::vector<Vec2> places(const Ring& area, double r) const;

 private:
  bool clear_of_taken(const Vec2& p, double r) const;

  PolygonIndex floor_;
  SegmentIndex boundary_;  // outline and obstacle edges
  std::vector<std::pair<Vec2, double>> taken_;
  BoxBuckets taken_boxes_;
};

}  // namespace campusflow
