#pragma once
// Attributes and small datasets, written and read with messages that name the
// file and the object ("out/run.h5.partial:/campusflow@status"). Writing fails
// with IoError; reading fails with ResultFormatError, since a read fails only
// when the file's layout is not what campusflow wrote.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

// "<file>:<path inside the file>" of an open object, for messages.
std::string describe(hid_t object);

// A variable-length UTF-8 string type (h5py reads it as str).
Handle string_type();

// Scalar attributes; an existing attribute of that name is replaced.
void write_attribute(hid_t object, const char* name, const std::string& value);
void write_attribute(hid_t object, const char* name, double value);
void write_attribute(hid_t object, const char* name, std::int64_t value);
void write_attribute(hid_t object, const char* name, std::uint64_t value);

Handle create_group(hid_t parent, const char* name);
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


bool has_attribute(hid_t object, const char* name);
bool has_link(hid_t file, const char* path);  // false also when a parent group is missing
std::string read_string_attribute(hid_t object, const char* name);
double read_double_attribute(hid_t object, const char* name);
std::int64_t read_int_attribute(hid_t object, const char* name);
std::uint64_t read_uint_attribute(hid_t object, const char* name);

Handle open_group(hid_t file, const char* path);
Handle open_dataset(hid_t file, const char* path);
// Rows of a one-dimensional dataset; any other shape is a format error.
std::size_t dataset_rows(hid_t dataset);
// Reads the whole one-dimensional dataset, converted to memory_type, into
// out, which holds dataset_rows(dataset) rows of that type.
void read_rows(hid_t dataset, hid_t memory_type, void* out);
std::vector<std::string> read_strings(hid_t file, const char* path);

}  // namespace campusflow::io
