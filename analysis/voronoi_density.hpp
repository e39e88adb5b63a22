#pragma once
// Voronoi density in a measurement area (Steffen & Seyfried, Physica A 389,
// 1902, 2010; as PedPy computes it): each person owns the part of the plane
// nearer to them than to anyone else (clipped to `bounds`), and the density
// in area A is sum_i |V_i cap A| / |V_i| / |A|, averaged over the frames.
// Smoother than counting heads in A, and exact for a lattice.
#include <cstdint>
#include <span>

#include "analysis/trajectory_set.hpp"
#include "sim/geometry/polygon.hpp"

namespace campusflow::analysis {

// Mean Voronoi density [1/m^2] in `area` over frames [first, last]; `bounds`
// closes the outer cells (the walkable area's box). Frames nobody is in count 0.
double voronoi_density(const TrajectorySet& t, const Ring& area, const Box& bounds, std::int64_t first,
                       std::int64_t last);

// The Voronoi cell of sites[i] within `bounds`, counter-clockwise.
Ring voronoi_cell(std::span<const Vec2> sites, std::size_t i, const Box& bounds);

}  // namespace campusflow::analysis
