// Where people meet the street: crossings, guards, the school gates, curb
// zones, the no-car zone, and the approaches queues are measured on.
#include <algorithm>
#include <array>

#include "sim/scenario/parse_distribution.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/street_parser.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 5> kCrossingKeys = {"name", "node", "links", "width", "priority"};
constexpr std::array<std::string_view, 8> kGuardKeys = {"name", "crossing", "min_waiting", "max_wait",
                                                        "hold", "min_green", "from", "to"};
constexpr std::array<std::string_view, 7> kGateKeys = {"name",        "node", "position", "path_length",
                                                       "entry_check", "exit", "call_line"};
constexpr std::array<std::string_view, 1> kCallLineKeys = {"distance"};
constexpr std::array<std::string_view, 4> kEntryCheckKeys = {"servers", "service", "from", "to"};
constexpr std::array<std::string_view, 15> kZoneKeys = {
    "name",       "kind",       "link",      "start",       "end",       "stalls",        "stall_length",
    "discipline", "entry_time", "exit_time", "walk_access", "exit_link", "exit_position", "ramp_time",
    "keep_exit_clear"};
constexpr std::array<std::string_view, 4> kKinds = {"lay_by", "in_lane", "lot", "underground"};
constexpr std::array<std::string_view, 4> kDisciplines = {"first_free", "front_first", "pull_forward", "platoon"};
constexpr std::array<std::string_view, 5> kNoCarKeys = {"gate", "radius", "from", "to", "compliance"};
constexpr std::array<std::string_view, 4> kApproachKeys = {"name", "link", "position", "spill_node"};
constexpr double kDefaultLotStall = 7.0;  // [m] a lot's stalls, for the check against car lengths

// The index of `word` in `words`, reporting an unknown one.
template <std::size_t N>
std::optional<std::size_t> choice(Reader& r, const json::object& o, const std::string& path, std::string_view key,
                                  const std::array<std::string_view, N>& words, std::string_view what) {
  const json::value* v = r.member(o, path, key);
  if (!v) return std::nullopt;
  const auto s = r.string(*v, key_path(path, key));
  const auto it = s ? std::find(words.begin(), words.end(), *s) : words.end();
  if (it == words.end()) {
    if (s) r.error(key_path(path, key), *v, unknown_name_rule(*s, words, what, true));
    return N;  // reported
  }
  return static_cast<std::size_t>(it - words.begin());
}

}  // namespace

void StreetParser::crossings(const json::object& o) {
  each(o, root_, "crossings", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* c = r_.object(v, path);
    if (!c) return void(ok_ = false);
    r_.check_keys(*c, path, kCrossingKeys);
    CrossingSpec x;
    x.name = r_.unique_name(*c, path, crossings_.taken);
    const auto node = ref(*c, path, "node", nodes_, "node");
    x.node = node.value_or(0);
    number(*c, path, "width", open_closed(0.0, 20.0), x.width);
    if (!r_.optional_flag(*c, path, "priority", x.pedestrian_priority)) ok_ = false;
    else if (c->contains("priority") && x.pedestrian_priority)
      priority_given_.emplace_back(s_.crossings.size(), c->if_contains("priority"));
    if (!c->contains("links")) {
      r_.error(key_path(path, "links"), "is required");
      ok_ = false;
    }
    each(*c, path, "links", [&](const json::value& lv, const std::string& lp, std::size_t) {
      const auto l = ref_value(lv, lp, links_, "link");
      if (!l) return;
      if (node && s_.links[*l].from != *node && s_.links[*l].to != *node) {
        r_.error(lp, lv, "does not touch node \"" + s_.nodes[*node].name + "\" where the crossing is");
        ok_ = false;
      }
      x.links.push_back(*l);
    });
    crossings_.add(x.name, s_.crossings.size());
    s_.crossings.push_back(x);
  });
}

// A signalled crossing has no pedestrian priority: the signal gives pupils
// their time, and drivers go on green (a zebra's priority there would make
// them stop on green for pupils waiting for the walk phase; zebra markings
// and signals are not combined on a road). Left out, "priority" follows the
// signal; an explicit true contradicts it and is refused.
void StreetParser::signalled_priority() {
  for (const auto& given : priority_given_) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto x = given.first;
    const auto* value = given.second;
    for (const SignalSpec& sg : s_.signals) {
      const bool serves = std::any_of(sg.phases.begin(), sg.phases.end(), [&](const SignalPhaseSpec& ph) {
        return std::find(ph.walk.begin(), ph.walk.end(), x) != ph.walk.end();
      });
      if (!serves) continue;
      r_.error(key_path(index_path(key_path(root_, "crossings"), x), "priority"), *value,
               "must be false (or left out) on a crossing that signal \"" + sg.name +
                   "\" serves: pedestrians cross on its walk phase, and with priority drivers would stop on green "
                   "for pupils waiting for it");
      ok_ = false;
      break;
    }
  }
}

