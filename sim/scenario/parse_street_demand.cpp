// Demand on the street: explicit vehicles and walk-ins (inline, or from a CSV
// file so that SUMO and campusflow see the same cars), Poisson flows, the
// drop-off profile before the bell, and walk-in flows.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <variant>

#include "sim/core/input_file.hpp"
#include "sim/scenario/parse_distribution.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/street_parser.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 6> kDemandKeys = {"file", "vehicles", "walk_ins", "drop_off_profile",
                                                         "flows", "walk_in_flows"};
constexpr std::array<std::string_view, 11> kVehicleKeys = {"id",     "type",    "time",    "route",  "drop_off", "dwell",
                                                           "children", "escort", "zone",   "pick_up", "release"};
constexpr std::array<std::string_view, 4> kWalkInKeys = {"id", "time", "link", "position"};
constexpr std::array<std::string_view, 12> kProfileKeys = {
    "pupils", "share_driven", "pupils_per_car", "escort_share", "bell",         "window",
    "profile", "dwell",       "routes",         "route_weights", "type",        "pick_up"};
constexpr std::array<std::string_view, 10> kFlowKeys = {"route",    "type",     "rate",  "from",    "to",
                                                        "drop_off", "children", "dwell", "pick_up", "release"};
constexpr std::array<std::string_view, 5> kWalkInFlowKeys = {"rate", "from", "to", "link", "position"};
constexpr std::array<std::string_view, 11> kCsvColumns = {"kind", "id",     "time", "type", "route",   "dwell",
                                                          "children", "escort", "zone", "link", "position"};
constexpr std::array<std::string_view, 3> kCsvKinds = {"car", "drop_off", "walk_in"};
constexpr std::size_t kMaxCsvErrors = 50;
constexpr double kMaxTime = 1e6;  // [s]
// A demand file of a day's traffic at a large school is well under 1 MiB. [bytes]
constexpr std::size_t kMaxDemandBytes = 64u << 20;
// Longest cell shown in a message. [bytes]
constexpr std::size_t kMaxShownCell = 40;

// A cell of the demand file as a message may show it: quoted when it looks
// like a name or a number (letters of any script, digits, space, _ - . +),
// otherwise described. Errors never echo file contents that are not plainly
// meant as demand: a scenario may name a file that holds secrets.
std::string shown(std::string_view cell) {
  const bool plain = cell.size() <= kMaxShownCell && std::all_of(cell.begin(), cell.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == ' ' || c == '_' || c == '-' || c == '.' || c == '+';
  });
  if (plain) return "\"" + std::string(cell) + "\"";
  return "a value that is no name or number (" + std::to_string(cell.size()) + " bytes, not shown)";
}

