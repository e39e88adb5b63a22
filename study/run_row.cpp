#include "study/run_row.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "sim/core/input_file.hpp"
#include "sim/io/output_file.hpp"

namespace campusflow::study {

namespace {

constexpr std::string_view kHeader = "campusflow-study-run/1";
// A row is a few hundred bytes; anything far larger is not one.
constexpr std::size_t kMaxRowBytes = 1u << 20;

std::string hex(std::uint64_t x) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x));
  return buf;
}

std::optional<double> parse_number(std::string_view s) {
  if (s == "nan") return std::nan("");
  double x = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

}  // namespace

const char* status_name(RunStatus s) {
  switch (s) {
    case RunStatus::kComplete: return "complete";
    case RunStatus::kIncomplete: return "incomplete";
    case RunStatus::kFailed: return "failed";
  }
  return "failed";
}

std::string number_text(double x) {
  if (!std::isfinite(x)) return {};
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::filesystem::path row_path(const std::filesystem::path& dir, std::size_t run) {
  char name[32];
  std::snprintf(name, sizeof name, "run-%06zu.txt", run);
  return dir / "runs" / name;
}

// Lines: the header, "fingerprint HEX", "status NAME", one "value X" per
// metric in the study's order ("nan" where none), "note TEXT" for a failed
// run, and "end". The metrics' names are in the fingerprint, not repeated here.
std::string row_text(const RunRow& row, std::uint64_t fingerprint, const std::vector<std::string>& metrics) {
  std::string out = std::string(kHeader) + "\nfingerprint " + hex(fingerprint) + "\nstatus " + status_name(row.status) + "\n";
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const double x = m < row.values.size() ? row.values[m] : std::nan("");
    out += "value " + (std::isfinite(x) ? number_text(x) : std::string("nan")) + "\n";
  }
  std::string note = row.note;
  for (char& c : note)
    if (c == '\n' || c == '\r') c = ' ';
  if (!note.empty()) out += "note " + note + "\n";
  return out + "end\n";
}

std::optional<RunRow> parse_row(const std::string& text, std::uint64_t fingerprint, const std::vector<std::string>& metrics) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return std::nullopt;
  if (!std::getline(in, line) || line != "fingerprint " + hex(fingerprint)) return std::nullopt;
  RunRow row;
  if (!std::getline(in, line) || !line.starts_with("status ")) return std::nullopt;
  const std::string status = line.substr(7);
  if (status == "complete") row.status = RunStatus::kComplete;
  else if (status == "incomplete") row.status = RunStatus::kIncomplete;
  else if (status == "failed") row.status = RunStatus::kFailed;
  else return std::nullopt;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    if (!std::getline(in, line) || !line.starts_with("value ")) return std::nullopt;
    const auto x = parse_number(std::string_view(line).substr(6));
    if (!x) return std::nullopt;
    row.values.push_back(*x);
  }
  if (!std::getline(in, line)) return std::nullopt;
  if (line.starts_with("note ")) {
    row.note = line.substr(5);
    if (!std::getline(in, line)) return std::nullopt;
  }
  // The last line: a row cut anywhere (whatever wrote it) is not one.
  if (line != "end" || std::getline(in, line) || !in.eof()) return std::nullopt;
  return row;
}

void write_row(const std::filesystem::path& dir, std::size_t run, const RunRow& row, std::uint64_t fingerprint,
               const std::vector<std::string>& metrics) {
  io::OutputFile file(row_path(dir, run), io::Unpublished::kRemove);
  file.write(row_text(row, fingerprint, metrics));
  file.publish();
}

std::optional<RunRow> read_row(const std::filesystem::path& dir, std::size_t run, std::uint64_t fingerprint,
                               const std::vector<std::string>& metrics) {
  const InputText in = read_input_file(row_path(dir, run), kMaxRowBytes);
  if (!in.ok) return std::nullopt;
  return parse_row(in.text, fingerprint, metrics);
}

}  // namespace campusflow::study
