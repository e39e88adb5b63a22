#pragma once
// From scenario text to a JSON document. Syntax errors are reported with line
// and column; what Boost.JSON accepts silently but a scenario must not contain
// (duplicate keys, where the last would win) is reported too, with its path.
// Internal to sim/scenario.
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/diagnostics.hpp"

namespace campusflow::scenario_parse {

struct JsonDocument {
  boost::json::value root;
  // Source text of every number that overflowed to +-inf, by path.
  std::map<std::string, std::string> overflow_literals;
};

// nullopt after reporting one syntax error; otherwise the document, possibly
// with duplicate-key errors reported.
std::optional<JsonDocument> parse_json_text(std::string_view text, Diagnostics& diags);

}  // namespace campusflow::scenario_parse