std::string trim(std::string_view s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  return std::string(s.substr(a, s.find_last_not_of(" \t\r") - a + 1));
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    out.push_back(trim(std::string_view(line).substr(start, comma - start)));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

std::optional<double> to_number(const std::string& s) {
  double x = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

}  // namespace

void StreetParser::demand(const json::object& o) {
  const json::value* v = r_.member(o, root_, "demand");
  if (!v) return;
  const std::string path = key_path(root_, "demand");
  const json::object* d = r_.object(*v, path);
  if (!d) return void(ok_ = false);
  r_.check_keys(*d, path, kDemandKeys);
  if (const json::value* f = r_.member(*d, path, "file")) demand_file(*f, key_path(path, "file"));
  demand_rows(*d, path);
  if (const json::value* p = r_.member(*d, path, "drop_off_profile")) drop_off_profile(*p, key_path(path, "drop_off_profile"));
  flows(*d, path);
  walk_in_flows(*d, path);
}

void StreetParser::demand_rows(const json::object& d, const std::string& path) {
  each(d, path, "vehicles", [&](const json::value& v, const std::string& p, std::size_t) {
    const json::object* o = r_.object(v, p);
    if (!o) return void(ok_ = false);
    r_.check_keys(*o, p, kVehicleKeys);
    VehicleDemand vd;
    if (const json::value* id = r_.member(*o, p, "id", true)) {
      vd.id = r_.nonempty_string(*id, key_path(p, "id")).value_or("");
      if (!vd.id.empty() && !demand_ids_.emplace(vd.id, p).second) {
        r_.error(key_path(p, "id"), *id, "is already used by " + demand_ids_[vd.id]);
        ok_ = false;
      }
    } else {
      ok_ = false;
    }
    vd.type = ref(*o, p, "type", types_, "vehicle type", false).value_or(0);
    vd.route = ref(*o, p, "route", routes_, "route").value_or(0);
    number(*o, p, "time", closed(0.0, kMaxTime), vd.time, true);
    if (!r_.optional_flag(*o, p, "drop_off", vd.drop_off)) ok_ = false;
    if (!r_.optional_flag(*o, p, "escort", vd.escort)) ok_ = false;
    if (!r_.optional_flag(*o, p, "pick_up", vd.pick_up)) ok_ = false;
    vd.drop_off = vd.drop_off || vd.pick_up;
    number(*o, p, "dwell", closed(0.0, 3600.0), vd.dwell);
    number(*o, p, "release", closed(0.0, kMaxTime), vd.release);
    count(*o, p, "children", 0, s_.vehicle_types.empty() ? 100 : s_.vehicle_types[vd.type].seats, vd.children);
    if (o->contains("zone")) vd.zone = ref(*o, p, "zone", zones_, "curb zone");
    s_.vehicles.push_back(vd);
  });
  each(d, path, "walk_ins", [&](const json::value& v, const std::string& p, std::size_t) {
    const json::object* o = r_.object(v, p);
    if (!o) return void(ok_ = false);
    r_.check_keys(*o, p, kWalkInKeys);
    WalkInDemand w;
    if (const json::value* id = r_.member(*o, p, "id", true)) {
      w.id = r_.nonempty_string(*id, key_path(p, "id")).value_or("");
      if (!w.id.empty() && !demand_ids_.emplace(w.id, p).second) {
        r_.error(key_path(p, "id"), *id, "is already used by " + demand_ids_[w.id]);
        ok_ = false;
      }
    } else {
      ok_ = false;
    }
    number(*o, p, "time", closed(0.0, kMaxTime), w.time, true);
    const auto link = ref(*o, p, "link", links_, "link");
    w.link = link.value_or(0);
    if (number(*o, p, "position", closed(0.0, 100000.0), w.position, true) && link && o->contains("position"))
      position_on_link(*link, w.position, key_path(p, "position"), *o->if_contains("position"));
    s_.walk_ins.push_back(w);
  });
}

// One row per line: kind,id,time,type,route,dwell,children,escort,zone,link,position.
void StreetParser::demand_file(const json::value& v, const std::string& path) {
  const auto name = r_.nonempty_string(v, path);
  if (!name) return void(ok_ = false);
  const auto where = resolve_data_file(data_, *name);
  if (const std::string* why = std::get_if<std::string>(&where)) {
    r_.error(path, v, *why);
    return void(ok_ = false);
  }
  const InputText file = read_input_file(std::get<std::filesystem::path>(where), kMaxDemandBytes);
  if (!file.ok) {
    r_.error(path, v, file.error);
    return void(ok_ = false);
  }
  std::istringstream in(file.text);
  std::size_t errors = 0;
  auto fail = [&](std::size_t line, std::string_view column, const std::string& rule) {
    ok_ = false;
    if (++errors <= kMaxCsvErrors)
      r_.error(path, v, "line " + std::to_string(line) + (column.empty() ? "" : ", column " + std::string(column)) + ": " + rule);
  };
  std::string line;
  std::size_t line_no = 0;
  std::array<int, kCsvColumns.size()> column{};
  column.fill(-1);
  bool header = false;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    const std::vector<std::string> cells = split(t);
    if (!header) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto it = std::find(kCsvColumns.begin(), kCsvColumns.end(), cells[c]);
        if (it == kCsvColumns.end() && shown(cells[c]).front() != '"')
          fail(line_no, std::to_string(c + 1), shown(cells[c]) + " is no column name");
        else if (it == kCsvColumns.end())
          fail(line_no, cells[c], unknown_name_rule(cells[c], kCsvColumns, "column", true));
        else column[static_cast<std::size_t>(it - kCsvColumns.begin())] = static_cast<int>(c);
      }
      for (std::string_view need : {"kind", "id", "time"})
        if (column[static_cast<std::size_t>(std::find(kCsvColumns.begin(), kCsvColumns.end(), need) - kCsvColumns.begin())] < 0)
          fail(line_no, need, "the header has no such column");
      header = true;
      if (!ok_) return;
      continue;
    }
    auto cell = [&](std::string_view key) -> std::string {
      const int c = column[static_cast<std::size_t>(std::find(kCsvColumns.begin(), kCsvColumns.end(), key) - kCsvColumns.begin())];
      return c >= 0 && static_cast<std::size_t>(c) < cells.size() ? cells[static_cast<std::size_t>(c)] : std::string();
    };
    auto number_cell = [&](std::string_view key, double lo, double hi, double& into, bool required) {
      const std::string s = cell(key);
      if (s.empty()) {
        if (required) fail(line_no, key, "is required");
        return;
      }
      const auto x = to_number(s);
      if (!x || *x < lo || *x > hi) return fail(line_no, key, shown(s) + " must be a number in [" + format_number(lo) + ", " + format_number(hi) + "]");
      into = *x;
    };
    auto name_cell = [&](std::string_view key, const NameIndex& names, std::string_view what) -> std::optional<std::size_t> {
      const std::string s = cell(key);
      if (s.empty()) {
        fail(line_no, key, "is required");
        return std::nullopt;
      }
      const auto it = names.index.find(s);
      if (it != names.index.end()) return it->second;
      const std::vector<std::string_view> candidates(names.order.begin(), names.order.end());
      fail(line_no, key, shown(s) + " " + unknown_name_rule(s, candidates, what, candidates.size() <= 12));
      return std::nullopt;
    };
    const std::string kind = cell("kind"), id = cell("id");
    const auto k = std::find(kCsvKinds.begin(), kCsvKinds.end(), kind);
    if (k == kCsvKinds.end()) {
      fail(line_no, "kind", shown(kind) + " " + unknown_name_rule(kind, kCsvKinds, "kind", true));
      continue;
    }
    if (id.empty()) fail(line_no, "id", "is required");
    else if (!demand_ids_.emplace(id, "line " + std::to_string(line_no)).second)
      fail(line_no, "id", shown(id) + " is already used by " + demand_ids_[id]);
    double time = 0.0;
    number_cell("time", 0.0, kMaxTime, time, true);
    if (*k == "walk_in") {
      WalkInDemand w{id, time, 0, 0.0};
      const auto link = name_cell("link", links_, "link");
      number_cell("position", 0.0, 100000.0, w.position, true);
      if (link) {
        w.link = *link;
        if (w.position > s_.links[*link].length + 1e-9)
          fail(line_no, "position", "is past the end of link \"" + s_.links[*link].name + "\"");
      }
      s_.walk_ins.push_back(w);
      continue;
    }
    VehicleDemand vd;
    vd.id = id;
    vd.time = time;
    vd.drop_off = *k == "drop_off";
    if (!cell("type").empty()) vd.type = name_cell("type", types_, "vehicle type").value_or(0);
    vd.route = name_cell("route", routes_, "route").value_or(0);
    if (vd.drop_off) {
      number_cell("dwell", 0.0, 3600.0, vd.dwell, true);
      double children = 1.0;
      number_cell("children", 0.0, 100.0, children, false);
      vd.children = static_cast<std::uint32_t>(children);
      if (children != std::floor(children)) fail(line_no, "children", "must be a whole number");
      vd.escort = cell("escort") == "1" || cell("escort") == "true";
      if (!cell("zone").empty()) vd.zone = name_cell("zone", zones_, "curb zone");
    }
    s_.vehicles.push_back(vd);
  }
  if (!header) fail(line_no, "", "the file has no header line (" + std::string("kind,id,time,...") + ")");
  if (errors > kMaxCsvErrors)
    r_.error(path, v, "and " + std::to_string(errors - kMaxCsvErrors) + " more errors in the file");
}

