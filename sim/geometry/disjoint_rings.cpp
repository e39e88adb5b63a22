#include "sim/geometry/disjoint_rings.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <iterator>
#include <utility>
#include <vector>

#include "sim/geometry/box_buckets.hpp"

namespace campusflow {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BgBox = bg::model::box<BgPoint>;
using Entry = std::pair<BgBox, std::size_t>;

// The ring's box grown by kIndexMargin: rings that rings_intersect share a
// point, which lies in both boxes; the margin covers any tolerance there.
BgBox filed_box(const Ring& ring) {
  const Box b = grown(bounding_box(ring), kIndexMargin);
  return {BgPoint(b.min.x(), b.min.y()), BgPoint(b.max.x(), b.max.y())};
}

}  // namespace

struct DisjointRings::Tree {
  bgi::rtree<Entry, bgi::rstar<16>> rtree;
  std::size_t count = 0;
};

DisjointRings::DisjointRings() : tree_(std::make_unique<Tree>()) {}
DisjointRings::~DisjointRings() = default;
DisjointRings::DisjointRings(DisjointRings&&) noexcept = default;
DisjointRings& DisjointRings::operator=(DisjointRings&&) noexcept = default;

std::optional<std::size_t> DisjointRings::first_clash(const Ring& ring, std::span<const Ring> kept) const {
  std::vector<Entry> near;
  tree_->rtree.query(bgi::intersects(filed_box(ring)), std::back_inserter(near));
  std::vector<std::size_t> order;
  order.reserve(near.size());
  for (const Entry& e : near) order.push_back(e.second);
  std::sort(order.begin(), order.end());
  for (std::size_t k : order)
    if (rings_intersect(ring, kept[k])) return k;
  return std::nullopt;
}

void DisjointRings::add(const Ring& ring) { tree_->rtree.insert({filed_box(ring), tree_->count++}); }

}  // namespace campusflow
