#include "sim/scenario/json_text.hpp"

#include <algorithm>
#include <boost/json/parser.hpp>
#include <cstdint>

#include "sim/scenario/json_scan.hpp"

namespace campusflow::scenario_parse {

namespace {

namespace json = boost::json;

// Offset of the first byte that does not start a valid UTF-8 sequence, or npos.
// Boost.JSON would only say "syntax error" at the start of the string, and
// would not look inside comments at all.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    std::uint32_t cp = lead;
    std::uint32_t min = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      len = 2, cp = lead & 0x1Fu, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      len = 3, cp = lead & 0x0Fu, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      len = 4, cp = lead & 0x07u, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// 1-based line and column; the column counts characters (code points), as
// editors show them.
std::string position_text(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// True when the text holds only white space and comments.
bool only_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (s.substr(i, 2) == "//") {
      i = s.find('\n', i);
    } else if (s.substr(i, 2) == "/*") {
      const std::size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? end : end + 2;
    } else {
      return false;
    }
  }
  return true;
}

std::string hex_byte(unsigned char b) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

// What stands at `offset` where Boost.JSON stopped; moves `offset` back onto
// the sign of -Infinity / -NaN so the column points at what the user wrote.
std::string describe_unexpected(std::string_view text, std::size_t& offset) {
  if (offset >= text.size()) return "unexpected end of text";
  for (std::string_view word : {"NaN", "Infinity"}) {
    if (text.substr(offset, word.size()) != word) continue;
    const bool negative = offset > 0 && text[offset - 1] == '-';
    if (negative) --offset;
    return (negative ? "-" : "") + std::string(word) + " is not allowed in JSON; write a finite number";
  }
  const auto c = static_cast<unsigned char>(text[offset]);
  // Line breaks and tabs are white space outside strings, so Boost.JSON can
  // only have stopped on them inside one.
  if (c == '\n' || c == '\r') return "line break inside a string; write \\n";
  if (c == '\t') return "tab inside a string; write \\t";
  if (c < 0x20 || c == 0x7F) return "unexpected control character " + hex_byte(c);
  const std::string_view delimiters = " \t\r\n,:[]{}\"/";
  std::size_t end = offset + 1;
  while (end < text.size() && end - offset < 20 && delimiters.find(text[end]) == std::string_view::npos &&
         delimiters.find(text[offset]) == std::string_view::npos)
    ++end;
  // Keep whole UTF-8 sequences (the text is valid UTF-8 by now).
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return "unexpected '" + std::string(text.substr(offset, end - offset)) + "'";
}

std::string describe_error(const json::error_code& ec, std::string_view text, std::size_t& offset) {
  if (ec == json::error::incomplete) {
    offset = text.size();
    return only_blank(text) ? "the file holds no JSON value" : "unexpected end of text";
  }
  if (ec == json::error::too_deep) return "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  if (ec == json::error::exponent_overflow) return "exponent too large";
  if (ec == json::error::expected_hex_digit || ec == json::error::expected_utf16_escape ||
      ec == json::error::illegal_leading_surrogate || ec == json::error::illegal_trailing_surrogate)
    return "invalid \\u escape";
  if (ec == json::error::syntax) {
    // Boost.JSON stops after a high surrogate escape (\ud800) without its low half.
    const std::string_view before = text.substr(0, offset);
    const std::string_view tail = before.substr(before.size() >= 6 ? before.size() - 6 : 0);
    if (tail.size() == 6 && tail.substr(0, 2) == "\\u" && (tail[2] == 'd' || tail[2] == 'D') &&
        std::string_view("89abAB").find(tail[3]) != std::string_view::npos)
      return "unpaired UTF-16 surrogate in a \\u escape";
    const std::size_t stop = offset;
    const std::string what = describe_unexpected(text, offset);
    // NaN and Infinity explain themselves; elsewhere say what would fit.
    return offset == stop && what.starts_with("unexpected '") ? what + expectation_at(text, stop) : what;
  }
  return ec.message();
}

}  // namespace

std::optional<JsonDocument> parse_json_text(std::string_view full, Diagnostics& diags) {
  // A UTF-8 byte order mark, as some editors write, is not JSON but harmless.
  const std::size_t bom = full.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view text = full.substr(bom);
  auto report = [&](std::size_t offset, const std::string& reason) {
    diags.error("", "", position_text(text, offset) + ": syntax error: " + reason);
  };

  if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    report(bad, "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                    "); save the file as UTF-8");
    return std::nullopt;
  }

  json::parser parser(json::storage_ptr(), scenario_json_options());
  json::error_code ec;
  // Boost.JSON may return a count past the end on some errors; clamp it.
  std::size_t offset = std::min(parser.write_some(text.data(), text.size(), ec), text.size());
  if (ec) {
    const std::string reason = describe_error(ec, text, offset);
    report(offset, reason);
    return std::nullopt;
  }
  if (offset < text.size()) {
    const std::string reason = describe_unexpected(text, offset) + " after the end of the JSON value";
    report(offset, reason);
    return std::nullopt;
  }

  JsonScan scan = scan_json(text);
  for (const std::string& path : scan.duplicate_keys) diags.error(path, "", "duplicate key; give each key once");
  return JsonDocument{parser.release(), std::move(scan.overflow_literals)};
}

}  // namespace campusflow::scenario_parse
