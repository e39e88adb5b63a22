#pragma once
// The walking-time field of one level towards a set of target segments
// (exits), computed once per scenario by the fast marching method
// (Sethian, "A fast marching level set method for monotonically advancing
// fronts", PNAS 93(4), 1996). Agents take the field's steepest descent as
// their desired direction: an O(1) look-up per agent and step.
//
// The front moves at speed 1 where a cell is at least `wall_clearance` from
// the nearest wall and more slowly closer to walls, so that routes keep off
// walls and round corners with a margin, as people do (the idea of
// Kretz, "Pedestrian traffic: on the quickest path", J. Stat. Mech. 2009).
// Values are therefore travel costs in metres of open floor, not distances.
#include <span>
#include <vector>

#include "sim/geometry/grid_spec.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow {

// A segment the field leads to. A boundary target (an exit, a stair end) is
// left outwards; a door inside the level is reached from either side and
// crossed.
struct FieldTarget {
  Segment segment;
  Vec2 outward = Vec2::Zero();  // unit normal out of the walkable area (boundary targets)
  bool through = false;         // a door: the way leads across it from both sides
};

struct DistanceFieldOptions {
  double cell = 0.125;          // grid cell [m]
  double wall_clearance = 0.5;  // full speed this far from walls [m]
  double min_speed = 0.2;       // relative front speed at a wall [-]
};

class DistanceField {
 public:
  DistanceField() = default;

  // `walls` are the boundary pieces that block (the openings are gaps in
  // them); `barriers` are lines the front may not cross (the level's other
  // doors, so that a way never cuts through a room it does not route
  // through); `targets` are where the field is zero.
  static DistanceField build(const Polygon& walkable, std::span<const Segment> walls,
                             std::span<const FieldTarget> targets, std::span<const Segment> barriers,
                             const DistanceFieldOptions& options);

  // Travel cost to the nearest target [m]; +infinity where no target is reachable.
  double value(const Vec2& p) const;
  // Unit vector of steepest descent at p (zero where undefined).
  Vec2 direction(const Vec2& p) const;
  bool reachable(const Vec2& p) const;
  // Distance from p to the nearest wall [m], from the grid.
  double wall_distance(const Vec2& p) const;

  const GridSpec& grid() const { return grid_; }
  std::span<const float> values() const { return value_; }

 private:
  // The walkable cell nearest to p among its cell and the 8 around it, else
  // the 24 around that, or -1.
  long nearest_walkable(const Vec2& p) const;
  long nearest_walkable(const Vec2& p, int reach) const;

  GridSpec grid_;
  std::vector<float> value_;      // (nx*ny) travel cost [m], inf outside or unreachable
  std::vector<float> wall_;       // (nx*ny) distance to the nearest wall [m]
  std::vector<Eigen::Vector2f> dir_;  // (nx*ny) unit steepest-descent direction
};

}  // namespace campusflow
