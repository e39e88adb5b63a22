#include "sim/geometry/distance_field.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

#include "sim/geometry/polygon_index.hpp"
#include "sim/geometry/segment_index.hpp"

namespace campusflow {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

enum class CellState : unsigned char { kBlocked, kFar, kTrial, kKnown };

// Fast-marching state: values, states and a heap of trial cells.
struct Marcher {
  const GridSpec& grid;
  std::vector<float>& value;
  std::vector<CellState>& state;
  const std::vector<float>& slowness;  // cell / speed [m]
  using Item = std::pair<float, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;

  float at(int i, int j) const {
    if (!grid.inside(i, j)) return kInf;
    const std::size_t k = grid.index(i, j);
    return state[k] == CellState::kKnown ? value[k] : kInf;
  }

  // First-order upwind solution of |grad T| = 1/F on the cell (Sethian 1996, eq. 3).
  float solve(int i, int j) const {
    const double a = std::min(at(i - 1, j), at(i + 1, j));
    const double b = std::min(at(i, j - 1), at(i, j + 1));
    const double h = slowness[grid.index(i, j)];
    const double lo = std::min(a, b);
    if (!std::isfinite(std::max(a, b)) || std::abs(a - b) >= h) return static_cast<float>(lo + h);
    return static_cast<float>(0.5 * (a + b + std::sqrt(2.0 * h * h - (a - b) * (a - b))));
  }

  void update_neighbours(int i, int j) {
    constexpr int di[4] = {1, -1, 0, 0};
    constexpr int dj[4] = {0, 0, 1, -1};
    for (int n = 0; n < 4; ++n) {
      const int ni = i + di[n], nj = j + dj[n];
      if (!grid.inside(ni, nj)) continue;
      const std::size_t k = grid.index(ni, nj);
      if (state[k] == CellState::kKnown || state[k] == CellState::kBlocked) continue;
      const float t = solve(ni, nj);
      if (t < value[k]) {
        value[k] = t;
        state[k] = CellState::kTrial;
        heap.emplace(t, k);
      }
    }
  }

  void run() {
    while (!heap.empty()) {
      const auto [t, k] = heap.top();
      heap.pop();
      if (state[k] == CellState::kKnown || t > value[k]) continue;  // stale entry
      state[k] = CellState::kKnown;
      update_neighbours(static_cast<int>(k % grid.nx), static_cast<int>(k / grid.nx));
    }
  }
};

double min_distance(std::span<const Segment> segments, const Vec2& p) {
  double d = std::numeric_limits<double>::infinity();
  for (const Segment& s : segments) d = std::min(d, distance(s, p));
  return d;
}

// Within this distance of a jamb the way through an opening bends towards its middle. [m]
constexpr double kJambMargin = 0.25;

// The way through an opening from x near it: `out` (the direction across it),
// bent towards the opening's middle within kJambMargin of its ends, so that
// nobody walks straight into a door frame.
Vec2 way_through(const Segment& opening, const Vec2& out, const Vec2& x) {
  // The part of the opening a body passes through without touching a jamb.
  const Vec2 d = opening.b - opening.a;
  const double margin = std::min(kJambMargin, 0.4 * opening.length()) / opening.length();
  const Segment clear{opening.a + margin * d, opening.b - margin * d};
  const Vec2 to_clear = closest_point(clear, x) - x;
  const Vec2 sideways = to_clear - to_clear.dot(out) * out;
  return (kJambMargin * out + sideways).normalized();
}

}  // namespace