void StreetParser::guards(const json::object& o) {
  each(o, root_, "guards", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* g = r_.object(v, path);
    if (!g) return void(ok_ = false);
    r_.check_keys(*g, path, kGuardKeys);
    GuardSpec guard;
    guard.name = r_.unique_name(*g, path, guards_.taken);
    guard.crossing = ref(*g, path, "crossing", crossings_, "crossing").value_or(0);
    count(*g, path, "min_waiting", 1, 1000, guard.min_waiting);
    number(*g, path, "max_wait", open_closed(0.0, 600.0), guard.max_wait);
    number(*g, path, "hold", open_closed(0.0, 600.0), guard.hold);
    number(*g, path, "min_green", closed(0.0, 600.0), guard.min_green);
    window(*g, path, guard.from, guard.to);
    guards_.add(guard.name, s_.guards.size());
    s_.guards.push_back(guard);
  });
}

// The morning check at the gate: how many staff check, how long one check
// takes (any distribution of a duration), and when the check is held.
void StreetParser::entry_check(const json::value& v, const std::string& path, GateSpec& gate) {
  const json::object* e = r_.object(v, path);
  if (!e) return void(ok_ = false);
  r_.check_keys(*e, path, kEntryCheckKeys);
  EntryCheckSpec check;
  ok_ = count(*e, path, "servers", 1, 100, check.servers, true) && ok_;
  if (const json::value* d = r_.member(*e, path, "service", true)) {
    const auto service = parse_distribution(r_, *d, key_path(path, "service"), Quantity::kPreMovement);
    if (service) check.service = *service;
    ok_ = ok_ && service.has_value();
  } else {
    ok_ = false;
  }
  ok_ = window(*e, path, check.from, check.to) && ok_;
  gate.entry_check = check;
}

void StreetParser::gates(const json::object& o) {
  each(o, root_, "gates", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* g = r_.object(v, path);
    if (!g) return void(ok_ = false);
    r_.check_keys(*g, path, kGateKeys);
    GateSpec gate;
    gate.name = r_.unique_name(*g, path, gates_.taken);
    const auto node = ref(*g, path, "node", nodes_, "node");
    gate.node = node.value_or(0);
    if (const json::value* p = r_.member(*g, path, "position", true)) {
      const auto pt = read_point(r_, *p, key_path(path, "position"));
      if (pt) gate.position = *pt;
      if (pt && node && (*pt - s_.nodes[*node].position).norm() < 1e-6) {
        r_.error(key_path(path, "position"), *p, "is on its node: the footpath needs a direction");
        ok_ = false;
      }
      ok_ = ok_ && pt.has_value();
    } else {
      ok_ = false;
    }
    number(*g, path, "path_length", open_closed(0.0, 1000.0), gate.path_length);
    if (const json::value* ec = r_.member(*g, path, "entry_check")) entry_check(*ec, key_path(path, "entry_check"), gate);
    if (const json::value* e = r_.member(*g, path, "exit")) {
      if (const auto name = r_.string(*e, key_path(path, "exit"))) gate.exit = *name;
      else ok_ = false;
    }
    if (const json::value* c = r_.member(*g, path, "call_line")) {
      const std::string cpath = key_path(path, "call_line");
      if (const json::object* co = r_.object(*c, cpath)) {
        r_.check_keys(*co, cpath, kCallLineKeys);
        double distance = 0.0;
        number(*co, cpath, "distance", closed(0.0, 2000.0), distance);
        gate.call_distance = distance;
      } else {
        ok_ = false;
      }
    }
    gates_.add(gate.name, s_.gates.size());
    s_.gates.push_back(gate);
  });
}

