#include "sim/io/output_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

namespace {

std::string reason() { return std::strerror(errno); }

const char* kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Opens `path` for writing, only as a new regular file or an existing one
// that is not a link, and takes an exclusive lock on it without waiting.
// Returns -1 with errno set (EWOULDBLOCK: another holds the lock).
int open_locked(const std::filesystem::path& path, bool create) {
  const int flags = O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (create ? O_CREAT | O_EXCL : 0);
  const int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return -1;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int saved = S_ISREG(st.st_mode) ? errno : EINVAL;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

}  // namespace

void check_output_name(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    throw IoError("cannot write " + path.string() + ": " + reason());
  }
  if (!S_ISREG(st.st_mode))
    throw IoError("will not write to " + path.string() + ": it is " + kind_of(st.st_mode) +
                  " (outputs are written only to regular files)");
}

void write_all(int fd, std::span<const std::byte> bytes, const std::filesystem::path& name) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError("cannot write " + name.string() + ": " + (n < 0 ? reason() : "nothing written"));
    bytes = bytes.subspan(static_cast<std::size_t>(n));
  }
}

void write_file(const std::filesystem::path& path, std::span<const std::byte> bytes) {
  OutputFile out(path, Unpublished::kRemove);
  out.write(bytes);
  out.publish();
}

OutputFile::OutputFile(std::filesystem::path final_path, Unpublished unpublished)
    : final_(std::move(final_path)), partial_(final_.string() + ".partial"), unpublished_(unpublished) {
  check_output_name(final_);
  for (int attempt = 0; attempt < 2 && fd_ < 0; ++attempt) {
    fd_ = open_locked(partial_, true);
    if (fd_ >= 0 || errno != EEXIST) break;
    // A .partial is there: a live run's (locked), or a dead run's.
    struct stat st {};
    if (::lstat(partial_.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
      throw IoError("will not write " + partial_.string() + ": it is " + kind_of(st.st_mode));
    const int stale = open_locked(partial_, false);
    if (stale < 0) {
      if (errno == EWOULDBLOCK)
        throw IoError("cannot write " + final_.string() + ": another run is writing it (" + partial_.string() +
                      " is locked)");
      if (errno == ENOENT) continue;  // it went away meanwhile: try again
      throw IoError("cannot write " + partial_.string() + ": " + reason());
    }
    // Ours to replace: no run holds it. Remove it while holding its lock, so
    // that no other run starting now takes it for its own.
    const int removed = ::unlink(partial_.c_str());
    const int saved = errno;
    ::close(stale);
    if (removed != 0 && saved != ENOENT) {
      errno = saved;
      throw IoError("cannot replace the stale " + partial_.string() + ": " + reason());
    }
  }
  if (fd_ < 0) throw IoError("cannot create " + partial_.string() + ": " + reason());
}

OutputFile::~OutputFile() {
  if (fd_ < 0) return;
  if (unpublished_ == Unpublished::kRemove) abandon();
  if (fd_ >= 0) ::close(fd_);
}

void OutputFile::abandon() noexcept {
  if (fd_ < 0) return;
  try {
    verify();
    ::unlink(partial_.c_str());
  } catch (const IoError&) {
    // Not ours any more: whoever replaced it keeps it.
  }
  ::close(fd_);
  fd_ = -1;
}

void OutputFile::write(std::span<const std::byte> bytes) {
  if (fd_ < 0) throw IoError(partial_.string() + ": written after the claim ended");
  write_all(fd_, bytes, partial_);
}

void OutputFile::verify() const {
  struct stat mine {}, there {};
  if (::fstat(fd_, &mine) != 0 || ::lstat(partial_.c_str(), &there) != 0 || !S_ISREG(there.st_mode) ||
      mine.st_dev != there.st_dev || mine.st_ino != there.st_ino)
    throw IoError(partial_.string() + " is no longer the file this run created: it was moved or replaced; " +
                  "the result is not published");
}

void OutputFile::publish() {
  if (fd_ < 0) throw IoError(partial_.string() + ": published after the claim ended");
  verify();
  // A delayed write error (NFS, a quota) shows at the latest here.
  if (::fsync(fd_) != 0) throw IoError("cannot write " + partial_.string() + ": " + reason());
  check_output_name(final_);
  if (::rename(partial_.c_str(), final_.c_str()) != 0)
    throw IoError("cannot rename " + partial_.string() + " to " + final_.string() + ": " + reason() +
                  " (the .partial is complete)");
  // Published: readers (whose HDF5 takes a shared lock) may open it now.
  ::close(fd_);
  fd_ = -1;
}

}  // namespace campusflow::io
