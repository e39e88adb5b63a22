#include "sim/io/hdf5_objects.hpp"

#include <algorithm>

namespace campusflow::io {

namespace {

// Deflate level 4: trajectories compress about as well as at 9, much faster.
constexpr unsigned kDeflateLevel = 4;
// The fixed-size tables go in chunks of at most 1 MiB, HDF5's default chunk
// cache, so that reading one back never decompresses a chunk twice.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

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

void write_scalar(hid_t object, const char* name, hid_t type, const void* data) {
  if (H5Aexists(object, name) > 0 && H5Adelete(object, name) < 0)
    throw IoError("cannot replace attribute " + describe_attribute(object, name));
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  const Handle attr(check(H5Acreate2(object, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                          "cannot create attribute " + describe_attribute(object, name)),
                    H5Aclose);
  if (H5Awrite(attr.get(), type, data) < 0) throw IoError("cannot write attribute " + describe_attribute(object, name));
}

}  // namespace

std::string file_name_of(hid_t object) { return name_of(object, H5Fget_name); }

std::string path_of(hid_t object) { return name_of(object, H5Iget_name); }

std::string describe(hid_t object) { return file_name_of(object) + ":" + path_of(object); }

std::string describe_attribute(hid_t object, const char* name) { return describe(object) + "@" + name; }

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
  // Without modification times, as datasets (chunked_properties).
  const Handle props(check(H5Pcreate(H5P_GROUP_CREATE), "cannot create group properties"), H5Pclose);
  if (H5Pset_obj_track_times(props.get(), false) < 0) throw IoError("cannot set a group's properties");
  return Handle(check(H5Gcreate2(parent, name, H5P_DEFAULT, props.get(), H5P_DEFAULT),
                      std::string("cannot create group ") + name + " in " + describe(parent)),
                H5Gclose);
}

Handle chunked_properties(int rank, const hsize_t* chunk, hid_t type, bool compress) {
  Handle props(check(H5Pcreate(H5P_DATASET_CREATE), "cannot create dataset properties"), H5Pclose);
  if (H5Pset_chunk(props.get(), rank, chunk) < 0) throw IoError("cannot set a dataset's chunks");
  // No modification times in the object headers: the same data gives the
  // same bytes (a study's table is compared bit for bit across job counts).
  if (H5Pset_obj_track_times(props.get(), false) < 0) throw IoError("cannot set a dataset's properties");
  const bool variable = H5Tdetect_class(type, H5T_VLEN) > 0 || H5Tis_variable_str(type) > 0;
  // Shuffle groups the bytes of neighbouring values, which makes slowly
  // changing ids, frames and coordinates compress far better.
  if ((compress || variable) && (H5Pset_shuffle(props.get()) < 0 || H5Pset_deflate(props.get(), kDeflateLevel) < 0))
    throw IoError("cannot set a dataset's compression");
  // Last in the pipeline: the checksum covers the bytes as stored, so a
  // damaged chunk is refused before it reaches the decompressor.
  if (!variable && H5Pset_fletcher32(props.get()) < 0) throw IoError("cannot set a dataset's checksum");
  return props;
}

void write_rows(hid_t parent, const char* name, hid_t file_type, hid_t memory_type, std::size_t n,
                const void* rows, std::size_t columns) {
  const std::string what = "cannot create dataset " + std::string(name) + " in " + describe(parent);
  const int rank = columns > 1 ? 2 : 1;
  const hsize_t dims[2] = {n, columns};
  // An empty dataset takes no chunk; its extent may grow so that a chunk of
  // one row is allowed (HDF5 refuses chunks larger than a fixed extent).
  const hsize_t max_dims[2] = {n > 0 ? n : H5S_UNLIMITED, columns};
  const std::size_t row_bytes = std::max<std::size_t>(1, H5Tget_size(file_type) * columns);
  const hsize_t chunk[2] = {std::clamp<std::size_t>(kChunkBytes / row_bytes, 1, std::max<std::size_t>(1, n)), columns};
  const Handle space(check(H5Screate_simple(rank, dims, max_dims), what), H5Sclose);
  const Handle props = chunked_properties(rank, chunk, file_type, false);
  const Handle set(check(H5Dcreate2(parent, name, file_type, space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT), what),
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

}  // namespace campusflow::io
