#include "render/replay.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "sim/io/result_checks.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::render {

namespace {

// How many of the result's levels are floors of the scenario: the rest are
// stair flights and passages in their own frames (docs/result-format.md),
// which a plan view does not draw. Read from the scenario text the result
// carries; a scenario without `levels` (a street only) has one, the street.
std::size_t scenario_floor_count(const std::string& scenario_text, std::size_t stored) {
  boost::json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(scenario_text, ec, {}, options);
  if (ec || !v.is_object()) return std::min<std::size_t>(1, stored);
  const boost::json::value* levels = v.as_object().if_contains("levels");
  if (!levels || !levels->is_array() || levels->as_array().empty()) return std::min<std::size_t>(1, stored);
  return std::min(levels->as_array().size(), stored);
}

Box bounds_of(const std::vector<Polygon>& area) {
  Box b{Vec2::Constant(std::numeric_limits<double>::infinity()),
        Vec2::Constant(-std::numeric_limits<double>::infinity())};
  for (const Polygon& p : area)
    for (const Vec2& v : p.outer) {
      b.min = b.min.cwiseMin(v);
      b.max = b.max.cwiseMax(v);
    }
  if (!std::isfinite(b.min.x())) b = {Vec2::Zero(), Vec2::Ones()};
  return b;
}

// The walkable area of level k from its WKT, every point finite and within
// reach: a level's box sizes the heatmaps' grids and the camera.
std::vector<Polygon> walkable_area(const std::filesystem::path& result, std::size_t k, const std::string& wkt) {
  std::vector<Polygon> area = polygons_from_wkt(wkt).value_or(std::vector<Polygon>{});
  const auto check = [&](const Ring& ring) {
    for (const Vec2& v : ring)
      if (!v.allFinite() || v.cwiseAbs().maxCoeff() > io::kResultCoordinateLimit) {
        std::ostringstream os;
        os << result.string() << ":/campusflow/geometry/level_" << k << "@wkt has the point (" << v.x() << " "
           << v.y() << "), not within " << io::kResultCoordinateLimit << " m of the origin: the file is damaged";
        throw io::ResultFormatError(os.str());
      }
  };
  for (const Polygon& p : area) {
    check(p.outer);
    for (const Ring& hole : p.holes) check(hole);
  }
  return area;
}

}  // namespace

Replay::Replay(const std::filesystem::path& result) {
  const io::ResultReader reader(result);
  reader.check();  // everything but the trajectory, which trajectory() checks below
  fps_ = reader.fps();
  const io::RunInfo info = reader.run_info();
  scenario_name_ = info.scenario_name;
  scenario_text_ = info.scenario_text;
  const std::vector<io::LevelGeometry> stored = reader.levels();
  const std::size_t floors = scenario_floor_count(info.scenario_text, stored.size());
  for (std::size_t k = 0; k < floors; ++k) {
    ReplayLevel level{stored[k].name, stored[k].elevation, walkable_area(result, k, stored[k].wkt), {}};
    if (level.area.empty())
      throw io::ResultFormatError(result.string() + ": level " + std::to_string(k) + " (\"" + stored[k].name +
                                  "\") has no readable walkable area");
    level.bounds = bounds_of(level.area);
    levels_.push_back(std::move(level));
  }
  // The levels after the floors are the stairs' flights (and level paths).
  const std::vector<io::DensityRow> density = floors < stored.size() ? reader.density() : std::vector<io::DensityRow>{};
  for (std::size_t k = floors; k < stored.size(); ++k) {
    ReplayLevel flight{stored[k].name, stored[k].elevation, walkable_area(result, k, stored[k].wkt), {}};
    if (flight.area.empty()) continue;  // nothing to draw on
    flight.bounds = bounds_of(flight.area);
    flights_.push_back(std::move(flight));
    flight_density_.emplace_back();
    for (const io::DensityRow& row : density)
      if (row.level == static_cast<std::int32_t>(k)) flight_density_.back().push_back(row);
  }
  agents_ = reader.agents();
  profile_names_ = reader.profile_names();
  phases_ = reader.phases();
  trajectory_ = reader.trajectory();
  // Frame after frame as written; ids sorted within a frame so that an
  // agent's row in the previous frame is found by binary search.
  std::stable_sort(trajectory_.begin(), trajectory_.end(), [](const io::TrajectoryRow& a, const io::TrajectoryRow& b) {
    return a.frame < b.frame || (a.frame == b.frame && a.id < b.id);
  });
  for (std::size_t i = 0; i < trajectory_.size(); ++i)
    if (i == 0 || trajectory_[i].frame != trajectory_[i - 1].frame) {
      frames_.push_back(trajectory_[i].frame);
      frame_start_.push_back(i);
    }
  frame_start_.push_back(trajectory_.size());
  frame_count_ = frames_.empty() ? 1 : frames_.back() + 1;
  if (reader.has_street()) load_street(reader);
}

