#pragma once
// HDF5 keeps variable-length strings (our names, the scenario's text) in
// "global heap collections", which carry no checksum. libhdf5 1.10 walks a
// collection's objects trusting their sizes: an object of size 0 where the
// free space should be makes it loop forever, and a size past the
// collection's end makes it read beyond it. A result is untrusted, so the
// reader walks every collection itself first (HDF5 file format
// specification 3.0, section III.E "Global Heap") and refuses a damaged one.
#include <filesystem>
#include <optional>
#include <string>

namespace campusflow::io {

// What is wrong with the first damaged global heap collection of the file
// ("the global heap collection at byte 22401 ..."), nullopt when every one
// walks cleanly (or there is none). A collection is recognised by its
// 8-byte header ("GCOL", version 1, three zero bytes), which random data
// (compressed chunks) does not hold by chance. Throws IoError when the file
// cannot be read.
std::optional<std::string> damaged_global_heap(const std::filesystem::path& path);

}  // namespace campusflow::io
