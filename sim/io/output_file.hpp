#pragma once
// A result file written safely (issue "nothing lost, nothing overwritten"):
// the run writes "<final>.partial", which it creates itself, exclusively,
// never through a symbolic link, and holds locked while it writes; only that
// file is renamed to the final name, and only over a regular file or nothing.
// A second run on the same output is refused before anything is truncated;
// the .partial of a run that died (its lock is gone with it) is replaced.
#include <filesystem>

namespace campusflow::io {

class OutputFile {
 public:
  // Claims `final_path`: refuses (IoError) a final name that exists and is
  // not a regular file (a device, a folder, a FIFO, a symbolic link), a
  // .partial that another live run holds, and a .partial that is not a
  // regular file. Creates the .partial, empty, mode 0644 less the umask.
  explicit OutputFile(std::filesystem::path final_path);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Releases the lock; the .partial stays (an interrupted run's, marked incomplete).
  ~OutputFile();

  const std::filesystem::path& final_path() const { return final_; }
  const std::filesystem::path& partial_path() const { return partial_; }

  // Throws IoError unless the .partial name still leads to the file this
  // claim created (the same device and inode, not through a link): whoever
  // swapped it must not have the run write elsewhere, or publish their file.
  void verify() const;
  // verify(), checks the final name again (it may have changed during the
  // run), then renames the .partial to it and releases the lock.
  void publish();

 private:
  std::filesystem::path final_;
  std::filesystem::path partial_;
  int fd_ = -1;  // the .partial, open and locked (flock) for the claim's life
};

// Throws IoError unless `path` may be a result's final name: nothing there,
// or a regular file (not through a symbolic link).
void check_output_name(const std::filesystem::path& path);

}  // namespace campusflow::io
