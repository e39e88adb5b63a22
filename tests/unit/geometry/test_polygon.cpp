#include <catch2/catch.hpp>

#include "sim/geometry/polygon.hpp"

using namespace campusflow;

TEST_CASE("polygon area, containment and distance", "[geometry][polygon]") {
  const Polygon p{{{0, 0}, {4, 0}, {4, 3}, {0, 3}}, {{{1, 1}, {1, 2}, {2, 2}, {2, 1}}}};
  CHECK(area(p) == Approx(11.0));
  CHECK(contains(p, {3, 2}));
  CHECK_FALSE(contains(p, {1.5, 1.5}));  // in the hole
  CHECK_FALSE(contains(p, {5, 1}));
  CHECK(distance_to_boundary(p, {3, 1.5}) == Approx(1.0));
  CHECK(distance(Segment{{0, 0}, {2, 0}}, Vec2(3, 4)) == Approx(std::sqrt(17.0)));
}

TEST_CASE("ring defects are named", "[geometry][polygon]") {
  CHECK(ring_defect({{0, 0}, {1, 0}}) == "has fewer than 3 points");
  CHECK(ring_defect({{0, 0}, {2, 2}, {2, 0}, {0, 3}}) == "intersects itself");  // a bow tie
  CHECK(ring_defect({{0, 0}, {1, 0}, {2, 0}}) == "has zero area");
  CHECK_FALSE(ring_defect({{0, 0}, {1, 0}, {1, 1}}).has_value());
}

TEST_CASE("WKT of a polygon with a hole", "[geometry][polygon]") {
  const Polygon p{{{0, 0}, {4, 0}, {4, 3}}, {{{1, 0.5}, {2, 0.5}, {2, 1}}}};
  CHECK(to_wkt(p) == "POLYGON ((0 0, 4 0, 4 3, 0 0), (1 0.5, 2 0.5, 2 1, 1 0.5))");
}

TEST_CASE("Polygons read back from WKT", "[geometry][wkt]") {
  // A result stores each level's walkable area as WKT; the viewer reads it
  // back: the same rings (open), holes kept, several parts of a MULTIPOLYGON.
  Polygon room{{{0, 0}, {4, 0}, {4, 2}, {0, 2}}, {{{1, 0.5}, {2, 0.5}, {2, 1.5}, {1, 1.5}}}};
  const auto back = polygons_from_wkt(to_wkt(room));
  REQUIRE(back);
  REQUIRE(back->size() == 1);
  CHECK(back->front().outer.size() == 4);
  REQUIRE(back->front().holes.size() == 1);
  CHECK(area(back->front()) == Approx(8.0 - 1.0));
  const auto two = polygons_from_wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 7, 5 7, 5 5)))");
  REQUIRE(two);
  REQUIRE(two->size() == 2);
  CHECK(area((*two)[1]) == Approx(4.0));
  CHECK_FALSE(polygons_from_wkt("POLYGON ((0 0, 1 0"));
  CHECK_FALSE(polygons_from_wkt("not wkt at all"));
}
