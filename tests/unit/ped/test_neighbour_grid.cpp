#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <vector>

#include "sim/core/random.hpp"
#include "sim/ped/neighbour_grid.hpp"

using namespace campusflow;

TEST_CASE("the neighbour grid finds exactly the agents a brute-force search finds", "[ped][grid]") {
  // 2,000 agents in a 30 x 20 m room; every agent within the 2 m range of a
  // query point must be visited, in ascending id order within each cell.
  const RandomStream rng(3, RandomPurpose::kTest, 0);
  std::vector<Vec2> pos;
  std::vector<std::uint32_t> ids;
  for (std::uint32_t k = 0; k < 2000; ++k) {
    pos.emplace_back(30 * rng.uniform01(k, 0), 20 * rng.uniform01(k, 1));
    if (k % 3 != 0) ids.push_back(k);  // a third are not in the grid (exited)
  }
  const double range = 2.0;
  NeighbourGrid grid(GridSpec::covering({{0, 0}, {30, 20}}, range, range));
  grid.rebuild(ids, pos);
  for (std::uint32_t q = 0; q < 2000; q += 37) {
    std::set<std::uint32_t> found, expected;
    grid.for_each_near(pos[q], [&](std::uint32_t j) {
      if ((pos[j] - pos[q]).norm() < range) found.insert(j);
    });
    for (std::uint32_t j : ids)
      if ((pos[j] - pos[q]).norm() < range) expected.insert(j);
    REQUIRE(found == expected);
  }
}
