#include "sim/scenario/json_scan.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "sim/scenario/json_reader.hpp"

namespace campusflow::scenario_parse {

namespace {

namespace json = boost::json;

// A SAX-style handler that tracks the path of every value.
class Scan {
 public:
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();

  Scan(std::vector<std::string>* duplicates, std::map<std::string, std::string>* overflow)
      : duplicates_(duplicates), overflow_(overflow) {}

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) { return open(false); }
  bool on_object_end(std::size_t, json::error_code&) { return close(); }
  bool on_array_begin(json::error_code&) { return open(true); }
  bool on_array_end(std::size_t, json::error_code&) { return close(); }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) { return append(key_, s); }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    append(key_, s);
    Frame& f = frames_.back();
    if (!f.keys.insert(key_).second) duplicates_->push_back(key_path(f.path, key_));
    f.key = std::move(key_);
    key_.clear();
    last_ = Last::kKey;
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) { return scalar(); }
  bool on_number_part(json::string_view s, json::error_code&) { return append(number_, s); }
  bool on_int64(std::int64_t, json::string_view, json::error_code&) { return number_done(); }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return number_done(); }
  bool on_double(double d, json::string_view s, json::error_code&) {
    append(number_, s);
    if (!std::isfinite(d)) (*overflow_)[value_path()] = number_;
    else value_path();
    number_.clear();
    last_ = Last::kValue;
    return true;
  }
  bool on_bool(bool, json::error_code&) { return scalar(); }
  bool on_null(json::error_code&) { return scalar(); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

  // What may stand where the parser stopped, given the last significant
  // character before it; empty at the top level.
  std::string expectation(char previous) const {
    if (frames_.empty()) return "";
    const bool array = frames_.back().array;
    const char* close = array ? "]" : "}";
    const char* item = array ? "a value" : "a key in double quotes";
    if (previous == ',' || previous == '[' || previous == '{')
      return std::string("; expected ") + item + " or '" + close + "'";
    if (previous == ':') return "; expected a value";
    if (last_ == Last::kKey) return "; expected ':'";
    if (last_ == Last::kValue) return std::string("; expected ',' or '") + close + "'";
    return "";
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t next_index = 0;
    std::string path;
    std::string key;
    std::set<std::string> keys;
  };

  static bool append(std::string& to, json::string_view s) {
    to.append(s.data(), s.size());
    return true;
  }
  // The path of the value that starts now; advances the array index.
  std::string value_path() {
    if (frames_.empty()) return "";
    Frame& f = frames_.back();
    return f.array ? index_path(f.path, f.next_index++) : key_path(f.path, f.key);
  }
  bool open(bool array) {
    Frame f;
    f.array = array;
    f.path = value_path();
    frames_.push_back(std::move(f));
    last_ = Last::kOpen;
    return true;
  }
  bool close() {
    frames_.pop_back();
    last_ = Last::kValue;
    return true;
  }
  bool scalar() {
    value_path();
    last_ = Last::kValue;
    return true;
  }
  bool number_done() {
    number_.clear();
    return scalar();
  }

  std::vector<std::string>* duplicates_;
  std::map<std::string, std::string>* overflow_;
  std::vector<Frame> frames_;
  std::string key_;
  std::string number_;
  enum class Last { kOpen, kKey, kValue } last_ = Last::kOpen;
};

}  // namespace

json::parse_options scenario_json_options() {
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  return options;
}

JsonScan scan_json(std::string_view text) {
  JsonScan out;
  json::basic_parser<Scan> scan(scenario_json_options(), &out.duplicate_keys, &out.overflow_literals);
  json::error_code ec;
  scan.write_some(false, text.data(), text.size(), ec);
  return out;
}

// Scan stops at the same byte as the DOM parser, so its state there is the
// context of the error.
std::string expectation_at(std::string_view text, std::size_t offset) {
  JsonScan ignored;
  json::basic_parser<Scan> scan(scenario_json_options(), &ignored.duplicate_keys, &ignored.overflow_literals);
  json::error_code ec;
  scan.write_some(false, text.data(), text.size(), ec);
  std::size_t i = std::min(offset, text.size());
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r' || text[i - 1] == '\n')) --i;
  return scan.handler().expectation(i > 0 ? text[i - 1] : '\0');
}

}  // namespace campusflow::scenario_parse