void Replay::load_street(const io::ResultReader& reader) {
  street_ = reader.street_geometry();
  street_frames_ = reader.street_frames();
  street_fps_ = reader.street_fps() > 0.0 ? reader.street_fps() : 2.0;
  std::stable_sort(street_frames_.begin(), street_frames_.end(),
                   [](const io::StreetFrameRow& a, const io::StreetFrameRow& b) { return a.frame < b.frame; });
  for (const io::StreetVehicleRow& v : reader.street_vehicles()) vehicle_type_.push_back(v.type);
  // A street-only run stores the street as its level 0; a run with both gets
  // a level for it, the box around its lanes and sidewalks.
  for (std::size_t k = 0; k < levels_.size(); ++k)
    if (levels_[k].name == "street") street_level_ = static_cast<int>(k);
  Box b{Vec2::Constant(std::numeric_limits<double>::infinity()), Vec2::Constant(-std::numeric_limits<double>::infinity())};
  auto grow = [&](double x, double y, double margin) {
    b.min = b.min.cwiseMin(Vec2(x - margin, y - margin));
    b.max = b.max.cwiseMax(Vec2(x + margin, y + margin));
  };
  for (const io::LaneRow& l : street_.lanes) grow(l.x0, l.y0, l.width), grow(l.x1, l.y1, l.width);
  for (const io::SidewalkRow& w : street_.sidewalks) grow(w.x0, w.y0, w.width), grow(w.x1, w.y1, w.width);
  if (!std::isfinite(b.min.x())) return;
  if (street_level_ < 0) {
    // The building's ground (its lowest level) shows the street too when the
    // two are one world: the street passes within kNearStreet of it (a gate).
    constexpr double kNearStreet = 50.0;  // [m]
    int ground = -1;
    for (std::size_t k = 0; k < levels_.size(); ++k)
      if (ground < 0 || levels_[k].elevation < levels_[static_cast<std::size_t>(ground)].elevation) ground = static_cast<int>(k);
    levels_.push_back({"street", 0.0, {}, b});
    levels_.back().area.push_back({{b.min, {b.max.x(), b.min.y()}, b.max, {b.min.x(), b.max.y()}}, {}});
    street_level_ = static_cast<int>(levels_.size()) - 1;
    if (ground >= 0) {
      Box& g = levels_[static_cast<std::size_t>(ground)].bounds;
      const Vec2 gap = (b.min - g.max).cwiseMax(g.min - b.max).cwiseMax(0.0);
      if (gap.norm() < kNearStreet) {
        street_under_ = ground;
        g.min = g.min.cwiseMin(b.min);
        g.max = g.max.cwiseMax(b.max);
      }
    }
  }
  levels_[static_cast<std::size_t>(street_level_)].bounds = b;
}

std::span<const io::StreetFrameRow> Replay::street_at(double t) const {
  const auto frame = static_cast<std::int64_t>(std::floor(t * street_fps_ + 1e-9));
  const auto lo = std::lower_bound(street_frames_.begin(), street_frames_.end(), frame,
                                   [](const io::StreetFrameRow& r, std::int64_t f) { return r.frame < f; });
  auto hi = lo;
  while (hi != street_frames_.end() && hi->frame == frame) ++hi;
  return {street_frames_.data() + (lo - street_frames_.begin()), static_cast<std::size_t>(hi - lo)};
}

std::pair<double, double> Replay::vehicle_size(std::int32_t id) const {
  const auto k = static_cast<std::size_t>(id);
  if (id >= 0 && k < vehicle_type_.size()) {
    const auto type = static_cast<std::size_t>(vehicle_type_[k]);
    if (type < street_.vehicle_types.size()) return {street_.vehicle_types[type].length, street_.vehicle_types[type].width};
  }
  return {4.6, 1.8};
}

std::string clock_text(double t) {
  const double clamped = std::max(0.0, t);
  const int minutes = static_cast<int>(clamped / 60.0);
  char out[32];
  std::snprintf(out, sizeof out, "%d:%04.1f", minutes, clamped - 60.0 * minutes);
  return out;
}

