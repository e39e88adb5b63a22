#pragma once
// One finished run of a study: its status and metrics. Each is kept as a
// small file of its own in the study's folder (runs/run-NNNNNN.txt), written
// whole under its final name or not at all, so a sweep killed at any moment
// keeps every run it finished and starts again where it stopped. The file
// carries the run's fingerprint (program version, the scenario as run, the
// seed and the metrics asked for): a row from another study or an edited
// scenario does not match and the run is done again.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace campusflow::study {

enum class RunStatus : std::uint8_t { kComplete, kIncomplete, kFailed };
const char* status_name(RunStatus s);

struct RunRow {
  RunStatus status = RunStatus::kFailed;
  std::vector<double> values;  // one per metric, NaN where the run has no value
  std::string note;            // a failed run: why (one line)
};

std::filesystem::path row_path(const std::filesystem::path& dir, std::size_t run);

// The row file's text, and the row read back from it (nullopt when the text
// is not a row of this fingerprint and these metrics: the run is done again).
std::string row_text(const RunRow& row, std::uint64_t fingerprint, const std::vector<std::string>& metrics);
std::optional<RunRow> parse_row(const std::string& text, std::uint64_t fingerprint, const std::vector<std::string>& metrics);

// Writes the row file whole (a .partial renamed when complete); throws io::IoError.
void write_row(const std::filesystem::path& dir, std::size_t run, const RunRow& row, std::uint64_t fingerprint,
               const std::vector<std::string>& metrics);
// The row of a finished run, if its file is there and matches.
std::optional<RunRow> read_row(const std::filesystem::path& dir, std::size_t run, std::uint64_t fingerprint,
                               const std::vector<std::string>& metrics);

// Numbers as table cells: the shortest text that reads back to the same
// double (so a table rebuilt from the row files is bit for bit the same),
// and "" for NaN.
std::string number_text(double x);

}  // namespace campusflow::study
