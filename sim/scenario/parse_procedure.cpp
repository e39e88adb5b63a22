#include "sim/scenario/parse_procedure.hpp"

#include <array>

namespace campusflow::scenario_parse {

namespace {
constexpr std::array<std::string_view, 3> kTypes = {kProcedureNames[0], kProcedureNames[1], kProcedureNames[2]};
// Each type takes its own keys, so that a key meant for another drill ("hold"
// in a lockdown) is reported instead of silently ignored.
constexpr std::array<std::string_view, 1> kEvacuationKeys = {"type"};
constexpr std::array<std::string_view, 2> kEarthquakeKeys = {"type", "hold"};
constexpr std::array<std::string_view, 2> kLockdownKeys = {"type", "lock"};
}  // namespace

ProcedureSpec parse_procedure(Reader& r, const json::value& v, const std::string& path) {
  ProcedureSpec p;
  const json::object* o = r.object(v, path);
  if (!o) return p;
  const json::value* type = r.member(*o, path, "type", true);
  if (!type) return p;
  const std::string type_path = key_path(path, "type");
  const auto name = r.string(*type, type_path);
  if (!name) return p;
  if (*name == kProcedureNames[1]) {
    p.kind = ProcedureKind::kEarthquake;
    r.check_keys(*o, path, kEarthquakeKeys);
    // An hour of holding is far past any drill; the bound catches unit slips (minutes for seconds).
    if (const json::value* hold = r.member(*o, path, "hold", true))
      p.hold = r.number(*hold, key_path(path, "hold"), closed(0.0, 3600.0)).value_or(0.0);
  } else if (*name == kProcedureNames[2]) {
    p.kind = ProcedureKind::kLockdown;
    r.check_keys(*o, path, kLockdownKeys);
    if (const json::value* lock = r.member(*o, path, "lock"))
      p.lock = r.number(*lock, key_path(path, "lock"), closed(0.0, 600.0)).value_or(p.lock);
  } else if (*name == kProcedureNames[0]) {
    r.check_keys(*o, path, kEvacuationKeys);
  } else {
    r.error(type_path, *type, unknown_name_rule(*name, kTypes, "procedure", true));
  }
  return p;
}

}  // namespace campusflow::scenario_parse
