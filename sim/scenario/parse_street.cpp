// The street's network: vehicle types, nodes, links with lanes, connections,
// signal plans, routes and timed restrictions; and the parser's helpers.
#include <algorithm>
#include <array>
#include <cmath>

#include "sim/scenario/parse_distribution.hpp"
#include "sim/scenario/parse_geometry.hpp"
#include "sim/scenario/parse_street.hpp"
#include "sim/scenario/street_parser.hpp"

namespace campusflow::scenario_parse {

namespace {

constexpr std::array<std::string_view, 16> kStreetKeys = {
    "vehicle_dt", "child_speed", "vehicle_types", "nodes",        "links",      "connections", "signals", "crossings",
    "guards",     "gates",       "restrictions",  "curb_zones",   "no_car_zone", "approaches", "routes",  "demand"};
constexpr std::array<std::string_view, 14> kTypeKeys = {
    "name",       "class",         "length",    "width",      "seats",   "desired_speed",   "time_headway",
    "min_gap",    "max_acceleration", "comfortable_deceleration", "exponent", "politeness", "threshold",
    "safe_deceleration"};
constexpr std::array<std::string_view, 3> kClasses = {"car", "bus", "motorbike"};
constexpr std::array<std::string_view, 2> kNodeKeys = {"name", "position"};
constexpr std::array<std::string_view, 7> kLinkKeys = {"name", "from", "to", "length", "speed_limit", "lanes",
                                                       "sidewalk"};
constexpr std::array<std::string_view, 2> kLaneKeys = {"width", "allow"};
constexpr std::array<std::string_view, 3> kConnectionKeys = {"from", "to", "rule"};
constexpr std::array<std::string_view, 3> kRules = {"priority", "yield", "signal"};
constexpr std::array<std::string_view, 4> kSignalKeys = {"name", "node", "offset", "phases"};
constexpr std::array<std::string_view, 4> kPhaseKeys = {"duration", "green", "amber", "walk"};
constexpr std::array<std::string_view, 3> kRouteKeys = {"name", "links", "fixed"};
constexpr std::array<std::string_view, 6> kRestrictionKeys = {"link", "from", "to", "speed_limit", "closed",
                                                              "no_turn_to"};
constexpr std::size_t kMaxLanes = 8;

std::vector<std::string_view> views(const NameIndex& n) { return {n.order.begin(), n.order.end()}; }

}  // namespace

std::optional<StreetSpec> parse_street(Reader& r, const json::value& v, const std::string& path,
                                       const DataFiles& data) {
  return StreetParser(r, path, data).parse(v);
}

// ---- helpers -------------------------------------------------------------

void StreetParser::each(const json::object& o, const std::string& path, std::string_view key,
                        const std::function<void(const json::value&, const std::string&, std::size_t)>& f) {
  const json::value* v = r_.member(o, path, key);
  if (!v) return;
  const json::array* a = r_.array(*v, key_path(path, key));
  if (!a) {
    ok_ = false;
    return;
  }
  for (std::size_t i = 0; i < a->size(); ++i) f((*a)[i], index_path(key_path(path, key), i), i);
}

std::optional<std::size_t> StreetParser::ref_value(const json::value& v, const std::string& path,
                                                   const NameIndex& names, std::string_view what) {
  const auto s = r_.string(v, path);
  if (!s) {
    ok_ = false;
    return std::nullopt;
  }
  const auto it = names.index.find(*s);
  if (it != names.index.end()) return it->second;
  const std::vector<std::string_view> candidates = views(names);
  r_.error(path, v, unknown_name_rule(*s, candidates, what, candidates.size() <= 12));
  ok_ = false;
  return std::nullopt;
}

std::optional<std::size_t> StreetParser::ref(const json::object& o, const std::string& path, std::string_view key,
                                             const NameIndex& names, std::string_view what, bool required) {
  const json::value* v = r_.member(o, path, key, required);
  if (!v) {
    ok_ = ok_ && !required;
    return std::nullopt;
  }
  return ref_value(*v, key_path(path, key), names, what);
}

bool StreetParser::number(const json::object& o, const std::string& path, std::string_view key, const Range& range,
                          double& into, bool required) {
  const json::value* v = r_.member(o, path, key, required);
  if (!v) {
    ok_ = ok_ && !required;
    return !required;
  }
  const auto x = r_.number(*v, key_path(path, key), range);
  if (!x) {
    ok_ = false;
    return false;
  }
  into = *x;
  return true;
}

bool StreetParser::count(const json::object& o, const std::string& path, std::string_view key, std::uint64_t min,
                         std::uint64_t max, std::uint32_t& into, bool required) {
  const json::value* v = r_.member(o, path, key, required);
  if (!v) {
    ok_ = ok_ && !required;
    return !required;
  }
  const auto x = r_.integer(*v, key_path(path, key), min);
  if (x && *x > max) r_.error(key_path(path, key), *v, "must be <= " + std::to_string(max));
  if (!x || *x > max) {
    ok_ = false;
    return false;
  }
  into = static_cast<std::uint32_t>(*x);
  return true;
}

bool StreetParser::window(const json::object& o, const std::string& path, double& from, double& to) {
  bool good = number(o, path, "from", closed(0.0, 1e6), from);
  good = number(o, path, "to", closed(0.0, 1e6), to) && good;
  if (good && o.contains("to") && from >= to) {
    r_.error(key_path(path, "to"), *o.if_contains("to"), "must be after \"from\" (" + format_number(from) + " s)");
    ok_ = false;
    return false;
  }
  return good;
}

// ---- the section ---------------------------------------------------------

std::optional<StreetSpec> StreetParser::parse(const json::value& v) {
  const json::object* o = r_.object(v, root_);
  if (!o) return std::nullopt;
  r_.check_keys(*o, root_, kStreetKeys);
  s_.source_path = root_;
  number(*o, root_, "vehicle_dt", open_closed(0.0, 1.0), s_.vehicle_dt);
  if (const json::value* cs = r_.member(*o, root_, "child_speed")) {
    const auto d = parse_distribution(r_, *cs, key_path(root_, "child_speed"), Quantity::kDesiredSpeed);
    if (d) s_.child_speed = *d;
    ok_ = ok_ && d.has_value();
  }
  vehicle_types(*o);
  nodes(*o);
  links(*o);
  connections(*o);
  routes(*o);
  crossings(*o);
  signals(*o);
  signalled_priority();
  guards(*o);
  gates(*o);
  restrictions(*o);
  curb_zones(*o);
  no_car_zone(*o);
  approaches(*o);
  demand(*o);
  if (!ok_) return std::nullopt;
  return std::move(s_);
}

void StreetParser::vehicle_types(const json::object& o) {
  if (!o.contains("vehicle_types")) {
    // Built in: SUMO's passenger car (IdmParams defaults) and a school bus.
    VehicleTypeSpec car;
    car.name = "car";
    VehicleTypeSpec bus;
    bus.name = "bus";
    bus.vehicle_class = VehicleClass::kBus;
    bus.idm.length = 12.0;
    bus.idm.max_acceleration = 1.2;
    bus.idm.comfortable_deceleration = 4.0;
    bus.idm.desired_speed = 22.2;
    bus.width = 2.5;
    bus.seats = 50;
    s_.vehicle_types = {car, bus};
    types_.add("car", 0);
    types_.add("bus", 1);
    return;
  }
  each(o, root_, "vehicle_types", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* t = r_.object(v, path);
    if (!t) return void(ok_ = false);
    r_.check_keys(*t, path, kTypeKeys);
    VehicleTypeSpec vt;
    vt.name = r_.unique_name(*t, path, types_.taken);
    if (const json::value* c = r_.member(*t, path, "class")) {
      const auto s = r_.string(*c, key_path(path, "class"));
      const auto it = s ? std::find(kClasses.begin(), kClasses.end(), *s) : kClasses.end();
      if (it == kClasses.end()) {
        if (s) r_.error(key_path(path, "class"), *c, unknown_name_rule(*s, kClasses, "vehicle class", true));
        ok_ = false;
      } else {
        vt.vehicle_class = static_cast<VehicleClass>(it - kClasses.begin());
      }
    }
    IdmParams& p = vt.idm;
    number(*t, path, "length", open_closed(0.0, 30.0), p.length);
    number(*t, path, "width", open_closed(0.0, 4.0), vt.width);
    count(*t, path, "seats", 1, 100, vt.seats);
    number(*t, path, "desired_speed", open_closed(0.0, 60.0), p.desired_speed);
    number(*t, path, "time_headway", open_closed(0.0, 5.0), p.time_headway);
    number(*t, path, "min_gap", closed(0.0, 10.0), p.min_gap);
    number(*t, path, "max_acceleration", open_closed(0.0, 10.0), p.max_acceleration);
    number(*t, path, "comfortable_deceleration", open_closed(0.0, 10.0), p.comfortable_deceleration);
    number(*t, path, "exponent", open_closed(0.0, 10.0), p.exponent);
    number(*t, path, "politeness", closed(0.0, 1.0), vt.mobil.politeness);
    number(*t, path, "threshold", closed(0.0, 2.0), vt.mobil.threshold);
    number(*t, path, "safe_deceleration", open_closed(0.0, 9.0), vt.mobil.safe_deceleration);
    types_.add(vt.name, s_.vehicle_types.size());
    s_.vehicle_types.push_back(vt);
  });
  if (s_.vehicle_types.empty() && ok_) {
    r_.error(key_path(root_, "vehicle_types"), "must name at least one vehicle type");
    ok_ = false;
  }
}

