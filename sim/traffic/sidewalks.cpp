#include "sim/traffic/sidewalks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>

#include "sim/traffic/street_spec.hpp"

namespace campusflow {

namespace {

// The clockwise normal of a direction: the right-hand side of travel.
Vec2 right_of(const Vec2& d) { return {d.y(), -d.x()}; }

double carriageway(const LinkSpec& l) {
  double w = 0.0;
  for (const LaneSpec& lane : l.lanes) w += lane.width;
  return w;
}

// A direction leaving a node: a road (both links between two nodes) or a
// gate's footpath. Sidewalks and crossings attach to the corners on either side.
struct Arm {
  double angle = 0.0;
  Vec2 dir = Vec2::UnitX();
  std::int32_t out_link = -1, in_link = -1;  // the links leaving / entering the node along it
  std::int32_t gate = -1;
  std::uint32_t cw_corner = 0, ccw_corner = 0;
};

}  // namespace

double crossing_middle(const StreetSpec& st, std::int32_t in_link, double width) {
  double border = 0.0;  // from the node to where the entering link ends
  if (in_link >= 0) {
    const LinkSpec& in = st.links[in_link];
    border = std::max(0.0, (st.nodes[in.to].position - st.nodes[in.from].position).norm() - in.length);
  }
  return std::max(border - width / 2.0, width / 2.0);
}

void Sidewalks::add_edge(std::uint32_t a, std::uint32_t b, WalkPiece piece, WalkPathKind kind, double width,
                         std::int32_t index) {
  if (piece.length > 0.0) paths_.push_back({piece.a, piece.b, width, kind, index});
  edges_[a].push_back({b, piece});
  std::swap(piece.a, piece.b);
  piece.reversed = !piece.reversed;
  edges_[b].push_back({a, piece});
}

Sidewalks::Sidewalks(const StreetSpec& st) {
  links_.resize(st.links.size());
  std::vector<std::vector<std::uint32_t>> corner_members;  // vertices meeting at each corner
  std::vector<double> corner_width;                        // drawn [m], by corner
  auto new_vertex = [&](const Vec2& p) {
    corner_points_.push_back(p);
    edges_.emplace_back();
    return static_cast<std::uint32_t>(corner_points_.size() - 1);
  };
  auto new_corner = [&](double width) {
    corner_members.emplace_back();
    corner_width.push_back(width);
    return static_cast<std::uint32_t>(corner_members.size() - 1);
  };

  for (std::size_t i = 0; i < st.links.size(); ++i) {
    const LinkSpec& l = st.links[i];
    LinkWalk& w = links_[i];
    const Vec2 a = st.nodes[l.from].position, b = st.nodes[l.to].position;
    w.width = l.sidewalk_width;
    w.length = l.length;
    w.start = a;
    // A link shorter than the distance between its nodes ends that much
    // before its end node: the rest is the junction (as in SUMO's networks,
    // whose edges stop at the junction's border). A longer one (a curved
    // road drawn straight) is squeezed in between its nodes.
    const double span = (b - a).norm();
    w.dir = span > 0.0 ? Vec2((b - a) / std::max(span, l.length)) : Vec2::UnitX();
    w.offset = right_of((b - a).normalized()) * (carriageway(l) + l.sidewalk_width / 2.0);
  }

  // Arms and corners node by node.
  std::vector<std::uint32_t> gate_mouth(st.gates.size(), 0);
  std::vector<double> gate_width(st.gates.size(), kUnmarkedPathWidth);  // drawn [m]
  for (std::size_t n = 0; n < st.nodes.size(); ++n) {
    const Vec2 at = st.nodes[n].position;
    std::map<std::size_t, Arm> roads;  // by the node at the far end
    for (std::size_t i = 0; i < st.links.size(); ++i) {
      const LinkSpec& l = st.links[i];
      if (l.from == n) roads[l.to].out_link = static_cast<std::int32_t>(i);
      if (l.to == n) roads[l.from].in_link = static_cast<std::int32_t>(i);
    }
    std::vector<Arm> arms;
    double reach = 0.0;  // how far sidewalks reach out from the node's centre line
    double widest = 0.0;  // the widest sidewalk here [m]
    for (auto& [far, arm] : roads) {
      arm.dir = (st.nodes[far].position - at).normalized();
      for (std::int32_t li : {arm.out_link, arm.in_link})
        if (li >= 0) {
          reach = std::max(reach, carriageway(st.links[li]) + st.links[li].sidewalk_width);
          widest = std::max(widest, st.links[li].sidewalk_width);
        }
      arms.push_back(arm);
    }
    const double path_width = widest > 0.0 ? widest : kUnmarkedPathWidth;
    for (std::size_t g = 0; g < st.gates.size(); ++g) {
      if (st.gates[g].node != n) continue;
      Arm arm;
      arm.dir = (st.gates[g].position - at).normalized();
      arm.gate = static_cast<std::int32_t>(g);
      arms.push_back(arm);
    }
    if (arms.empty()) continue;
    for (Arm& a : arms) a.angle = std::atan2(a.dir.y(), a.dir.x());
    std::sort(arms.begin(), arms.end(), [](const Arm& x, const Arm& y) { return x.angle < y.angle; });
    // Corner k lies between arm k and arm k+1 (counter-clockwise). A dead
    // end has two corners, one on each side: walking round it would cross the road.
    const std::size_t m = arms.size();
    std::vector<std::uint32_t> corners(m);
    for (std::size_t k = 0; k < m; ++k) corners[k] = new_corner(path_width);
    for (std::size_t k = 0; k < m; ++k) {
      arms[k].ccw_corner = corners[k];
      arms[k].cw_corner = m == 1 ? new_corner(path_width) : corners[(k + m - 1) % m];
    }
    for (const Arm& arm : arms) {
      if (arm.out_link >= 0 && st.links[arm.out_link].sidewalk_width > 0.0) {
        const std::uint32_t v = new_vertex(point(arm.out_link, 0.0));
        links_[arm.out_link].from_corner = v;
        corner_members[arm.cw_corner].push_back(v);
      }
      if (arm.in_link >= 0 && st.links[arm.in_link].sidewalk_width > 0.0) {
        const std::uint32_t v = new_vertex(point(arm.in_link, st.links[arm.in_link].length));
        links_[arm.in_link].to_corner = v;
        corner_members[arm.ccw_corner].push_back(v);
      }
      if (arm.gate >= 0) {
        const std::uint32_t v = new_vertex(at + arm.dir * reach);
        gate_mouth[arm.gate] = v;
        gate_width[arm.gate] = path_width;
        corner_members[arm.cw_corner].push_back(v);
        corner_members[arm.ccw_corner].push_back(v);
      }
      // Crossings over this arm's road.
      for (std::size_t c = 0; c < st.crossings.size(); ++c) {
        const CrossingSpec& cr = st.crossings[c];
        if (cr.node != n) continue;
        const bool here = std::any_of(cr.links.begin(), cr.links.end(), [&](std::size_t li) {
          return static_cast<std::int32_t>(li) == arm.out_link || static_cast<std::int32_t>(li) == arm.in_link;
        });
        if (!here) continue;
        // From kerb to kerb; the corners' walks join its ends to the sidewalks.
        const double out_w = arm.out_link >= 0 ? carriageway(st.links[arm.out_link]) : 0.0;
        const double in_w = arm.in_link >= 0 ? carriageway(st.links[arm.in_link]) : 0.0;
        const Vec2 mid = at + arm.dir * crossing_middle(st, arm.in_link, cr.width);
        const Vec2 cw_end = mid + right_of(arm.dir) * out_w, ccw_end = mid - right_of(arm.dir) * in_w;
        const std::uint32_t va = new_vertex(cw_end), vb = new_vertex(ccw_end);
        corner_members[arm.cw_corner].push_back(va);
        corner_members[arm.ccw_corner].push_back(vb);
        add_edge(va, vb, {cw_end, ccw_end, (ccw_end - cw_end).norm(), static_cast<std::int32_t>(c)},
                 WalkPathKind::kCrossing, cr.width, static_cast<std::int32_t>(c));
      }
    }
  }
  // Sidewalks, corners (every pair of ends meeting there), footpaths.
  for (std::size_t i = 0; i < links_.size(); ++i) {
    const LinkWalk& w = links_[i];
    if (w.width <= 0.0) continue;
    const auto li = static_cast<std::uint32_t>(i);
    add_edge(w.from_corner, w.to_corner, {point(li, 0.0), point(li, w.length), w.length, -1}, WalkPathKind::kSidewalk,
             w.width, static_cast<std::int32_t>(i));
  }
  for (std::size_t c = 0; c < corner_members.size(); ++c) {
    const auto& members = corner_members[c];
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const Vec2 p = corner_points_[members[x]], q = corner_points_[members[y]];
        add_edge(members[x], members[y], {p, q, (q - p).norm(), -1}, WalkPathKind::kCorner, corner_width[c]);
      }
  }
  gate_end_.resize(st.gates.size());
  for (std::size_t g = 0; g < st.gates.size(); ++g) {
    const Vec2 mouth = corner_points_[gate_mouth[g]];
    const Vec2 dir = (st.gates[g].position - st.nodes[st.gates[g].node].position).normalized();
    const Vec2 end = mouth + dir * st.gates[g].path_length;
    gate_end_[g] = new_vertex(end);
    add_edge(gate_mouth[g], gate_end_[g], {mouth, end, st.gates[g].path_length, -1}, WalkPathKind::kFootpath,
             gate_width[g], static_cast<std::int32_t>(g));
  }
  gate_distance_.resize(st.gates.size());
  gate_next_.resize(st.gates.size());
  for (std::uint32_t g = 0; g < st.gates.size(); ++g) solve_gate(g);
}

