#pragma once
// What the Boost.JSON DOM hides but scenario messages need: keys given twice,
// the source text of numbers that overflowed, and the context a syntax error
// stopped in. Internal to sim/scenario.
#include <boost/json/parse_options.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace campusflow::scenario_parse {

inline constexpr std::size_t kMaxJsonDepth = 32;  // Boost.JSON's default; scenarios need about 6

// JSON plus comments and trailing commas, at most kMaxJsonDepth deep.
boost::json::parse_options scenario_json_options();

struct JsonScan {
  std::vector<std::string> duplicate_keys;               // paths, in document order
  std::map<std::string, std::string> overflow_literals;  // path -> number as written
};

// One pass over text that parses; paths are written as in messages.
JsonScan scan_json(std::string_view text);

// For text with a syntax error at offset: "; expected ',' or '}'" and the
// like, or empty where nothing can be said (at the top level).
std::string expectation_at(std::string_view text, std::size_t offset);

}  // namespace campusflow::scenario_parse
