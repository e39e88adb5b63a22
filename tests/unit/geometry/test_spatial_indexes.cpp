// The spatial indexes behind `campusflow check` on large plans must give the
// answers of the loops over every item they replace, exactly (== on
// doubles): accept/reject decisions, reported indices and the distances in
// messages and distance fields may not change. Points are taken on a grid
// that hits vertices and edges, where rounding would show first.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "sim/geometry/box_buckets.hpp"
#include "sim/geometry/disjoint_rings.hpp"
#include "sim/geometry/polygon_index.hpp"
#include "sim/geometry/segment_grid.hpp"
#include "sim/geometry/segment_index.hpp"

using namespace campusflow;

namespace {

Ring rect(double x, double y, double w, double h) { return {{x, y}, {x, y + h}, {x + w, y + h}, {x + w, y}}; }

// A hall with holes of three shapes and one long
// thin diagonal wall, on coordinates that are multiples of 0.25 m.
Polygon hall() {
  Polygon p{{{0, 0}, {40, 0}, {40, 30}, {20, 36}, {0, 30}}, {}};
  for (int i = 0; i < 15; ++i) {
    for (int j = 0; j < 11; ++j) {
      const double x = 1.0 + 2.5 * i, y = 1.0 + 2.5 * j;
      switch ((i + j) % 3) {
        case 0: p.holes.push_back(rect(x, y, 0.5, 0.75)); break;
        case 1: p.holes.push_back({{x, y}, {x + 1.0, y + 0.5}, {x + 0.25, y + 1.0}}); break;
        default: p.holes.push_back(rect(x - 0.5, y - 0.5, 0.5, 0.5)); break;
      }
    }
  }
  p.holes.push_back({{2.0, 29.0}, {38.0, 29.5}, {38.0, 29.75}});
  return p;
}

std::vector<Vec2> probes(const Box& box, double step, std::size_t random) {
  std::vector<Vec2> out;
  for (double y = box.min.y() - 1.0; y <= box.max.y() + 1.0; y += step)
    for (double x = box.min.x() - 1.0; x <= box.max.x() + 1.0; x += step) out.emplace_back(x, y);
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(box.min.x() - 1.0, box.max.x() + 1.0), uy(box.min.y() - 1.0, box.max.y() + 1.0);
  for (std::size_t k = 0; k < random; ++k) out.emplace_back(ux(rng), uy(rng));
  return out;
}

}  // namespace

TEST_CASE("indexed point-in-polygon answers as the plain even-odd test", "[geometry][index]") {
  const Polygon p = hall();
  const PolygonIndex index(p);
  std::size_t inside = 0, in_holes = 0;
  for (const Vec2& q : probes(bounding_box(p.outer), 0.125, 20000)) {
    std::optional<std::size_t> first;
    for (std::size_t h = 0; h < p.holes.size() && !first; ++h)
      if (contains(p.holes[h], q)) first = h;
    REQUIRE(index.hole_at(q) == first);
    REQUIRE(index.in_outer(q) == contains(p.outer, q));
    REQUIRE(index.contains(q) == contains(p, q));
    inside += index.contains(q);
    in_holes += first.has_value();
  }
  CHECK(inside > 10000);  // the probes reach every case
  CHECK(in_holes > 1000);
}

TEST_CASE("a ring of 20,000 vertices answers as the plain test", "[geometry][index]") {
  Ring flower;
  for (int i = 0; i < 20000; ++i) {
    const double a = 2.0 * M_PI * i / 20000, r = 10.0 * (1.0 + 0.1 * std::sin(12.0 * a));
    flower.emplace_back(std::round(r * std::cos(a) * 1e3) / 1e3, std::round(r * std::sin(a) * 1e3) / 1e3);
  }
  const RingIndex index(flower);
  for (const Vec2& q : probes(bounding_box(flower), 0.37, 3000)) REQUIRE(index.contains(q) == contains(flower, q));
  // On the vertices and edge middles themselves.
  for (std::size_t i = 0; i < flower.size(); i += 7) {
    REQUIRE(index.contains(flower[i]) == contains(flower, flower[i]));
    const Vec2 mid = 0.5 * (flower[i] + flower[(i + 1) % flower.size()]);
    REQUIRE(index.contains(mid) == contains(flower, mid));
  }
}

