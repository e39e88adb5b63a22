#include "sim/io/global_heap_check.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

namespace {

// Sizes in a file with 8-byte lengths (ours: HDF5's default).
constexpr std::size_t kHeaderBytes = 16;        // "GCOL", version, 3 reserved, collection size
constexpr std::size_t kObjectHeaderBytes = 16;  // index, references, 4 reserved, object size
constexpr std::uint64_t kMinCollectionBytes = 4096;  // libhdf5 never writes a smaller one
constexpr std::string_view kSignature{"GCOL\x01\x00\x00\x00", 8};

std::uint64_t little_endian(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

// The collection at `at`, `size` bytes long (already within the file),
// walked as libhdf5 walks it: each object's header, then its data rounded up
// to 8 bytes; object 0 is the free space, whose size counts its header.
std::optional<std::string> walk(const unsigned char* at, std::uint64_t size) {
  std::uint64_t p = kHeaderBytes;
  while (p < size) {
    if (size - p < kObjectHeaderBytes) return std::nullopt;  // too small for an object: free space
    const std::uint64_t index = little_endian(at + p, 2);
    const std::uint64_t object = little_endian(at + p + 8, 8);
    if (object > size) return "object " + std::to_string(index) + " claims " + std::to_string(object) + " bytes";
    const std::uint64_t need = index > 0 ? kObjectHeaderBytes + ((object + 7) & ~std::uint64_t{7}) : object;
    if (need < kObjectHeaderBytes) return "its free space claims " + std::to_string(object) + " bytes";
    if (need > size - p) return "object " + std::to_string(index) + " runs past its end";
    p += need;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> damaged_global_heap(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  const auto bytes = static_cast<std::size_t>(st.st_size);
  if (bytes < kHeaderBytes) {
    ::close(fd);
    return std::nullopt;
  }
  void* mapped = ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) throw IoError("cannot read " + path.string() + ": " + std::strerror(errno));
  const std::string_view file(static_cast<const char*>(mapped), bytes);
  const auto* base = static_cast<const unsigned char*>(mapped);
  std::optional<std::string> damage;
  for (std::size_t at = file.find(kSignature); at != std::string_view::npos && !damage; at = file.find(kSignature, at + 1)) {
    const std::string where = "the global heap collection at byte " + std::to_string(at) + " ";
    if (bytes - at < kHeaderBytes) {
      damage = where + "is cut off by the end of the file";
      break;
    }
    const std::uint64_t size = little_endian(base + at + 8, 8);
    if (size < kMinCollectionBytes || size > bytes - at) {
      damage = where + "claims " + std::to_string(size) + " bytes";
    } else if (auto wrong = walk(base + at, size)) {
      damage = where + "is damaged: " + *wrong;
    } else {
      at += static_cast<std::size_t>(size) - 1;  // a collection's objects may hold any bytes, "GCOL" too
    }
  }
  ::munmap(mapped, bytes);
  return damage;
}

}  // namespace campusflow::io
