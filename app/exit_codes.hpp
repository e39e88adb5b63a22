#pragma once
// Process exit codes of the campusflow command line.
namespace campusflow::cli {
inline constexpr int kOk = 0;
inline constexpr int kRunFailed = 1;  // failure while running (I/O, interrupted)
inline constexpr int kBadInput = 2;   // bad scenario or bad command line
inline constexpr int kIncomplete = 3; // the run ended with someone not safe (INCOMPLETE)
}  // namespace campusflow::cli
