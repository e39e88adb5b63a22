#include "sim/io/csv_file.hpp"

#include <charconv>
#include <cmath>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

namespace {

constexpr std::size_t kFlushAt = std::size_t{1} << 20;  // [bytes]

template <class T>
std::string shortest(T v) {
  char buf[32];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, v);
  if (error != std::errc{}) throw IoError("cannot format a number for a CSV file");
  return std::string(buf, end);
}

}  // namespace

std::string csv_text(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';  // RFC 4180: a quote inside a quoted cell is doubled
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_number(double v) {
  // The result reader refuses non-finite figures; nothing else reaches here.
  if (!std::isfinite(v)) throw IoError("a CSV cell would hold a number that is not finite");
  return shortest(v);
}

std::string csv_number(std::int64_t v) { return shortest(v); }
std::string csv_number(std::uint64_t v) { return shortest(v); }

CsvFile::CsvFile(const std::filesystem::path& path) : out_(path, Unpublished::kRemove) {}

CsvFile& CsvFile::cell(std::string_view formatted) {
  if (row_started_) buffer_ += ',';
  buffer_ += formatted;
  row_started_ = true;
  return *this;
}

void CsvFile::end_row() {
  buffer_ += "\r\n";
  row_started_ = false;
  if (buffer_.size() >= kFlushAt) {
    out_.write(buffer_);
    buffer_.clear();
  }
}

void CsvFile::publish() {
  out_.write(buffer_);
  buffer_.clear();
  out_.publish();
}

}  // namespace campusflow::io