void StreetParser::nodes(const json::object& o) {
  if (!o.contains("nodes")) {
    r_.error(key_path(root_, "nodes"), "is required");
    ok_ = false;
  }
  each(o, root_, "nodes", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* n = r_.object(v, path);
    if (!n) return void(ok_ = false);
    r_.check_keys(*n, path, kNodeKeys);
    RoadNodeSpec node;
    node.name = r_.unique_name(*n, path, nodes_.taken);
    if (const json::value* p = r_.member(*n, path, "position", true)) {
      const auto pt = read_point(r_, *p, key_path(path, "position"));
      if (pt) node.position = *pt;
      ok_ = ok_ && pt.has_value();
    } else {
      ok_ = false;
    }
    nodes_.add(node.name, s_.nodes.size());
    s_.nodes.push_back(node);
  });
}

void StreetParser::links(const json::object& o) {
  if (!o.contains("links")) {
    r_.error(key_path(root_, "links"), "is required");
    ok_ = false;
  }
  each(o, root_, "links", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* l = r_.object(v, path);
    if (!l) return void(ok_ = false);
    r_.check_keys(*l, path, kLinkKeys);
    LinkSpec link;
    link.name = r_.unique_name(*l, path, links_.taken);
    const auto from = ref(*l, path, "from", nodes_, "node");
    const auto to = ref(*l, path, "to", nodes_, "node");
    if (from && to && *from == *to) {
      r_.error(key_path(path, "to"), *l->if_contains("to"), "is the link's \"from\" node: a link joins two nodes");
      ok_ = false;
    }
    link.from = from.value_or(0);
    link.to = to.value_or(0);
    if (from && to) link.length = (s_.nodes[*to].position - s_.nodes[*from].position).norm();
    number(*l, path, "length", open_closed(0.0, 100000.0), link.length);
    number(*l, path, "speed_limit", open_closed(0.0, 40.0), link.speed_limit);
    number(*l, path, "sidewalk", closed(0.0, 20.0), link.sidewalk_width);
    if (const json::value* lanes = r_.member(*l, path, "lanes", true)) {
      const std::string lp = key_path(path, "lanes");
      if (lanes->is_number()) {
        const auto n = r_.integer(*lanes, lp, 0);
        if (n && *n == 0) r_.error(lp, *lanes, "gives the link no lanes: a link needs at least one lane");
        else if (n && *n > kMaxLanes) r_.error(lp, *lanes, "must be <= " + std::to_string(kMaxLanes));
        if (!n || *n == 0 || *n > kMaxLanes) ok_ = false;
        else link.lanes.resize(*n);
      } else if (const json::array* a = r_.array(*lanes, lp)) {
        if (a->empty()) {
          r_.error(lp, *lanes, "gives the link no lanes: a link needs at least one lane");
          ok_ = false;
        }
        for (std::size_t k = 0; k < a->size(); ++k) {
          const std::string p = index_path(lp, k);
          const json::object* lo = r_.object((*a)[k], p);
          if (!lo) {
            ok_ = false;
            continue;
          }
          r_.check_keys(*lo, p, kLaneKeys);
          LaneSpec lane;
          number(*lo, p, "width", open_closed(0.0, 10.0), lane.width);
          each(*lo, p, "allow", [&](const json::value& c, const std::string& cp, std::size_t) {
            const auto cs = r_.string(c, cp);
            const auto it = cs ? std::find(kClasses.begin(), kClasses.end(), *cs) : kClasses.end();
            if (it == kClasses.end()) {
              if (cs) r_.error(cp, c, unknown_name_rule(*cs, kClasses, "vehicle class", true));
              ok_ = false;
            } else {
              lane.allow.push_back(static_cast<VehicleClass>(it - kClasses.begin()));
            }
          });
          link.lanes.push_back(lane);
        }
      } else {
        ok_ = false;
      }
    } else {
      ok_ = false;
    }
    links_.add(link.name, s_.links.size());
    s_.links.push_back(link);
  });
}

