#pragma once
// A folder of outputs (a report, a render's frames or heatmaps) written as a
// whole: everything goes into "<folder>.partial/", which this command creates
// itself and holds locked, and only when all of it is written are its files
// moved into the folder, replacing those of the same name. A command that
// fails or is interrupted leaves the folder as it was. The rules are those of
// OutputFile (sim/io/output_file.hpp), for folders.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string_view>

namespace campusflow::io {

// Throws IoError unless `folder` may be an output folder: nothing there, or
// a folder (not a symbolic link, a file or a device).
void check_output_folder(const std::filesystem::path& folder);

class OutputFolder {
 public:
  // Claims `folder`: it must be nothing or a folder (not a link, a file or a
  // device). Creates "<folder>.partial/", marked as campusflow's, and locks
  // it. A marked .partial whose command died (no lock) is emptied and
  // reused; a locked one (another command is writing) and an unmarked one
  // (not campusflow's) are refused. Throws IoError.
  explicit OutputFolder(std::filesystem::path folder);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  // Unpublished: removes the .partial folder and everything in it.
  ~OutputFolder();

  const std::filesystem::path& final_path() const { return final_; }
  // Where files are written until publish(), also by other programs (the
  // report's plotting script).
  const std::filesystem::path& partial_path() const { return partial_; }

  // Writes `relative` (a name inside the folder, "heatmaps/level0.png" at
  // most nested) into the .partial folder, every byte checked. Throws IoError.
  void write(const std::filesystem::path& relative, std::span<const std::byte> bytes);
  void write(const std::filesystem::path& relative, std::string_view text) {
    write(relative, std::as_bytes(std::span(text.data(), text.size())));
  }
  // Moves every file of the .partial folder to the same name in the folder
  // (created if missing), then removes the .partial folder. Throws IoError.
  void publish();

 private:
  // Throws unless the .partial name still leads to the folder this claim holds.
  void verify() const;

  std::filesystem::path final_;
  std::filesystem::path partial_;
  int fd_ = -1;  // the .partial folder, open and locked (flock)
};

}  // namespace campusflow::io
