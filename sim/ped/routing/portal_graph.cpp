#include "sim/ped/routing/portal_graph.hpp"

#include <limits>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

namespace campusflow {

std::vector<double> PortalGraph::costs_to(std::span<const std::uint32_t> targets,
                                          std::span<const char> blocked) const {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  auto is_blocked = [&](std::uint32_t p) { return !blocked.empty() && blocked[p]; };
  // One extra vertex, joined at no cost to every target, makes the
  // nearest-target question a single-source one.
  const std::size_t source = places_;
  Graph g(places_ + 1);
  for (const GraphEdge& e : edges_)
    if (!is_blocked(e.a) && !is_blocked(e.b)) boost::add_edge(e.a, e.b, e.cost, g);
  for (std::uint32_t t : targets)
    if (!is_blocked(t)) boost::add_edge(source, t, 0.0, g);
  std::vector<double> distance(places_ + 1, std::numeric_limits<double>::infinity());
  boost::dijkstra_shortest_paths(
      g, source,
      boost::distance_map(boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, g)))
          .distance_inf(std::numeric_limits<double>::infinity()));
  distance.pop_back();
  for (std::size_t p = 0; p < places_; ++p)
    if (is_blocked(static_cast<std::uint32_t>(p))) distance[p] = std::numeric_limits<double>::infinity();
  return distance;
}

}  // namespace campusflow
