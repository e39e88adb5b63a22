#pragma once
// Attributes and small datasets, written with messages that name the file and
// the object ("out/run.h5.partial:/campusflow@status"); failures are IoError.
// Reading them back is sim/io/hdf5_reading.hpp.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

// "<file>:<path inside the file>" of an open object, for messages, and its two parts.
std::string describe(hid_t object);
std::string file_name_of(hid_t object);
std::string path_of(hid_t object);
// "<file>:<path>@<name>" of an attribute of an open object.
std::string describe_attribute(hid_t object, const char* name);

// A variable-length UTF-8 string type (h5py reads it as str).
Handle string_type();

// Scalar attributes; an existing attribute of that name is replaced.
void write_attribute(hid_t object, const char* name, const std::string& value);
void write_attribute(hid_t object, const char* name, double value);
void write_attribute(hid_t object, const char* name, std::int64_t value);
void write_attribute(hid_t object, const char* name, std::uint64_t value);

Handle create_group(hid_t parent, const char* name);
// Creation properties of a dataset of `type` stored in chunks of `chunk`
// (rank values), shuffled and deflated when `compress`, and checksummed, so
// that a reader detects a flipped bit rather than returning a wrong value:
// HDF5's Fletcher32 checksum of each stored chunk, or for text (HDF5
// refuses Fletcher32 on variable-length types) deflate, whose zlib stream
// ends in an Adler-32 checksum that inflating checks. Filters need chunks,
// so every campusflow dataset is chunked.
Handle chunked_properties(int rank, const hsize_t* chunk, hid_t type, bool compress);
// A fixed-size dataset of n rows, written at once: one-dimensional, or
// n x columns when columns > 1 (row-major data).
void write_rows(hid_t parent, const char* name, hid_t file_type, hid_t memory_type, std::size_t n,
                const void* rows, std::size_t columns = 1);
void write_strings(hid_t parent, const char* name, std::span<const std::string> values);
// A dataset named `name` holding `field` of every row: the column-per-field
// tables (/campusflow/stuck, reroutes, phases, staff, rooms).
template <class Row, class T>
void write_column(hid_t group, const char* name, std::span<const Row> rows, T Row::*field) {
  std::vector<T> column;
  for (const Row& r : rows) column.push_back(r.*field);
  if constexpr (std::is_same_v<T, std::string>)
    write_strings(group, name, column);
  else if constexpr (std::is_same_v<T, double>)
    write_rows(group, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, column.size(), column.data());
  else if constexpr (std::is_same_v<T, std::int64_t>)
    write_rows(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, column.size(), column.data());
  else
    write_rows(group, name, H5T_STD_I32LE, H5T_NATIVE_INT32, column.size(), column.data());
}


}  // namespace campusflow::io
