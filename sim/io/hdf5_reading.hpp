#pragma once
// Attributes and datasets read back from a file that may be damaged or made
// by hand: every read checks the shape, the type and the size the file
// claims before it allocates or converts anything, and every failure is a
// ResultFormatError naming the file and the object
// ("out/run.h5:/campusflow@status"), never a crash or a wrong value.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

// Whether the object has the attribute, the file the link (false also when
// a parent group is missing); a ResultFormatError when HDF5 cannot tell.
bool has_attribute(hid_t object, const char* name);
bool has_link(hid_t file, const char* path);
// Scalar attributes of the expected kind: text (a string type, variable or
// of fixed length), a number (float or integer), an integer.
std::string read_string_attribute(hid_t object, const char* name);
double read_double_attribute(hid_t object, const char* name);
std::int64_t read_int_attribute(hid_t object, const char* name);
std::uint64_t read_uint_attribute(hid_t object, const char* name);

// Groups and datasets reached through hard links only: a soft or external
// link in a result would make the reader open whatever it names.
Handle open_group(hid_t file, const char* path);
Handle open_dataset(hid_t file, const char* path);
// The extent of a dataset of `rank` dimensions, refused when it claims more
// bytes than the file stores for it (a damaged or crafted extent must not
// become an allocation).
std::vector<std::size_t> dataset_shape(hid_t dataset, int rank);
// Rows of a one-dimensional dataset: dataset_shape(dataset, 1)[0].
std::size_t dataset_rows(hid_t dataset);
// Reads the whole dataset, converted to memory_type, into out, which holds
// all its elements of that type. The stored type must match memory_type:
// the same class and size, for a compound every field of it by name.
void read_rows(hid_t dataset, hid_t memory_type, void* out);
std::vector<std::string> read_strings(hid_t file, const char* path);

// Reads every dataset of the file but those named in `skip` ("/trajectory"),
// a chunk at a time, so that a checksum mismatch anywhere in their data is
// found before a tool uses the file.
void verify_datasets(hid_t file, std::span<const std::string_view> skip);

}  // namespace campusflow::io