TEST_CASE("nearest-wall distance is the minimum over every wall", "[geometry][index]") {
  const Polygon p = hall();
  std::vector<Segment> walls = edges(p);
  walls.push_back({{0.5, 0.5}, {39.5, 28.0}});  // long and diagonal: in many cells
  const SegmentIndex index(walls);
  for (const Vec2& q : probes(bounding_box(p.outer), 0.3, 5000)) {
    double d = std::numeric_limits<double>::infinity();
    for (const Segment& s : walls) d = std::min(d, distance(s, q));
    REQUIRE(index.distance(q) == d);
  }
  // Far outside the walls' extent the search widens to every cell.
  double d = std::numeric_limits<double>::infinity();
  for (const Segment& s : walls) d = std::min(d, distance(s, Vec2(-500, 900)));
  CHECK(index.distance({-500, 900}) == d);
  CHECK(std::isinf(SegmentIndex(std::vector<Segment>{}).distance({0, 0})));
}

TEST_CASE("the first clash found through the R-tree is the loop's", "[geometry][index]") {
  // Rectangles on a 0.5 m grid, so that many meet only at an edge or a
  // corner (touching counts) and many overlap two or more kept ones.
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> at(0, 200), size(1, 4);
  std::vector<Ring> kept;
  DisjointRings index;
  std::size_t clashes = 0;
  for (int n = 0; n < 3000; ++n) {
    const Ring r = rect(0.5 * at(rng), 0.5 * at(rng), 0.5 * size(rng), 0.5 * size(rng));
    std::optional<std::size_t> first;
    for (std::size_t k = 0; k < kept.size() && !first; ++k)
      if (rings_intersect(r, kept[k])) first = k;
    REQUIRE(index.first_clash(r, kept) == first);
    if (first) {
      ++clashes;
      continue;
    }
    index.add(r);
    kept.push_back(r);
  }
  CHECK(clashes > 500);
  CHECK(kept.size() > 500);
}

TEST_CASE("box buckets return every overlapping box once, in order", "[geometry][index]") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> at(0.0, 100.0), size(0.0, 3.0);
  std::vector<Box> boxes;
  for (int n = 0; n < 2000; ++n) {
    const Vec2 lo(at(rng), at(rng));
    boxes.push_back({lo, lo + Vec2(size(rng), size(rng))});
  }
  boxes.push_back({{0, 0}, {100, 0}});  // flat
  const BoxBuckets buckets(boxes);
  std::vector<std::uint32_t> found;
  for (int n = 0; n < 500; ++n) {
    const Vec2 lo(at(rng) - 5.0, at(rng) - 5.0);
    const Box query{lo, lo + Vec2(size(rng), size(rng))};
    buckets.overlapping(query, found);
    REQUIRE(std::is_sorted(found.begin(), found.end()));
    REQUIRE(std::adjacent_find(found.begin(), found.end()) == found.end());
    for (std::uint32_t k = 0; k < boxes.size(); ++k)
      if (overlap(boxes[k], query)) REQUIRE(std::binary_search(found.begin(), found.end(), k));
  }
}

TEST_CASE("a wall grid lists every wall within range of a point", "[geometry][index]") {
  const Polygon p = hall();
  const std::vector<Segment> walls = edges(p);
  const double range = 1.3;
  const SegmentGrid grid(walls, bounding_box(p.outer), 1.0, range);
  for (const Vec2& q : probes(bounding_box(p.outer), 0.35, 2000)) {
    const auto near = grid.near(q);
    REQUIRE(std::is_sorted(near.begin(), near.end()));
    for (std::uint32_t s = 0; s < walls.size(); ++s)
      if (distance(walls[s], q) <= range) REQUIRE(std::find(near.begin(), near.end(), s) != near.end());
  }
}
