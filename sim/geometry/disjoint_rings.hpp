#pragma once
// Rings kept pairwise disjoint as they are added one at a time (a level's
// obstacles, in file order): which kept ring does a new one overlap or touch?
// An R-tree of the kept rings' bounding boxes (Boost.Geometry's rtree, after
// Guttman 1984) proposes the few whose boxes meet the new ring's; each is
// then tested with `rings_intersect` in the order it was kept, so the answer
// is the one a loop over every kept ring gives, at a cost that grows with
// the number of neighbours rather than of rings.
#include <cstddef>
#include <memory>
#include <optional>
#include <span>

#include "sim/geometry/polygon.hpp"

namespace campusflow {

class DisjointRings {
 public:
  DisjointRings();
  ~DisjointRings();
  DisjointRings(DisjointRings&&) noexcept;
  DisjointRings& operator=(DisjointRings&&) noexcept;

  // The first of `kept` (the rings added so far, in the order of add) that
  // rings_intersect(ring, it).
  std::optional<std::size_t> first_clash(const Ring& ring, std::span<const Ring> kept) const;
  // Files the next kept ring.
  void add(const Ring& ring);

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

}  // namespace campusflow
