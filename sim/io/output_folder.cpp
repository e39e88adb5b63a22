#include "sim/io/output_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/output_file.hpp"

namespace campusflow::io {

namespace fs = std::filesystem;

namespace {

// Marks a .partial folder as campusflow's: only a marked one is ever emptied.
constexpr const char* kMarker = ".campusflow-partial";

std::string reason() { return std::strerror(errno); }

// Opens and locks the folder `path` without waiting, never through a link;
// -1 with errno set (EWOULDBLOCK: another command holds it).
int open_locked_folder(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

// A relative name of at most a folder and a file, without "." or "..".
bool plain_name(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute()) return false;
  int parts = 0;
  for (const fs::path& part : relative) {
    if (part == "." || part == ".." || part.empty()) return false;
    ++parts;
  }
  return parts <= 2;
}

// The folder a name means: "out/" names "out". Empty for the root, which
// names no folder beside which a .partial could stand (and whose parent is
// itself: stripping separators from "/" never ends).
fs::path folder_named(fs::path folder) {
  while (!folder.empty() && !folder.has_filename()) {
    if (folder == folder.root_path()) return {};
    folder = folder.parent_path();
  }
  return folder;
}

}  // namespace

void check_output_folder(const fs::path& folder) {
  if (!folder.empty() && folder_named(folder).empty())
    throw IoError("will not write into " + folder.string() + ": the root of the file system; give a folder of its own");
  struct stat st {};
  if (::lstat(folder.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
    throw IoError("will not write into " + folder.string() + ": it is not a folder" +
                  (S_ISLNK(st.st_mode) ? " (a symbolic link)" : ""));
}

OutputFolder::OutputFolder(fs::path folder) : final_(folder_named(folder)) {
  if (final_.empty())
    throw IoError(folder.empty() ? std::string("no output folder given")
                                 : "will not write into " + folder.string() + ": the root of the file system; give a folder of its own");
  partial_ = final_.string() + ".partial";
  check_output_folder(final_);
  if (final_.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(final_.parent_path(), ec);
    if (ec) throw IoError("cannot create " + final_.parent_path().string() + ": " + ec.message());
  }
  const bool fresh = ::mkdir(partial_.c_str(), 0755) == 0;
  if (!fresh && errno != EEXIST) throw IoError("cannot create " + partial_.string() + ": " + reason());
  fd_ = open_locked_folder(partial_);
  if (fd_ < 0) {
    if (errno == EWOULDBLOCK)
      throw IoError("cannot write " + final_.string() + ": another command is writing it (" + partial_.string() +
                    " is locked)");
    throw IoError("will not write " + partial_.string() + ": " + (errno == ENOTDIR || errno == ELOOP
                                                                      ? std::string("it is not a folder")
                                                                      : reason()));
  }
  if (!fresh) {
    // A dead command's folder, if it is marked as ours: emptied. Anything
    // else of that name is someone's, and stays.
    struct stat marker {};
    if (::fstatat(fd_, kMarker, &marker, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(marker.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw IoError("will not write " + partial_.string() + ": the folder is there and was not made by campusflow");
    }
    for (const fs::directory_entry& e : fs::directory_iterator(partial_))
      if (e.path().filename() != kMarker) fs::remove_all(e.path());
    return;
  }
  const int marker = ::openat(fd_, kMarker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (marker < 0 || ::close(marker) != 0) {
    const std::string why = reason();
    ::close(fd_);
    fd_ = -1;
    ::rmdir(partial_.c_str());
    throw IoError("cannot create " + (partial_ / kMarker).string() + ": " + why);
  }
}

OutputFolder::~OutputFolder() {
  if (fd_ < 0) return;
  try {
    verify();
    std::error_code ec;
    fs::remove_all(partial_, ec);
  } catch (const IoError&) {
    // Not ours any more: whoever replaced it keeps it.
  }
  ::close(fd_);
}

void OutputFolder::verify() const {
  struct stat mine {}, there {};
  if (fd_ < 0 || ::fstat(fd_, &mine) != 0 || ::lstat(partial_.c_str(), &there) != 0 || !S_ISDIR(there.st_mode) ||
      mine.st_dev != there.st_dev || mine.st_ino != there.st_ino)
    throw IoError(partial_.string() + " is no longer the folder this command created: it was moved or replaced; " +
                  "nothing is published");
}

void OutputFolder::write(const fs::path& relative, std::span<const std::byte> bytes) {
  if (!plain_name(relative)) throw IoError("will not write " + relative.string() + ": not a plain name in a folder");
  verify();
  const fs::path path = partial_ / relative;
  if (relative.has_parent_path()) {
    const fs::path sub = partial_ / relative.parent_path();
    if (::mkdir(sub.c_str(), 0755) != 0 && errno != EEXIST) throw IoError("cannot create " + sub.string() + ": " + reason());
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError("cannot create " + path.string() + ": " + reason());
  try {
    write_all(fd, bytes, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw IoError("cannot write " + path.string() + ": " + reason());
}

void OutputFolder::publish() {
  verify();
  // Everything is on disk before any of it takes a final name.
  if (::syncfs(fd_) != 0) throw IoError("cannot write " + partial_.string() + ": " + reason());
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(partial_); it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file(/*no follow*/) && !it->is_symlink() && it->path().filename() != kMarker)
      files.push_back(fs::relative(it->path(), partial_));
  for (const fs::path& relative : files) {
    const fs::path to = final_ / relative;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec) throw IoError("cannot create " + to.parent_path().string() + ": " + ec.message());
    struct stat st {};
    if (::lstat(to.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
      throw IoError("will not replace " + to.string() + ": it is not a regular file");
    if (::rename((partial_ / relative).c_str(), to.c_str()) != 0)
      throw IoError("cannot rename " + (partial_ / relative).string() + " to " + to.string() + ": " + reason());
  }
  std::error_code ec;
  fs::remove_all(partial_, ec);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace campusflow::io