DistanceField DistanceField::build(const Polygon& walkable, std::span<const Segment> walls,
                                   std::span<const FieldTarget> targets, std::span<const Segment> barriers,
                                   const DistanceFieldOptions& options) {
  DistanceField f;
  f.grid_ = GridSpec::covering(bounding_box(walkable.outer), options.cell, options.cell);
  const GridSpec& g = f.grid_;
  const std::size_t n = g.size();
  f.value_.assign(n, kInf);
  f.wall_.assign(n, 0.0f);
  f.dir_.assign(n, Eigen::Vector2f::Zero());

  std::vector<CellState> state(n, CellState::kBlocked);
  std::vector<float> slowness(n, 0.0f);
  // Indexed: a cell looks at the holes and walls near it, not at all of them
  // (a hall of 10,000 pillars has millions of cells).
  const PolygonIndex floor(walkable);
  const SegmentIndex wall_index(std::vector<Segment>(walls.begin(), walls.end()));
  for (int j = 0; j < g.ny; ++j) {
    for (int i = 0; i < g.nx; ++i) {
      const Vec2 c = g.centre(i, j);
      if (!floor.contains(c)) continue;
      // A band of cells along a barrier, thick enough that the 4-neighbour
      // front cannot slip through diagonally.
      if (min_distance(barriers, c) <= 0.75 * g.cell) continue;
      const std::size_t k = g.index(i, j);
      state[k] = CellState::kFar;
      const double w = wall_index.distance(c);
      f.wall_[k] = static_cast<float>(w);
      const double speed = std::clamp(w / options.wall_clearance, options.min_speed, 1.0);
      slowness[k] = static_cast<float>(g.cell / speed);
    }
  }

  // Seed the cells that face a target: their value is their distance to it and
  // their direction is straight out through it.
  Marcher m{g, f.value_, state, slowness, {}};
  for (const FieldTarget& target : targets) {
    const Segment& s = target.segment;
    const Vec2 d = s.b - s.a;
    const Vec2 normal = Vec2(-d.y(), d.x()).normalized();
    for (int j = 0; j < g.ny; ++j) {
      for (int i = 0; i < g.nx; ++i) {
        const std::size_t k = g.index(i, j);
        if (state[k] == CellState::kBlocked) continue;
        const Vec2 c = g.centre(i, j);
        const double along = (c - s.a).dot(d) / d.squaredNorm();
        const double dist = distance(s, c);
        if (along < 0.0 || along > 1.0 || dist > 1.5 * g.cell) continue;
        if (dist < f.value_[k]) {
          f.value_[k] = static_cast<float>(dist);
          // Straight out through a boundary target; across a door, to the other
          // side; beside a jamb also towards the middle, so that nobody pushes
          // straight into the door frame (where the wall's repulsion would
          // hold them in place).
          const Vec2 out = !target.through ? target.outward : (normal.dot(c - s.a) > 0.0 ? -normal : normal);
          f.dir_[k] = way_through(s, out, c).cast<float>();
          state[k] = CellState::kKnown;
        }
      }
    }
  }
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i)
      if (state[g.index(i, j)] == CellState::kKnown) m.update_neighbours(i, j);
  m.run();

  // Steepest descent by upwind differences: on each axis, step towards the
  // lower neighbour, the steeper one if both are lower. On a ridge (two ways
  // equally short) this picks one way instead of cancelling to a direction
  // that points into the obstacle splitting them.
  for (int j = 0; j < g.ny; ++j) {
    for (int i = 0; i < g.nx; ++i) {
      const std::size_t k = g.index(i, j);
      if (!std::isfinite(f.value_[k]) || f.dir_[k] != Eigen::Vector2f::Zero()) continue;
      auto descent = [&](int di, int dj) {
        const float here = f.value_[k];
        const float ahead = g.inside(i + di, j + dj) ? f.value_[g.index(i + di, j + dj)] : kInf;
        const float behind = g.inside(i - di, j - dj) ? f.value_[g.index(i - di, j - dj)] : kInf;
        const float forward = here - ahead, backward = here - behind;  // > 0: lower that way
        if (forward <= 0.0f && backward <= 0.0f) return 0.0f;
        return forward >= backward ? forward : -backward;
      };
      const Eigen::Vector2f d(descent(1, 0), descent(0, 1));
      const float norm = d.norm();
      if (norm > 0.0f) f.dir_[k] = d / norm;
    }
  }
  return f;
}

long DistanceField::nearest_walkable(const Vec2& p) const {
  // Among the 3 x 3 cells around p's cell, else the 5 x 5: inside a door
  // whose cells another field leaves blocked, the nearest open cell of that
  // field can be two cells away.
  for (int reach = 1; reach <= 2; ++reach) {
    const long k = nearest_walkable(p, reach);
    if (k >= 0) return k;
  }
  return -1;
}

