#include "analysis/verification/verification_case.hpp"

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

namespace campusflow::verification {

const std::vector<Case>& all_cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> out;
    add_rimea_movement_cases(out);
    add_rimea_stair_cases(out);
    add_rimea_route_cases(out);
    add_imo_group_cases(out);
    add_imo_behaviour_cases(out);
    add_flow_cases(out);
    add_rimea_crowd_cases(out);
    add_rimea_building_cases(out);
    add_building_flow_cases(out);
    add_validation_cases(out);
    return out;
  }();
  return cases;
}

const Case& find_case(const std::string& id) {
  for (const Case& c : all_cases())
    if (c.id == id) return c;
  throw std::out_of_range("no verification case \"" + id + "\"");
}

std::string format(const char* fmt, ...) {
  char buf[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  return buf;
}

}  // namespace campusflow::verification