std::string Replay::phase_text(double t) const {
  for (const io::PhaseRow& p : phases_) {
    if (t < p.start || (p.end >= 0.0 && t >= p.end)) continue;
    std::string text = p.name + " " + clock_text(t - p.start);
    if (p.end >= 0.0) text += " of " + clock_text(p.end - p.start);
    return text;
  }
  return {};
}

double Replay::duration() const {
  const double building = static_cast<double>(std::max<std::int64_t>(0, frame_count() - 1)) / fps_;
  const double street = street_frames_.empty() ? 0.0 : static_cast<double>(street_frames_.back().frame) / street_fps_;
  return std::max(building, street);
}

std::int64_t Replay::frame_at(double t) const {
  const auto k = static_cast<std::int64_t>(std::floor(t * fps_ + 1e-9));
  return std::clamp<std::int64_t>(k, 0, std::max<std::int64_t>(0, frame_count() - 1));
}

std::span<const io::TrajectoryRow> Replay::rows(std::int64_t frame) const {
  const auto it = std::lower_bound(frames_.begin(), frames_.end(), frame);
  if (it == frames_.end() || *it != frame) return {};
  const auto k = static_cast<std::size_t>(it - frames_.begin());
  return {trajectory_.data() + frame_start_[k], frame_start_[k + 1] - frame_start_[k]};
}

int Replay::level_of(const io::TrajectoryRow& row) const {
  // The floor at the agent's elevation whose plan holds it (several floors
  // share an elevation: a ground floor and the schoolyard beside it, or an
  // L-shaped wing whose box takes in the yard), else the nearest: 1 m of
  // height weighs as 10 m beside the plan's box, so that someone on a stair
  // belongs to the floor it is closest to in height. The plan itself is
  // only asked of floors at the agent's very elevation whose box holds it.
  int best = 0;
  double best_score = std::numeric_limits<double>::infinity();
  const Vec2 p(row.x, row.y);
  for (std::size_t k = 0; k < levels_.size(); ++k) {
    const double height = std::abs(row.z - levels_[k].elevation) * 10.0;
    if (height >= best_score) continue;
    const Box& b = levels_[k].bounds;
    double outside = (b.min - p).cwiseMax(p - b.max).cwiseMax(0.0).norm();
    if (outside == 0.0 && height < 1e-6 &&
        std::none_of(levels_[k].area.begin(), levels_[k].area.end(), [&](const Polygon& a) { return contains(a, p); }))
      outside = 1e-3;  // in the box, outside the plan: behind any floor that holds it
    const double score = height + outside;
    if (score < best_score) {
      best_score = score;
      best = static_cast<int>(k);
    }
  }
  return best;
}

std::vector<AgentPose> Replay::poses(std::int64_t frame) const {
  const std::span<const io::TrajectoryRow> now = rows(frame), before = rows(frame - 1);
  std::vector<AgentPose> out;
  out.reserve(now.size());
  for (const io::TrajectoryRow& r : now) {
    AgentPose pose{r.id, Vec2(r.x, r.y), 0.0, level_of(r)};
    const auto it = std::lower_bound(before.begin(), before.end(), r.id,
                                     [](const io::TrajectoryRow& a, std::int64_t id) { return a.id < id; });
    if (it != before.end() && it->id == r.id) pose.speed = (Vec2(r.x, r.y) - Vec2(it->x, it->y)).norm() * fps_;
    out.push_back(pose);
  }
  return out;
}

std::vector<io::TrajectoryRow> Replay::rows_on_level(int level, bool floor_only) const {
  // On a stair the trajectory gives plan positions squeezed between its two
  // ends (docs/result-format.md): they would read as crowds in a plan map.
  constexpr double kOnFloor = 0.05;  // [m] of the floor's elevation
  const double elevation = levels_.at(static_cast<std::size_t>(level)).elevation;
  std::vector<io::TrajectoryRow> out;
  for (const io::TrajectoryRow& r : trajectory_)
    if (level_of(r) == level && (!floor_only || std::abs(r.z - elevation) <= kOnFloor)) out.push_back(r);
  return out;
}

std::size_t Replay::max_agents_in_frame() const {
  std::size_t most = 0;
  for (std::size_t k = 0; k + 1 < frame_start_.size(); ++k) most = std::max(most, frame_start_[k + 1] - frame_start_[k]);
  return most;
}

}  // namespace campusflow::render
