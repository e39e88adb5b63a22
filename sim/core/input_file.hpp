#pragma once
// Reading a file named by a user or by a scenario, which may be anything: a
// FIFO that never ends (open would block), /dev/zero (read would never end),
// a folder, a file of gigabytes. Only a regular file is read, and only up to
// a limit.
#include <cstddef>
#include <filesystem>
#include <string>

namespace campusflow {

struct InputText {
  bool ok = false;
  std::string text;   // the whole file, when ok
  std::string error;  // why not, as a rule for a message: "is not a regular file (a FIFO)"
};

// The whole of `path` if it is a regular file of at most `limit` bytes.
// Never blocks and never echoes the contents in `error`.
InputText read_input_file(const std::filesystem::path& path, std::size_t limit);

}  // namespace campusflow