void StreetParser::drop_off_profile(const json::value& v, const std::string& path) {
  const json::object* o = r_.object(v, path);
  if (!o) return void(ok_ = false);
  r_.check_keys(*o, path, kProfileKeys);
  DropOffProfileSpec p;
  count(*o, path, "pupils", 1, 100000, p.pupils, true);
  number(*o, path, "share_driven", closed(0.0, 1.0), p.share_driven);
  number(*o, path, "pupils_per_car", closed(1.0, 2.0), p.pupils_per_car);
  number(*o, path, "escort_share", closed(0.0, 1.0), p.escort_share);
  number(*o, path, "bell", closed(0.0, kMaxTime), p.bell, true);
  number(*o, path, "window", open_closed(0.0, 86400.0), p.window);
  if (!r_.optional_flag(*o, path, "pick_up", p.pick_up)) ok_ = false;
  each(*o, path, "profile", [&](const json::value& x, const std::string& xp, std::size_t) {
    const auto w = r_.number(x, xp, at_least(0.0));
    if (w) p.profile.push_back(*w);
    else ok_ = false;
  });
  if (const json::value* d = r_.member(*o, path, "dwell")) {
    const auto dist = parse_distribution(r_, *d, key_path(path, "dwell"), Quantity::kPreMovement);
    if (dist) p.dwell = *dist;
    else ok_ = false;
  }
  each(*o, path, "routes", [&](const json::value& x, const std::string& xp, std::size_t) {
    if (const auto rt = ref_value(x, xp, routes_, "route")) p.routes.push_back(*rt);
  });
  if (p.routes.empty() && ok_) {
    r_.error(key_path(path, "routes"), "must name at least one route");
    ok_ = false;
  }
  each(*o, path, "route_weights", [&](const json::value& x, const std::string& xp, std::size_t) {
    const auto w = r_.number(x, xp, above(0.0));
    if (w) p.route_weights.push_back(*w);
    else ok_ = false;
  });
  if (!p.route_weights.empty() && p.route_weights.size() != p.routes.size()) {
    r_.error(key_path(path, "route_weights"), "must have one weight per route (" + std::to_string(p.routes.size()) + ")");
    ok_ = false;
  }
  p.type = ref(*o, path, "type", types_, "vehicle type", false).value_or(0);
  s_.drop_off_profile = p;
}

