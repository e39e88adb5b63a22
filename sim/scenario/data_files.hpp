#pragma once
// Data files a scenario names (a street's demand file): where they may be.
// A scenario is often someone else's file; read without a second thought it
// could name /etc/shadow or /proc/self/environ and have the checker show
// their lines in its errors. Names resolve against the scenario's folder and
// must stay inside it, unless the user allows more on the command line.
#include <filesystem>
#include <string>
#include <variant>

namespace campusflow {

// Files a scenario's data may be read from.
struct DataFiles {
  DataFiles() = default;
  // Implicit: a folder alone keeps the data inside it.
  DataFiles(std::filesystem::path folder_, bool outside_ = false) : folder(std::move(folder_)), outside(outside_) {}
  std::filesystem::path folder;  // the scenario's folder; names resolve against it
  bool outside = false;          // absolute names and names leading out of the folder are allowed (--data-outside)
};

// The file `name` names, or why it may not be read (a rule for a message):
// an absolute name, or one leading out of the folder (by "..", or a link),
// unless `files.outside`.
std::variant<std::filesystem::path, std::string> resolve_data_file(const DataFiles& files, const std::string& name);

}  // namespace campusflow
