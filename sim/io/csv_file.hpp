#pragma once
// A CSV file for spreadsheets and scripts (RFC 4180): a header line, then
// rows; CRLF line ends; UTF-8. Text cells are always quoted (a comma, a quote
// or a line break in a name survives) and, as OWASP advises against formula
// injection, a text starting with = + - @, a tab or a carriage return gets a
// leading apostrophe, so that a spreadsheet shows it as text and runs nothing.
// Numbers are written in the shortest form that reads back to the same value.
// The file is written through an OutputFile claim: it appears under its name
// complete, or not at all.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "sim/io/output_file.hpp"

namespace campusflow::io {

// One cell of text, quoted and guarded as above.
std::string csv_text(std::string_view text);
// The shortest text that reads back as v (std::to_chars); v must be finite.
std::string csv_number(double v);
std::string csv_number(std::int64_t v);
std::string csv_number(std::uint64_t v);

class CsvFile {
 public:
  // Claims `path` (its .partial is removed unless published). Throws IoError.
  explicit CsvFile(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return out_.final_path(); }

  // Appends a cell to the current row.
  CsvFile& text(std::string_view v) { return cell(csv_text(v)); }
  CsvFile& number(double v) { return cell(csv_number(v)); }
  CsvFile& number(std::int64_t v) { return cell(csv_number(v)); }
  CsvFile& number(std::uint64_t v) { return cell(csv_number(v)); }
  CsvFile& number(std::int32_t v) { return number(static_cast<std::int64_t>(v)); }
  CsvFile& empty() { return cell({}); }
  // Ends the current row.
  void end_row();
  // Writes what is buffered and renames the file to its name. Throws IoError.
  void publish();

 private:
  CsvFile& cell(std::string_view formatted);

  OutputFile out_;
  std::string buffer_;  // written to the claim in pieces of about 1 MiB
  bool row_started_ = false;
};

}  // namespace campusflow::io