void StreetParser::flows(const json::object& d, const std::string& path) {
  each(d, path, "flows", [&](const json::value& v, const std::string& p, std::size_t) {
    const json::object* o = r_.object(v, p);
    if (!o) return void(ok_ = false);
    r_.check_keys(*o, p, kFlowKeys);
    FlowSpec f;
    f.route = ref(*o, p, "route", routes_, "route").value_or(0);
    f.type = ref(*o, p, "type", types_, "vehicle type", false).value_or(0);
    number(*o, p, "rate", closed(0.0, 10000.0), f.rate, true);
    number(*o, p, "from", closed(0.0, kMaxTime), f.from);
    number(*o, p, "to", closed(0.0, kMaxTime), f.to, true);
    if (o->contains("to") && f.to <= f.from) {
      r_.error(key_path(p, "to"), *o->if_contains("to"), "must be after \"from\" (" + format_number(f.from) + " s)");
      ok_ = false;
    }
    if (!r_.optional_flag(*o, p, "drop_off", f.drop_off)) ok_ = false;
    if (!r_.optional_flag(*o, p, "pick_up", f.pick_up)) ok_ = false;
    f.drop_off = f.drop_off || f.pick_up;
    number(*o, p, "release", closed(0.0, kMaxTime), f.release);
    count(*o, p, "children", 0, s_.vehicle_types.empty() ? 100 : s_.vehicle_types[f.type].seats, f.children);
    if (f.drop_off && !o->contains("children")) f.children = 1;
    if (const json::value* dw = r_.member(*o, p, "dwell")) {
      const auto dist = parse_distribution(r_, *dw, key_path(p, "dwell"), Quantity::kPreMovement);
      if (dist) f.dwell = *dist;
      else ok_ = false;
    }
    s_.flows.push_back(f);
  });
}

void StreetParser::walk_in_flows(const json::object& d, const std::string& path) {
  each(d, path, "walk_in_flows", [&](const json::value& v, const std::string& p, std::size_t) {
    const json::object* o = r_.object(v, p);
    if (!o) return void(ok_ = false);
    r_.check_keys(*o, p, kWalkInFlowKeys);
    WalkInFlowSpec w;
    number(*o, p, "rate", closed(0.0, 100000.0), w.rate, true);
    number(*o, p, "from", closed(0.0, kMaxTime), w.from);
    number(*o, p, "to", closed(0.0, kMaxTime), w.to, true);
    const auto link = ref(*o, p, "link", links_, "link");
    w.link = link.value_or(0);
    if (link) w.position_max = s_.links[*link].length;
    if (const json::value* pos = r_.member(*o, p, "position")) {
      const std::string pp = key_path(p, "position");
      const auto pt = read_point(r_, *pos, pp);  // [min, max] along the link
      if (!pt) {
        ok_ = false;
      } else if (pt->x() < 0.0 || pt->y() < pt->x()) {
        r_.error(pp, *pos, "must be [min, max] with 0 <= min <= max");
        ok_ = false;
      } else {
        w.position_min = pt->x();
        w.position_max = pt->y();
        if (link) position_on_link(*link, w.position_max, pp, *pos);
      }
    }
    s_.walk_in_flows.push_back(w);
  });
}

}  // namespace campusflow::scenario_parse
