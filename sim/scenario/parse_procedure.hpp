#pragma once
// The top-level "procedure" member (docs/scenario-format.md): which drill the
// scenario plays. Internal to sim/scenario.
#include <string>

#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/procedure_spec.hpp"

namespace campusflow::scenario_parse {

// Reports every problem; returns what could be read (defaults elsewhere).
ProcedureSpec parse_procedure(Reader& r, const json::value& v, const std::string& path);

}  // namespace campusflow::scenario_parse
