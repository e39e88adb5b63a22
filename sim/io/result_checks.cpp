#include "sim/io/result_checks.hpp"

#include <cmath>
#include <sstream>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

namespace {

std::string number_text(double v) {
  std::ostringstream os;
  os.precision(17);
  os << v;
  return os.str();
}

// Runs `check(c, row)` on every row with the row number set.
template <class Row, class Check>
void each_row(const std::string& where, std::span<const Row> rows, Check check) {
  RowCheck c(where);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    c.at(k);
    check(c, rows[k]);
  }
}

}  // namespace

void RowCheck::fail(const char* field, const std::string& value, const std::string& why) const {
  throw ResultFormatError(where_ + " row " + std::to_string(row_) + ": " + field + " is " + value + ", " + why +
                          ": the file is damaged");
}

void RowCheck::finite(const char* field, double v) const {
  if (!std::isfinite(v)) fail(field, number_text(v), "not a finite number");
}

void RowCheck::coordinate(const char* field, double v) const {
  finite(field, v);
  if (std::abs(v) > kResultCoordinateLimit)
    fail(field, number_text(v), "farther than " + number_text(kResultCoordinateLimit) + " m");
}

void RowCheck::time(const char* field, double v, bool never_allowed) const {
  finite(field, v);
  if (v < 0.0 && !(never_allowed && v == -1.0))
    fail(field, number_text(v), never_allowed ? "neither a time >= 0 s nor -1 (never)" : "before the alarm");
}

void RowCheck::within(const char* field, std::int64_t v, std::int64_t low, std::int64_t high) const {
  if (v < low || v > high)
    fail(field, std::to_string(v), "outside " + std::to_string(low) + " to " + std::to_string(high));
}

void RowCheck::index(const char* field, std::int64_t v, std::optional<std::size_t> rows, const char* of) const {
  if (v < 0) fail(field, std::to_string(v), std::string("not an index into ") + of);
  if (rows && static_cast<std::uint64_t>(v) >= *rows)
    fail(field, std::to_string(v), "past the last of the " + std::to_string(*rows) + " in " + of);
}

void check_rows(const std::string& where, std::span<const TrajectoryRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const TrajectoryRow& r) {
    c.index("id", r.id, sizes.agents, "/campusflow/agents");
    c.within("frame", r.frame, 0, kLastFrame);
    c.coordinate("x", r.x);
    c.coordinate("y", r.y);
    c.coordinate("z", r.z);
  });
}

void check_rows(const std::string& where, std::span<const AgentRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const AgentRow& r) {
    c.index("id", r.id, rows.size(), "/campusflow/agents");
    c.index("group", r.group, sizes.group_names, "/campusflow/group_names");
    c.index("level", r.level, sizes.levels, "/campusflow/geometry");
    c.index("profile", r.profile, sizes.profile_names, "/campusflow/profile_names");
    c.finite("radius", r.radius);
    c.finite("desired_speed", r.desired_speed);
    c.finite("pre_movement", r.pre_movement);
    c.coordinate("spawn_x", r.spawn_x);
    c.coordinate("spawn_y", r.spawn_y);
  });
}

void check_rows(const std::string& where, std::span<const ExitEventRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const ExitEventRow& r) {
    c.index("agent", r.agent, sizes.agents, "/campusflow/agents");
    c.index("exit", r.exit, sizes.exit_names, "/campusflow/summary/exit_names");
    c.time("time", r.time, false);
  });
}

void check_rows(const std::string& where, std::span<const PassageRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const PassageRow& r) {
    c.index("agent", r.agent, sizes.agents, "/campusflow/agents");
    c.index("place", r.place, sizes.places, "/campusflow/places");
    c.time("time", r.time, false);
  });
}

void check_rows(const std::string& where, std::span<const DensityRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const DensityRow& r) {
    c.time("time", r.time, false);
    c.index("level", r.level, sizes.levels, "/campusflow/geometry");
    c.coordinate("x", r.x);
    c.coordinate("y", r.y);
    c.finite("density", r.density);
  });
}

void check_rows(const std::string& where, std::span<const ClassRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const ClassRow& r) {
    c.index("group", r.group, sizes.group_names, "/campusflow/group_names");
    c.time("start", r.start, true);
    c.time("cleared", r.cleared, true);
    c.time("assembled", r.assembled, true);
  });
}

void check_rows(const std::string& where, std::span<const PlaceInfo> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const PlaceInfo& r) {
    c.index("level", r.level, sizes.levels, "/campusflow/geometry");
    c.finite("width", r.width);
  });
}

void check_rows(const std::string& where, std::span<const StreetFrameRow> rows, const TableSizes& sizes) {
  each_row(where, rows, [&](const RowCheck& c, const StreetFrameRow& r) {
    c.within("frame", r.frame, 0, kLastFrame);
    c.within("kind", r.kind, kFrameVehicle, kFrameGuardHolding);
    // Signal heads and guards count by the scenario's connections and guards, which the file does not list.
    if (r.kind == kFrameVehicle) c.index("id", r.id, sizes.vehicles, "/campusflow/street/vehicles");
    else if (r.kind == kFramePedestrian) c.index("id", r.id, sizes.pedestrians, "/campusflow/street/pedestrians");
    else c.within("id", r.id, 0, INT32_MAX);
    c.coordinate("x", r.x);
    c.coordinate("y", r.y);
    c.finite("heading", r.heading);
    c.finite("speed", r.speed);
  });
}

void check_rows(const std::string& where, std::span<const StreetVehicleRow> rows, std::size_t vehicle_types) {
  each_row(where, rows, [&](const RowCheck& c, const StreetVehicleRow& r) {
    c.index("type", r.type, vehicle_types, "/campusflow/street/geometry/vehicle_types");
  });
}

void check_street_geometry(const std::string& file, const StreetGeometry& g) {
  const std::string at = file + ":/campusflow/street/geometry/";
  const auto segment = [](const RowCheck& c, double x0, double y0, double x1, double y1, double width) {
    c.coordinate("x0", x0);
    c.coordinate("y0", y0);
    c.coordinate("x1", x1);
    c.coordinate("y1", y1);
    c.coordinate("width", width);
  };
  each_row(at + "lanes", std::span(g.lanes), [&](const RowCheck& c, const LaneRow& r) {
    c.index("link", r.link, g.link_names.size(), "link_names");
    segment(c, r.x0, r.y0, r.x1, r.y1, r.width);
  });
  each_row(at + "sidewalks", std::span(g.sidewalks), [&](const RowCheck& c, const SidewalkRow& r) {
    if (r.link != -1) c.index("link", r.link, g.link_names.size(), "link_names");
    segment(c, r.x0, r.y0, r.x1, r.y1, r.width);
  });
  each_row(at + "crossings", std::span(g.crossings), [&](const RowCheck& c, const CrossingRow& r) {
    c.index("crossing", r.crossing, g.crossing_names.size(), "crossing_names");
    segment(c, r.x0, r.y0, r.x1, r.y1, r.width);
  });
  each_row(at + "stalls", std::span(g.stalls), [&](const RowCheck& c, const StallPlaceRow& r) {
    c.coordinate("x", r.x);
    c.coordinate("y", r.y);
    c.finite("heading", r.heading);
    c.coordinate("length", r.length);
    c.coordinate("width", r.width);
  });
  each_row(at + "vehicle_types", std::span(g.vehicle_types), [&](const RowCheck& c, const VehicleTypeRow& r) {
    c.coordinate("length", r.length);
    c.coordinate("width", r.width);
  });
}

}  // namespace campusflow::io