void Sidewalks::solve_gate(std::uint32_t g) {
  std::vector<double>& dist = gate_distance_[g];
  std::vector<std::int32_t>& next = gate_next_[g];
  dist.assign(corner_points_.size(), kUnreachable);
  next.assign(corner_points_.size(), -1);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
  dist[gate_end_[g]] = 0.0;
  open.push({0.0, gate_end_[g]});
  while (!open.empty()) {
    const auto [d, v] = open.top();
    open.pop();
    if (d > dist[v]) continue;
    // Edges are symmetric: relax v's neighbours u, whose way to the gate goes through v.
    for (const Edge& e : edges_[v]) {
      const double nd = d + e.piece.length;
      if (nd >= dist[e.to]) continue;
      dist[e.to] = nd;
      const auto& back = edges_[e.to];
      for (std::size_t k = 0; k < back.size(); ++k)
        if (back[k].to == v && back[k].piece.length == e.piece.length) next[e.to] = static_cast<std::int32_t>(k);
      open.push({nd, e.to});
    }
  }
}

Vec2 Sidewalks::point(std::uint32_t link, double position) const {
  const LinkWalk& w = links_[link];
  return w.start + w.dir * position + w.offset;
}

double Sidewalks::distance_to_gate(std::uint32_t link, double position, std::uint32_t gate) const {
  const LinkWalk& w = links_[link];
  if (w.width <= 0.0) return kUnreachable;
  const auto& dist = gate_distance_[gate];
  return std::min(position + dist[w.from_corner], (w.length - position) + dist[w.to_corner]);
}

std::vector<WalkPiece> Sidewalks::walk_to_gate(std::uint32_t link, double position, std::uint32_t gate) const {
  std::vector<WalkPiece> out;
  const LinkWalk& w = links_[link];
  if (!std::isfinite(distance_to_gate(link, position, gate))) return out;
  const auto& dist = gate_distance_[gate];
  const bool forward = (w.length - position) + dist[w.to_corner] <= position + dist[w.from_corner];
  std::uint32_t v = forward ? w.to_corner : w.from_corner;
  out.push_back({point(link, position), corner_points_[v], forward ? w.length - position : position, -1});
  while (gate_next_[gate][v] >= 0) {
    const Edge& e = edges_[v][static_cast<std::size_t>(gate_next_[gate][v])];
    if (e.piece.length > 0.0) out.push_back(e.piece);
    v = e.to;
  }
  return out;
}

}  // namespace campusflow
