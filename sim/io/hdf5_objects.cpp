#include "sim/io/hdf5_objects.hpp"

#include <algorithm>

namespace campusflow::io {

namespace {

// HDF5's two-call pattern for names: ask the length, then fill the buffer.
template <class GetName>
std::string name_of(hid_t id, GetName get) {
  const ssize_t n = get(id, nullptr, 0);
  if (n <= 0) return "?";
  std::string name(static_cast<std::size_t>(n) + 1, '\0');
  get(id, name.data(), name.size());
  name.resize(static_cast<std::size_t>(n));
  return name;
}

std::string attribute_place(hid_t object, const char* name) { return describe(object) + "@" + name; }

void write_scalar(hid_t object, const char* name, hid_t type, const void* data) {
  if (H5Aexists(object, name) > 0 && H5Adelete(object, name) < 0)
    throw IoError("cannot replace attribute " + attribute_place(object, name));
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const Handle attr(check(H5Acreate2(object, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                          "cannot create attribute " + attribute_place(object, name)),
                    H5Aclose);
  if (H5Awrite(attr.get(), type, data) < 0) throw IoError("cannot write attribute " + attribute_place(object, name));
}

// Opens an attribute that must hold exactly one value: reading more values
// than the buffer holds would overrun it, so foreign shapes are refused.
Handle open_scalar_attribute(hid_t object, const char* name) {
  if (!has_attribute(object, name)) throw ResultFormatError(attribute_place(object, name) + " is missing");
  Handle attr(check<ResultFormatError>(H5Aopen(object, name, H5P_DEFAULT),
                                       "cannot open attribute " + attribute_place(object, name)),
              H5Aclose);
  const Handle space(H5Aget_space(attr.get()), H5Sclose);
  if (H5Sget_simple_extent_npoints(space.get()) != 1)
    throw ResultFormatError(attribute_place(object, name) + " is not a single value");
  return attr;
}

template <class T>
T read_scalar(hid_t object, const char* name, hid_t memory_type, const char* kind) {
  const Handle attr = open_scalar_attribute(object, name);
  T value{};
  if (H5Aread(attr.get(), memory_type, &value) < 0)
    throw ResultFormatError(attribute_place(object, name) + " is not " + kind);
  return value;
}

}  // namespace

std::string describe(hid_t object) { return name_of(object, H5Fget_name) + ":" + name_of(object, H5Iget_name); }

Handle string_type() {
  Handle t(check(H5Tcopy(H5T_C_S1), "cannot create a string type"), H5Tclose);
  if (H5Tset_size(t.get(), H5T_VARIABLE) < 0 || H5Tset_cset(t.get(), H5T_CSET_UTF8) < 0)
    throw IoError("cannot create a UTF-8 string type");
  return t;
}

void write_attribute(hid_t object, const char* name, const std::string& value) {
  const Handle type = string_type();
  const char* text = value.c_str();
  write_scalar(object, name, type.get(), &text);
}

void write_attribute(hid_t object, const char* name, double value) {
  write_scalar(object, name, H5T_NATIVE_DOUBLE, &value);
}

void write_attribute(hid_t object, const char* name, std::int64_t value) {
  write_scalar(object, name, H5T_NATIVE_INT64, &value);
}

void write_attribute(hid_t object, const char* name, std::uint64_t value) {
  write_scalar(object, name, H5T_NATIVE_UINT64, &value);
}

Handle create_group(hid_t parent, const char* name) {
  return Handle(check(H5Gcreate2(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                      std::string("cannot create group ") + name + " in " + describe(parent)),
                H5Gclose);
}

void write_rows(hid_t parent, const char* name, hid_t file_type, hid_t memory_type, std::size_t n,
                const void* rows, std::size_t columns) {
  const hsize_t dims[2] = {n, columns};
  const Handle space(H5Screate_simple(columns > 1 ? 2 : 1, dims, nullptr), H5Sclose);
  const Handle set(check(H5Dcreate2(parent, name, file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                         "cannot create dataset " + std::string(name) + " in " + describe(parent)),
                   H5Dclose);
  if (n > 0 && H5Dwrite(set.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows) < 0)
    throw IoError("cannot write dataset " + describe(set.get()) + " (disk full?)");
}

void write_strings(hid_t parent, const char* name, std::span<const std::string> values) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& s : values) pointers.push_back(s.c_str());
  const Handle type = string_type();
  write_rows(parent, name, type.get(), type.get(), pointers.size(), pointers.data());
}

bool has_attribute(hid_t object, const char* name) { return H5Aexists(object, name) > 0; }

bool has_link(hid_t file, const char* path) {
  // H5Lexists fails (rather than answering false) when an intermediate group
  // is missing, so walk the path one component at a time.
  const std::string full(path);
  for (std::size_t end = full.find('/', 1);; end = full.find('/', end + 1)) {
    const std::string prefix = full.substr(0, end);
    if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (end == std::string::npos) return true;
  }
}

std::string read_string_attribute(hid_t object, const char* name) {
  const Handle attr = open_scalar_attribute(object, name);
  const Handle stored(H5Aget_type(attr.get()), H5Tclose);
  if (H5Tget_class(stored.get()) != H5T_STRING)
    throw ResultFormatError(attribute_place(object, name) + " is not text");
  if (H5Tis_variable_str(stored.get()) > 0) {
    const Handle type = string_type();
    char* text = nullptr;
    if (H5Aread(attr.get(), type.get(), &text) < 0) throw ResultFormatError("cannot read " + attribute_place(object, name));
    std::string out(text ? text : "");
    H5free_memory(text);
    return out;
  }
  // Fixed-length text (other programs write it): read as stored, cut at NUL.
  std::string out(H5Tget_size(stored.get()), '\0');
  if (H5Aread(attr.get(), stored.get(), out.data()) < 0) throw ResultFormatError("cannot read " + attribute_place(object, name));
  out.resize(std::min(out.size(), out.find('\0')));
  return out;
}

double read_double_attribute(hid_t object, const char* name) {
  return read_scalar<double>(object, name, H5T_NATIVE_DOUBLE, "a number");
}

std::int64_t read_int_attribute(hid_t object, const char* name) {
  return read_scalar<std::int64_t>(object, name, H5T_NATIVE_INT64, "an integer");
}

std::uint64_t read_uint_attribute(hid_t object, const char* name) {
  return read_scalar<std::uint64_t>(object, name, H5T_NATIVE_UINT64, "an unsigned integer");
}

Handle open_group(hid_t file, const char* path) {
  if (!has_link(file, path)) throw ResultFormatError(describe(file) + " has no group " + path);
  return Handle(check<ResultFormatError>(H5Gopen2(file, path, H5P_DEFAULT),
                                         describe(file) + ": " + path + " is not a group"),
                H5Gclose);
}

Handle open_dataset(hid_t file, const char* path) {
  if (!has_link(file, path)) throw ResultFormatError(describe(file) + " has no dataset " + path);
  return Handle(check<ResultFormatError>(H5Dopen2(file, path, H5P_DEFAULT),
                                         describe(file) + ": " + path + " is not a dataset"),
                H5Dclose);
}

std::size_t dataset_rows(hid_t dataset) {
  const Handle space(H5Dget_space(dataset), H5Sclose);
  hsize_t n = 0;
  if (!space.valid() || H5Sget_simple_extent_ndims(space.get()) != 1 ||
      H5Sget_simple_extent_dims(space.get(), &n, nullptr) < 0)
    throw ResultFormatError(describe(dataset) + " is not a one-dimensional dataset");
  return static_cast<std::size_t>(n);
}

// HDF5 converts compounds field by field, by name, and leaves a field the
// file lacks as it was in memory: without this check a missing column would
// read as garbage rather than fail.
void require_fields(hid_t dataset, hid_t memory_type) {
  if (H5Tget_class(memory_type) != H5T_COMPOUND) return;
  const Handle stored(H5Dget_type(dataset), H5Tclose);
  if (H5Tget_class(stored.get()) != H5T_COMPOUND)
    throw ResultFormatError(describe(dataset) + " is not a table of named fields: its fields differ from campusflow's");
  const int n = H5Tget_nmembers(memory_type);
  for (int m = 0; m < n; ++m) {
    char* name = H5Tget_member_name(memory_type, static_cast<unsigned>(m));
    const std::string field = name ? name : "";
    H5free_memory(name);
    if (H5Tget_member_index(stored.get(), field.c_str()) < 0)
      throw ResultFormatError(describe(dataset) + " has no field '" + field + "': its fields differ from campusflow's");
  }
}

void read_rows(hid_t dataset, hid_t memory_type, void* out) {
  require_fields(dataset, memory_type);
  if (dataset_rows(dataset) == 0) return;
  if (H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0)
    throw ResultFormatError("cannot read " + describe(dataset) + ": damaged, or its fields differ from campusflow's");
}

std::vector<std::string> read_strings(hid_t file, const char* path) {
  const Handle set = open_dataset(file, path);
  std::vector<char*> pointers(dataset_rows(set.get()), nullptr);
  const Handle type = string_type();
  read_rows(set.get(), type.get(), pointers.data());
  std::vector<std::string> out;
  out.reserve(pointers.size());
  for (char* p : pointers) {
    out.emplace_back(p ? p : "");
    H5free_memory(p);  // HDF5 allocated each string on read
  }
  return out;
}

}  // namespace campusflow::io