void StreetParser::connections(const json::object& o) {
  if (!o.contains("connections")) {
    // Every pair of links meeting at a node, except straight back (no U-turn).
    for (std::size_t a = 0; a < s_.links.size(); ++a)
      for (std::size_t b = 0; b < s_.links.size(); ++b)
        if (s_.links[a].to == s_.links[b].from && s_.links[b].to != s_.links[a].from)
          s_.connections.push_back({a, b, RightOfWay::kPriority});
    return;
  }
  each(o, root_, "connections", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* c = r_.object(v, path);
    if (!c) return void(ok_ = false);
    r_.check_keys(*c, path, kConnectionKeys);
    const auto from = ref(*c, path, "from", links_, "link");
    const auto to = ref(*c, path, "to", links_, "link");
    ConnectionSpec con{from.value_or(0), to.value_or(0), RightOfWay::kPriority};
    if (const json::value* rule = r_.member(*c, path, "rule")) {
      const auto s = r_.string(*rule, key_path(path, "rule"));
      const auto it = s ? std::find(kRules.begin(), kRules.end(), *s) : kRules.end();
      if (it == kRules.end()) {
        if (s) r_.error(key_path(path, "rule"), *rule, unknown_name_rule(*s, kRules, "right of way", true));
        ok_ = false;
      } else {
        con.rule = static_cast<RightOfWay>(it - kRules.begin());
      }
    }
    if (from && to && s_.links[*from].to != s_.links[*to].from) {
      r_.error(key_path(path, "to"), *c->if_contains("to"),
               "does not start where link \"" + s_.links[*from].name + "\" ends (node \"" +
                   s_.nodes[s_.links[*from].to].name + "\")");
      ok_ = false;
    }
    s_.connections.push_back(con);
  });
}