void StreetParser::curb_zones(const json::object& o) {
  each(o, root_, "curb_zones", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* z = r_.object(v, path);
    if (!z) return void(ok_ = false);
    r_.check_keys(*z, path, kZoneKeys);
    CurbZoneSpec zone;
    zone.name = r_.unique_name(*z, path, zones_.taken);
    if (const auto k = choice(r_, *z, path, "kind", kKinds, "curb zone kind")) {
      if (*k == kKinds.size()) ok_ = false;
      else zone.kind = static_cast<CurbKind>(*k);
    }
    if (const auto d = choice(r_, *z, path, "discipline", kDisciplines, "discipline")) {
      if (*d == kDisciplines.size()) ok_ = false;
      else zone.discipline = static_cast<CurbDiscipline>(*d);
    }
    zone.link = ref(*z, path, "link", links_, "link").value_or(0);
    const bool got_start = number(*z, path, "start", closed(0.0, 100000.0), zone.start, true);
    const bool got_end = number(*z, path, "end", closed(0.0, 100000.0), zone.end, true);
    if (got_start && got_end && z->contains("start") && z->contains("end") && zone.end <= zone.start) {
      r_.error(key_path(path, "end"), *z->if_contains("end"),
               "must be beyond \"start\" (" + format_number(zone.start) + " m)");
      ok_ = false;
    }
    count(*z, path, "stalls", 1, 1000, zone.stalls, true);
    const bool along = zone.kind == CurbKind::kLayBy || zone.kind == CurbKind::kInLane;
    zone.stall_length = along && zone.stalls > 0 ? (zone.end - zone.start) / zone.stalls : kDefaultLotStall;
    number(*z, path, "stall_length", open_closed(0.0, 100.0), zone.stall_length);
    number(*z, path, "entry_time", closed(0.0, 600.0), zone.entry_time);
    number(*z, path, "exit_time", closed(0.0, 600.0), zone.exit_time);
    number(*z, path, "walk_access", closed(0.0, 1000.0), zone.walk_access);
    if (const json::value* k = z->if_contains("keep_exit_clear")) {
      if (!r_.optional_flag(*z, path, "keep_exit_clear", zone.keep_exit_clear)) {
        ok_ = false;
      } else if (zone.kind != CurbKind::kLayBy) {
        r_.error(key_path(path, "keep_exit_clear"), *k, "is only for lay-bys (elsewhere no waiting car blocks a stall)");
        ok_ = false;
      } else if (!zone.keep_exit_clear && (zone.stalls < 2 || zone.discipline == CurbDiscipline::kPullForward ||
                                           zone.discipline == CurbDiscipline::kPlatoon)) {
        // The boxed-in car could only be freed by the driver boxing it in.
        r_.error(key_path(path, "keep_exit_clear"), *k,
                 "must be true with one stall or with discipline \"pull_forward\" or \"platoon\": a driver "
                 "waiting at the entrance would box in the car it is waiting for, and nobody would move again");
        ok_ = false;
      }
    }
    const bool underground = zone.kind == CurbKind::kUnderground;
    for (std::string_view key : {"exit_link", "exit_position", "ramp_time"})
      if (!underground && z->contains(key)) {
        r_.error(key_path(path, key), *z->if_contains(key), "is only for underground facilities");
        ok_ = false;
      }
    if (underground) {
      zone.exit_link = ref(*z, path, "exit_link", links_, "link").value_or(0);
      number(*z, path, "exit_position", closed(0.0, 100000.0), zone.exit_position, true);
      number(*z, path, "ramp_time", closed(0.0, 600.0), zone.ramp_time, true);
    }
    zones_.add(zone.name, s_.curb_zones.size());
    s_.curb_zones.push_back(zone);
  });
}

void StreetParser::no_car_zone(const json::object& o) {
  const json::value* v = r_.member(o, root_, "no_car_zone");
  if (!v) return;
  const std::string path = key_path(root_, "no_car_zone");
  const json::object* z = r_.object(*v, path);
  if (!z) return void(ok_ = false);
  r_.check_keys(*z, path, kNoCarKeys);
  NoCarZoneSpec ncz;
  ncz.gate = ref(*z, path, "gate", gates_, "gate").value_or(0);
  if (const json::value* radius = r_.member(*z, path, "radius", true)) {
    const auto x = r_.number(*radius, key_path(path, "radius"));
    if (x && *x < 0.0)
      r_.error(key_path(path, "radius"), *radius, "must be >= 0: the radius is a distance from the gate");
    else if (x && *x > 10000.0)
      r_.error(key_path(path, "radius"), *radius, "must be <= 10000");
    if (!x || *x < 0.0 || *x > 10000.0) ok_ = false;
    else ncz.radius = *x;
  } else {
    ok_ = false;
  }
  window(*z, path, ncz.from, ncz.to);
  number(*z, path, "compliance", closed(0.0, 1.0), ncz.compliance);
  s_.no_car_zone = ncz;
}

void StreetParser::approaches(const json::object& o) {
  each(o, root_, "approaches", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* a = r_.object(v, path);
    if (!a) return void(ok_ = false);
    r_.check_keys(*a, path, kApproachKeys);
    ApproachSpec ap;
    ap.name = r_.unique_name(*a, path, approaches_.taken);
    const auto link = ref(*a, path, "link", links_, "link");
    ap.link = link.value_or(0);
    const bool got = number(*a, path, "position", closed(0.0, 100000.0), ap.position, true);
    if (got && link && a->contains("position")) position_on_link(*link, ap.position, key_path(path, "position"), *a->if_contains("position"));
    ap.spill_node = ref(*a, path, "spill_node", nodes_, "node").value_or(0);
    approaches_.add(ap.name, s_.approaches.size());
    s_.approaches.push_back(ap);
  });
}

bool StreetParser::position_on_link(std::size_t link, double position, const std::string& path, const json::value& v) {
  if (position <= s_.links[link].length + 1e-9) return true;
  r_.error(path, v,
           "is past the end of link \"" + s_.links[link].name + "\" (" + format_number(s_.links[link].length) + " m)");
  ok_ = false;
  return false;
}

}  // namespace campusflow::scenario_parse
