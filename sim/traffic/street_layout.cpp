// Where lanes, stalls and vehicles lie in world coordinates (CompiledStreet).
#include "sim/traffic/street.hpp"

namespace campusflow {

double CompiledStreet::lane_width(std::uint32_t link) const {
  const StreetLink& l = links[link];
  return l.carriageway / l.lanes;
}

double CompiledStreet::lane_offset(std::uint32_t link, std::uint32_t lane, bool beside) const {
  // Lane 0, the curb lane, is the outermost on the right.
  const double w = lane_width(link);
  return links[link].carriageway - (lane + 0.5) * w + (beside ? w : 0.0);
}

Vec2 CompiledStreet::road_point(std::uint32_t link, double s, double offset) const {
  const StreetLink& l = links[link];
  const double node_distance = (spec.nodes[l.to].position - l.start).norm();
  const double scale = l.length > node_distance ? node_distance / l.length : 1.0;
  const Vec2 right(l.dir.y(), -l.dir.x());
  return l.start + l.dir * (s * scale) + right * offset;
}

}  // namespace campusflow