long DistanceField::nearest_walkable(const Vec2& p, int reach) const {
  const int ci = grid_.column(p.x()), cj = grid_.row(p.y());
  long best = -1;
  double best_d2 = std::numeric_limits<double>::infinity();
  for (int j = cj - reach; j <= cj + reach; ++j) {
    for (int i = ci - reach; i <= ci + reach; ++i) {
      if (!grid_.inside(i, j) || !std::isfinite(value_[grid_.index(i, j)])) continue;
      const double d2 = (grid_.centre(i, j) - p).squaredNorm();
      if (d2 < best_d2) {
        best_d2 = d2;
        best = static_cast<long>(grid_.index(i, j));
      }
    }
  }
  return best;
}

// Bilinear interpolation over the four surrounding cell centres, skipping
// cells without a value; falls back to the nearest walkable cell.
template <class Value, class Get>
static Value interpolate(const GridSpec& g, const Vec2& p, const std::vector<float>& valid, Get get,
                         Value zero) {
  const double fx = (p.x() - g.origin.x()) / g.cell - 0.5;
  const double fy = (p.y() - g.origin.y()) / g.cell - 0.5;
  const int i0 = static_cast<int>(std::floor(fx)), j0 = static_cast<int>(std::floor(fy));
  const double tx = fx - i0, ty = fy - j0;
  Value sum = zero;
  double weight = 0.0;
  for (int dj = 0; dj <= 1; ++dj) {
    for (int di = 0; di <= 1; ++di) {
      const int i = i0 + di, j = j0 + dj;
      if (!g.inside(i, j) || !std::isfinite(valid[g.index(i, j)])) continue;
      const double w = (di ? tx : 1.0 - tx) * (dj ? ty : 1.0 - ty);
      sum += get(g.index(i, j)) * w;
      weight += w;
    }
  }
  if (weight <= 1e-12) return zero;
  return sum / weight;
}

double DistanceField::value(const Vec2& p) const {
  const double v = interpolate(
      grid_, p, value_, [&](std::size_t k) { return static_cast<double>(value_[k]); }, 0.0);
  if (v != 0.0) return v;
  const long k = nearest_walkable(p);
  return k < 0 ? std::numeric_limits<double>::infinity() : value_[static_cast<std::size_t>(k)];
}

Vec2 DistanceField::direction(const Vec2& p) const {
  // Interpolate between the surrounding cells unless they disagree (a ridge,
  // where half the cells lead one way round an obstacle and half the other):
  // averaging there would cancel to a direction into the obstacle, so the
  // nearest cell decides.
  const double fx = (p.x() - grid_.origin.x()) / grid_.cell - 0.5;
  const double fy = (p.y() - grid_.origin.y()) / grid_.cell - 0.5;
  const int i0 = static_cast<int>(std::floor(fx)), j0 = static_cast<int>(std::floor(fy));
  const double tx = fx - i0, ty = fy - j0;
  Vec2 sum = Vec2::Zero();
  Eigen::Vector2f first = Eigen::Vector2f::Zero();
  bool ridge = false;
  for (int dj = 0; dj <= 1; ++dj) {
    for (int di = 0; di <= 1; ++di) {
      const int i = i0 + di, j = j0 + dj;
      if (!grid_.inside(i, j) || !std::isfinite(value_[grid_.index(i, j)])) continue;
      const Eigen::Vector2f& d = dir_[grid_.index(i, j)];
      if (first == Eigen::Vector2f::Zero()) first = d;
      ridge = ridge || first.dot(d) < 0.0f;
      sum += ((di ? tx : 1.0 - tx) * (dj ? ty : 1.0 - ty)) * d.cast<double>();
    }
  }
  if (ridge || sum.squaredNorm() < 1e-12) {
    const long k = nearest_walkable(p);
    if (k < 0) return Vec2::Zero();
    sum = dir_[static_cast<std::size_t>(k)].cast<double>();
  }
  const double norm = sum.norm();
  return norm > 0.0 ? Vec2(sum / norm) : Vec2::Zero();
}

bool DistanceField::reachable(const Vec2& p) const { return nearest_walkable(p) >= 0; }

double DistanceField::wall_distance(const Vec2& p) const {
  const long k = nearest_walkable(p);
  return k < 0 ? 0.0 : wall_[static_cast<std::size_t>(k)];
}

}  // namespace campusflow
