#pragma once
// A result file written safely (issue "nothing lost, nothing overwritten"):
// the run writes "<final>.partial", which it creates itself, exclusively,
// never through a symbolic link, and holds locked while it writes; only that
// file is renamed to the final name, and only over a regular file or nothing.
// A second run on the same output is refused before anything is truncated;
// the .partial of a run that died (its lock is gone with it) is replaced.
// The same claim serves every file the program writes (renders, reports):
// what they write goes through write(), every byte checked.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string_view>

namespace campusflow::io {

// What becomes of the .partial of a claim given up before publish().
enum class Unpublished {
  kKeep,    // a run's result: readable, marked incomplete, for a look at what happened
  kRemove,  // a picture, a video, a page: half of one is of no use
};

class OutputFile {
 public:
  // Claims `final_path`: refuses (IoError) a final name that exists and is
  // not a regular file (a device, a folder, a FIFO, a symbolic link), a
  // .partial that another live run holds, and a .partial that is not a
  // regular file. Creates the .partial, empty, mode 0644 less the umask.
  explicit OutputFile(std::filesystem::path final_path, Unpublished unpublished = Unpublished::kKeep);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Releases the lock; an unpublished .partial stays or goes as the claim said.
  ~OutputFile();

  const std::filesystem::path& final_path() const { return final_; }
  const std::filesystem::path& partial_path() const { return partial_; }

  // Throws IoError unless the .partial name still leads to the file this
  // claim created (the same device and inode, not through a link): whoever
  // swapped it must not have the run write elsewhere, or publish their file.
  void verify() const;
  // Appends `bytes` to the .partial; throws IoError on any failure (a full
  // disk, a quota, an I/O error), naming the file and the reason.
  void write(std::span<const std::byte> bytes);
  void write(std::string_view text) { write(std::as_bytes(std::span(text.data(), text.size()))); }
  // verify(), checks the final name again (it may have changed during the
  // run), then renames the .partial to it and releases the lock.
  void publish();
  // Removes the .partial, if it is still the file this claim created; never throws.
  void abandon() noexcept;

 private:
  std::filesystem::path final_;
  std::filesystem::path partial_;
  Unpublished unpublished_;
  int fd_ = -1;  // the .partial, open and locked (flock) for the claim's life
};

// Writes `bytes` to the whole of fd (short writes and EINTR retried); throws
// IoError naming `name` on failure.
void write_all(int fd, std::span<const std::byte> bytes, const std::filesystem::path& name);

// Writes `path` in one go through a claim: the bytes appear under the name
// complete or not at all.
void write_file(const std::filesystem::path& path, std::span<const std::byte> bytes);
inline void write_file(const std::filesystem::path& path, std::string_view text) {
  write_file(path, std::as_bytes(std::span(text.data(), text.size())));
}

// Throws IoError unless `path` may be a result's final name: nothing there,
// or a regular file (not through a symbolic link).
void check_output_name(const std::filesystem::path& path);

}  // namespace campusflow::io