std::optional<std::size_t> StreetParser::connection_ref(const json::value& v, const std::string& path) {
  const auto s = r_.string(v, path);
  const std::size_t cut = s ? s->find('>') : std::string::npos;
  if (cut == std::string::npos) {
    if (s) r_.error(path, v, "must name a connection as \"FROM>TO\" (two link names)");
    ok_ = false;
    return std::nullopt;
  }
  const auto a = links_.index.find(s->substr(0, cut)), b = links_.index.find(s->substr(cut + 1));
  if (a != links_.index.end() && b != links_.index.end())
    for (std::size_t k = 0; k < s_.connections.size(); ++k)
      if (s_.connections[k].from_link == a->second && s_.connections[k].to_link == b->second) return k;
  r_.error(path, v, "names no connection between two links");
  ok_ = false;
  return std::nullopt;
}

void StreetParser::signals(const json::object& o) {
  each(o, root_, "signals", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* sg = r_.object(v, path);
    if (!sg) return void(ok_ = false);
    r_.check_keys(*sg, path, kSignalKeys);
    SignalSpec spec;
    spec.name = r_.unique_name(*sg, path, signals_.taken);
    spec.node = ref(*sg, path, "node", nodes_, "node").value_or(0);
    number(*sg, path, "offset", closed(0.0, 3600.0), spec.offset);
    if (!sg->contains("phases")) {
      r_.error(key_path(path, "phases"), "is required");
      ok_ = false;
    }
    each(*sg, path, "phases", [&](const json::value& pv, const std::string& pp, std::size_t) {
      const json::object* ph = r_.object(pv, pp);
      if (!ph) return void(ok_ = false);
      r_.check_keys(*ph, pp, kPhaseKeys);
      SignalPhaseSpec phase;
      number(*ph, pp, "duration", open_closed(0.0, 600.0), phase.duration, true);
      each(*ph, pp, "green", [&](const json::value& c, const std::string& cp, std::size_t) {
        if (const auto k = connection_ref(c, cp)) phase.green.push_back(*k);
      });
      each(*ph, pp, "amber", [&](const json::value& c, const std::string& cp, std::size_t) {
        if (const auto k = connection_ref(c, cp)) phase.amber.push_back(*k);
      });
      each(*ph, pp, "walk", [&](const json::value& c, const std::string& cp, std::size_t) {
        if (const auto k = ref_value(c, cp, crossings_, "crossing")) phase.walk.push_back(*k);
      });
      spec.phases.push_back(phase);
    });
    signals_.add(spec.name, s_.signals.size());
    s_.signals.push_back(spec);
  });
}

