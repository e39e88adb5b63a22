#include "sim/core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace campusflow {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string size_text(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

}  // namespace

InputText read_input_file(const std::filesystem::path& path, std::size_t limit) {
  InputText out;
  // O_NONBLOCK: opening a FIFO without a writer returns at once; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    out.error = std::string("cannot be read (") + std::strerror(errno) + ")";
    return out;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    out.error = std::string("is not a regular file (") + kind_of(st.st_mode) + ")";
    ::close(fd);
    return out;
  }
  if (static_cast<std::size_t>(st.st_size) > limit) {
    out.error = "is larger than " + size_text(limit);
    ::close(fd);
    return out;
  }
  // Read to the end, not to st_size: the file may grow meanwhile, and /proc
  // files report size 0. The limit holds either way.
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = std::string("cannot be read (") + std::strerror(errno) + ")";
      ::close(fd);
      return out;
    }
    if (n == 0) break;
    if (out.text.size() + static_cast<std::size_t>(n) > limit) {
      out.error = "is larger than " + size_text(limit);
      out.text.clear();
      ::close(fd);
      return out;
    }
    out.text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  out.ok = true;
  return out;
}

}  // namespace campusflow