void StreetParser::routes(const json::object& o) {
  each(o, root_, "routes", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* ro = r_.object(v, path);
    if (!ro) return void(ok_ = false);
    r_.check_keys(*ro, path, kRouteKeys);
    RouteSpec route;
    route.name = r_.unique_name(*ro, path, routes_.taken);
    if (!r_.optional_flag(*ro, path, "fixed", route.fixed)) ok_ = false;
    if (!ro->contains("links")) {
      r_.error(key_path(path, "links"), "is required");
      ok_ = false;
    }
    each(*ro, path, "links", [&](const json::value& lv, const std::string& lp, std::size_t k) {
      const auto l = ref_value(lv, lp, links_, "link");
      if (!l) return;
      if (!route.links.empty()) {
        const std::size_t prev = route.links.back();
        const bool joined = std::any_of(s_.connections.begin(), s_.connections.end(), [&](const ConnectionSpec& c) {
          return c.from_link == prev && c.to_link == *l;
        });
        if (!joined) {
          r_.error(lp, lv, "does not follow \"" + s_.links[prev].name + "\": no connection joins them");
          ok_ = false;
        }
      }
      (void)k;
      route.links.push_back(*l);
    });
    if (ro->contains("links") && route.links.empty() && ok_) {
      r_.error(key_path(path, "links"), "must name at least one link");
      ok_ = false;
    }
    routes_.add(route.name, s_.routes.size());
    s_.routes.push_back(route);
  });
}

void StreetParser::restrictions(const json::object& o) {
  each(o, root_, "restrictions", [&](const json::value& v, const std::string& path, std::size_t) {
    const json::object* ro = r_.object(v, path);
    if (!ro) return void(ok_ = false);
    r_.check_keys(*ro, path, kRestrictionKeys);
    RestrictionSpec rs;
    rs.link = ref(*ro, path, "link", links_, "link").value_or(0);
    window(*ro, path, rs.from, rs.to);
    if (ro->contains("speed_limit")) {
      double limit = 0.0;
      if (number(*ro, path, "speed_limit", open_closed(0.0, 40.0), limit)) rs.speed_limit = limit;
    }
    if (!r_.optional_flag(*ro, path, "closed", rs.closed)) ok_ = false;
    each(*ro, path, "no_turn_to", [&](const json::value& lv, const std::string& lp, std::size_t) {
      if (const auto l = ref_value(lv, lp, links_, "link")) rs.no_turn_to.push_back(*l);
    });
    s_.restrictions.push_back(rs);
  });
}

}  // namespace campusflow::scenario_parse
