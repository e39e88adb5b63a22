#include "sim/io/hdf5_reading.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "sim/io/hdf5_objects.hpp"

namespace campusflow::io {

namespace {

// Deflate cannot shrink data more than about 1032 to 1, so a dataset that
// claims more bytes than that over what the file stores for it is damaged.
constexpr std::uint64_t kMostInflation = 1100;
// Fixed-length text longer than this is a damaged size, not a scenario.
constexpr std::size_t kLongestFixedText = std::size_t{64} << 20;
// What verify_datasets reads at once at most [bytes].
constexpr std::size_t kBlockBytes = std::size_t{8} << 20;

// Why the HDF5 call that just failed did, in the words of campusflow's
// messages, or empty. HDF5 keeps the reason on its error stack until the
// next library call clears it: call this first.
std::string failure_reason() {
  struct Found {
    bool checksum = false, decompression = false;
  } found;
  const auto look = [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
    auto& f = *static_cast<Found*>(data);
    const std::string_view desc = e->desc ? e->desc : "";
    // "data error detected by Fletcher32 checksum", "incorrect metadata checksum ...", "inflate() failed"
    f.checksum = f.checksum || desc.find("checksum") != std::string_view::npos;
    f.decompression = f.decompression || desc.find("inflate") != std::string_view::npos;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, look, &found);
  if (found.checksum) return "checksum mismatch";
  // zlib checks its Adler-32 checksum as it inflates: for text datasets
  // (without Fletcher32, hdf5_objects.hpp) this is where damage shows.
  if (found.decompression) return "compressed data that fail zlib's check";
  return {};
}

// The error for a read of `what` ("dataset /trajectory") in `file` that
// has just failed; both named before the failing call.
ResultFormatError read_error(const std::string& file, const std::string& what) {
  const std::string reason = failure_reason();
  if (!reason.empty()) return ResultFormatError(file + " is corrupt: " + reason + " in " + what);
  return ResultFormatError(file + " is damaged: cannot read " + what);
}

// The file and "attribute /path@name", for read_error.
struct Place {
  std::string file, what;
};
Place place_of(hid_t object, const char* name) {
  return {file_name_of(object), "attribute " + path_of(object) + "@" + name};
}

// Opens an attribute that must hold exactly one value: reading more values
// than the buffer holds would overrun it, so other shapes are refused.
Handle open_scalar_attribute(hid_t object, const char* name, const Place& at) {
  if (!has_attribute(object, name)) throw ResultFormatError(describe_attribute(object, name) + " is missing");
  Handle attr(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  if (!attr.valid()) throw read_error(at.file, at.what);
  const Handle space(H5Aget_space(attr.get()), H5Sclose);
  if (!space.valid() || H5Sget_simple_extent_npoints(space.get()) != 1)
    throw ResultFormatError(describe_attribute(object, name) + " is not a single value");
  return attr;
}

H5T_class_t class_of_attribute(hid_t attr) {
  const Handle type(H5Aget_type(attr), H5Tclose);
  return type.valid() ? H5Tget_class(type.get()) : H5T_NO_CLASS;
}

template <class T>
T read_number(hid_t object, const char* name, hid_t memory_type, const char* kind, bool float_ok) {
  const Place at = place_of(object, name);
  const Handle attr = open_scalar_attribute(object, name, at);
  // HDF5 would convert text or a table into nothing useful, and a float
  // into an integer by truncation: only the expected classes are read.
  const H5T_class_t stored = class_of_attribute(attr.get());
  if (stored != H5T_INTEGER && !(float_ok && stored == H5T_FLOAT))
    throw ResultFormatError(describe_attribute(object, name) + " is not " + kind);
  T value{};
  if (H5Aread(attr.get(), memory_type, &value) < 0) throw read_error(at.file, at.what);
  return value;
}

std::string kind_of(hid_t type) {
  const std::string bytes = " of " + std::to_string(H5Tget_size(type)) + " bytes";
  switch (H5Tget_class(type)) {
    case H5T_INTEGER: return "integers" + bytes;
    case H5T_FLOAT: return "floating-point numbers" + bytes;
    case H5T_STRING: return "text";
    case H5T_COMPOUND: return "a table of named fields";
    default: return "values of HDF5 type class " + std::to_string(static_cast<int>(H5Tget_class(type)));
  }
}

// Whether HDF5 may convert stored values of type `stored` into `memory`
// without changing them: the same class and size (text of fixed and of
// variable length convert into each other).
bool same_kind(hid_t stored, hid_t memory) {
  const H5T_class_t c = H5Tget_class(stored);
  if (c != H5Tget_class(memory)) return false;
  return c == H5T_STRING || H5Tget_size(stored) == H5Tget_size(memory);
}

// HDF5 converts compounds field by field, by name, and leaves a field the
// file lacks as it was in memory: without this check a missing column would
// read as garbage rather than fail. A field of another class or size (a
// float column where an integer one belongs) is refused alike.
void require_type(hid_t dataset, hid_t memory_type) {
  const Handle stored(H5Dget_type(dataset), H5Tclose);
  if (!stored.valid()) throw ResultFormatError(describe(dataset) + " is damaged: its type cannot be read");
  if (H5Tget_class(memory_type) != H5T_COMPOUND) {
    if (!same_kind(stored.get(), memory_type))
      throw ResultFormatError(describe(dataset) + " holds " + kind_of(stored.get()) + ", not " + kind_of(memory_type));
    return;
  }
  if (H5Tget_class(stored.get()) != H5T_COMPOUND)
    throw ResultFormatError(describe(dataset) + " is not a table of named fields: its fields differ from campusflow's");
  const int n = H5Tget_nmembers(memory_type);
  for (int m = 0; m < n; ++m) {
    char* name = H5Tget_member_name(memory_type, static_cast<unsigned>(m));
    const std::string field = name ? name : "";
    H5free_memory(name);
    const int k = H5Tget_member_index(stored.get(), field.c_str());
    if (k < 0)
      throw ResultFormatError(describe(dataset) + " has no field '" + field + "': its fields differ from campusflow's");
    const Handle stored_field(H5Tget_member_type(stored.get(), static_cast<unsigned>(k)), H5Tclose);
    const Handle memory_field(H5Tget_member_type(memory_type, static_cast<unsigned>(m)), H5Tclose);
    if (!stored_field.valid() || !same_kind(stored_field.get(), memory_field.get()))
      throw ResultFormatError(describe(dataset) + " field '" + field + "' holds " +
                              (stored_field.valid() ? kind_of(stored_field.get()) : "an unreadable type") + ", not " +
                              kind_of(memory_field.get()));
  }
}

// Whether the dataset's filters may shrink its data (anything but shuffle
// and the checksum), so that it may hold more bytes than it stores.
bool may_be_compressed(hid_t dataset) {
  const Handle props(H5Dget_create_plist(dataset), H5Pclose);
  const int n = props.valid() ? H5Pget_nfilters(props.get()) : 0;
  for (int k = 0; k < n; ++k) {
    unsigned flags = 0, config = 0;
    std::size_t values = 0;
    const H5Z_filter_t id = H5Pget_filter2(props.get(), static_cast<unsigned>(k), &flags, &values, nullptr, 0, nullptr,
                                           &config);
    if (id != H5Z_FILTER_SHUFFLE && id != H5Z_FILTER_FLETCHER32) return true;
  }
  return false;
}

// The size of the file holding `object` [bytes], nullopt when HDF5 cannot tell.
std::optional<hsize_t> size_of_file(hid_t object) {
  const Handle file(H5Iget_file_id(object), H5Fclose);
  hsize_t size = 0;
  if (!file.valid() || H5Fget_filesize(file.get(), &size) < 0) return std::nullopt;
  return size;
}

// Refuses an extent whose bytes the file cannot hold: HDF5 reads a chunk
// that was never written as fill values, so a damaged or crafted extent
// (10^15 rows in a file of a megabyte) would otherwise become a huge
// allocation filled with zeros.
void require_stored(hid_t dataset, const std::vector<std::size_t>& dims) {
  constexpr std::uint64_t kMost = std::numeric_limits<std::uint64_t>::max();
  const Handle type(H5Dget_type(dataset), H5Tclose);
  std::uint64_t bytes = std::max<std::size_t>(1, type.valid() ? H5Tget_size(type.get()) : 1);
  for (const std::size_t d : dims) bytes = d != 0 && bytes > kMost / d ? kMost : bytes * d;
  if (dims.empty() || std::find(dims.begin(), dims.end(), 0) == dims.end()) {
    const hsize_t file_size = size_of_file(dataset).value_or(0);
    const std::uint64_t stored = std::min<std::uint64_t>(H5Dget_storage_size(dataset), file_size);
    const std::uint64_t room = may_be_compressed(dataset) ? stored * kMostInflation : stored;
    if (bytes > room)
      throw ResultFormatError(describe(dataset) + " claims " + std::to_string(dims.empty() ? 1 : dims[0]) + " rows (" +
                              (bytes == kMost ? std::string("more than 2^64") : std::to_string(bytes)) +
                              " bytes) but the file stores " + std::to_string(stored) + " bytes of it: damaged");
  }
}

// Refuses a chunk index (a B-tree, which this file format does not
// checksum) that points outside the file, marks a filter the dataset does
// not have as skipped, or stores a chunk whose size-changing filters were
// all skipped (deflate is optional: HDF5 skips it where it would not shrink
// the chunk) in other than the chunk's own size (plus 4 bytes of Fletcher32
// checksum). libhdf5 1.10 takes such a chunk's stored bytes (39) as the
// whole chunk (80) and copies past their end. Chunks are looked up by their
// coordinates, each in logarithmic time, over the grid the (already
// checked) extent spans.
void require_sound_chunks(hid_t dataset, const std::vector<std::size_t>& dims) {
  const Handle props(H5Dget_create_plist(dataset), H5Pclose);
  if (!props.valid() || H5Pget_layout(props.get()) != H5D_CHUNKED) return;
  const int rank = static_cast<int>(dims.size());
  hsize_t chunk[H5S_MAX_RANK] = {};
  if (rank == 0 || H5Pget_chunk(props.get(), rank, chunk) != rank)
    throw ResultFormatError(describe(dataset) + " is damaged: its chunk shape cannot be read");
  for (int d = 0; d < rank; ++d)
    if (chunk[d] == 0) throw ResultFormatError(describe(dataset) + " is damaged: a chunk of size 0");
  if (std::find(dims.begin(), dims.end(), 0) != dims.end()) return;  // no chunks
  const std::optional<hsize_t> size_of = size_of_file(dataset);
  if (!size_of) throw ResultFormatError(describe(dataset) + " is damaged: its file's size cannot be read");
  const hsize_t file_size = *size_of;
  const Handle type(H5Dget_type(dataset), H5Tclose);
  hsize_t raw = type.valid() ? H5Tget_size(type.get()) : 0;
  for (int d = 0; d < rank; ++d) raw *= chunk[d];
  const int filters = H5Pget_nfilters(props.get());
  if (filters < 0 || filters > 32) throw ResultFormatError(describe(dataset) + " is damaged: its filters cannot be read");
  unsigned resizing = 0, checksums = 0;  // mask bits of filters that change the size, of Fletcher32
  for (int i = 0; i < filters; ++i) {
    unsigned flags = 0;
    std::size_t values = 0;
    const H5Z_filter_t id = H5Pget_filter2(props.get(), static_cast<unsigned>(i), &flags, &values, nullptr, 0,
                                           nullptr, nullptr);
    if (id == H5Z_FILTER_FLETCHER32) checksums |= 1u << i;
    else if (id != H5Z_FILTER_SHUFFLE) resizing |= 1u << i;
  }
  const unsigned known = filters == 32 ? ~0u : (1u << filters) - 1;
  hsize_t at[H5S_MAX_RANK] = {};  // the chunk's first element, odometer over the grid
  for (;;) {
    unsigned filter_mask = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t size = 0;
    if (H5Dget_chunk_info_by_coord(dataset, at, &filter_mask, &address, &size) < 0)
      throw read_error(file_name_of(dataset), "the chunk index of dataset " + path_of(dataset));
    // A chunk never written reads as fill values (require_stored bounds those).
    if (address != HADDR_UNDEF) {
      const std::string chunk_at = describe(dataset) + " is damaged: its chunk at row " + std::to_string(at[0]);
      if (size == 0 || address > file_size || size > file_size - address)
        throw ResultFormatError(chunk_at + " lies outside the file");
      if ((filter_mask & ~known) != 0) throw ResultFormatError(chunk_at + " skips a filter it does not have");
      const hsize_t expected = raw + ((checksums & ~filter_mask) != 0 ? 4 : 0);
      if ((resizing & ~filter_mask) == 0 && size != expected)
        throw ResultFormatError(chunk_at + " stores " + std::to_string(size) + " bytes, not " +
                                std::to_string(expected));
    }
    int d = rank - 1;
    for (; d >= 0; --d) {
      at[d] += chunk[d];
      if (at[d] < dims[static_cast<std::size_t>(d)]) break;
      at[d] = 0;
    }
    if (d < 0) return;
  }
}

// Reads `set` whole, a block of chunks at a time, into a scratch buffer of
// its own type: HDF5 checks each chunk's checksum as it reads it.
void verify_dataset(hid_t set) {
  const Handle space(H5Dget_space(set), H5Sclose);
  const int rank = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
  if (rank < 0) throw ResultFormatError(describe(set) + " is damaged: its extent cannot be read");
  const std::vector<std::size_t> dims = dataset_shape(set, rank);
  require_sound_chunks(set, dims);
  const Handle type(H5Dget_type(set), H5Tclose);
  if (!type.valid()) throw ResultFormatError(describe(set) + " is damaged: its type cannot be read");
  std::size_t row_bytes = std::max<std::size_t>(1, H5Tget_size(type.get()));
  for (int d = 1; d < rank; ++d) row_bytes *= dims[static_cast<std::size_t>(d)];  // bounded by require_stored
  const std::size_t rows = rank == 0 ? 1 : dims[0];
  if (rows == 0 || row_bytes == 0) return;
  std::size_t block = std::clamp<std::size_t>(kBlockBytes / row_bytes, 1, rows);
  const Handle props(H5Dget_create_plist(set), H5Pclose);
  hsize_t chunk[H5S_MAX_RANK] = {};
  if (props.valid() && H5Pget_layout(props.get()) == H5D_CHUNKED &&
      H5Pget_chunk(props.get(), H5S_MAX_RANK, chunk) > 0 && chunk[0] > 0) {
    // Whole chunks, at least one: a chunk larger than HDF5's chunk cache
    // (1 MiB) is not kept, and reading it a row at a time would inflate it
    // once per row. `rows` bounds the block (the extent is checked against
    // the bytes stored), so a damaged chunk size cannot make it large.
    const auto chunk_rows = static_cast<std::size_t>(chunk[0]);
    block = std::min(block >= chunk_rows ? block / chunk_rows * chunk_rows : chunk_rows, rows);
  }
  std::vector<unsigned char> buffer(block * row_bytes);
  const bool has_vlen = H5Tdetect_class(type.get(), H5T_VLEN) > 0 || H5Tis_variable_str(type.get()) > 0;
  const std::string file = file_name_of(set), what = "dataset " + path_of(set);
  for (std::size_t start = 0; start < rows; start += block) {
    hsize_t offset[H5S_MAX_RANK] = {}, count[H5S_MAX_RANK] = {};
    for (int d = 0; d < rank; ++d) count[d] = dims[static_cast<std::size_t>(d)];
    if (rank > 0) {
      offset[0] = start;
      count[0] = std::min(block, rows - start);
    }
    const Handle file_space(H5Dget_space(set), H5Sclose);
    const Handle memory_space(rank > 0 ? H5Screate_simple(rank, count, nullptr) : H5Screate(H5S_SCALAR), H5Sclose);
    if (rank > 0 && H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, offset, nullptr, count, nullptr) < 0)
      throw read_error(file, what);
    if (H5Dread(set, type.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, buffer.data()) < 0)
      throw read_error(file, what);
    if (has_vlen) H5Dvlen_reclaim(type.get(), memory_space.get(), H5P_DEFAULT, buffer.data());
  }
}

}  // namespace

bool has_attribute(hid_t object, const char* name) {
  const Place at = place_of(object, name);
  const htri_t exists = H5Aexists(object, name);
  if (exists < 0) throw read_error(at.file, at.what);  // damaged, not missing
  return exists > 0;
}

bool has_link(hid_t file, const char* path) {
  // H5Lexists fails (rather than answering false) when an intermediate group
  // is missing, so walk the path one component at a time; a failure then
  // means the group's own metadata is damaged.
  const std::string full(path), name = file_name_of(file);
  for (std::size_t end = full.find('/', 1);; end = full.find('/', end + 1)) {
    const std::string prefix = full.substr(0, end);
    const htri_t exists = H5Lexists(file, prefix.c_str(), H5P_DEFAULT);
    if (exists < 0) throw read_error(name, "link " + prefix);
    if (exists == 0) return false;
    if (end == std::string::npos) return true;
  }
}

std::string read_string_attribute(hid_t object, const char* name) {
  const Place at = place_of(object, name);
  const Handle attr = open_scalar_attribute(object, name, at);
  const Handle stored(H5Aget_type(attr.get()), H5Tclose);
  if (!stored.valid() || H5Tget_class(stored.get()) != H5T_STRING)
    throw ResultFormatError(describe_attribute(object, name) + " is not text");
  const htri_t variable = H5Tis_variable_str(stored.get());
  if (variable > 0) {
    const Handle type = string_type();
    char* text = nullptr;
    if (H5Aread(attr.get(), type.get(), &text) < 0) throw read_error(at.file, at.what);
    std::string out(text ? text : "");
    H5free_memory(text);
    return out;
  }
  // Fixed-length text (other programs write it): read as stored, cut at
  // NUL, after its size is checked, since it becomes the buffer's.
  const std::size_t size = variable == 0 ? H5Tget_size(stored.get()) : 0;
  if (size == 0 || size > kLongestFixedText)
    throw ResultFormatError(describe_attribute(object, name) + " is text of " + std::to_string(size) +
                            " bytes: damaged");
  std::string out(size, '\0');
  if (H5Aread(attr.get(), stored.get(), out.data()) < 0) throw read_error(at.file, at.what);
  out.resize(std::min(out.size(), out.find('\0')));
  return out;
}

double read_double_attribute(hid_t object, const char* name) {
  return read_number<double>(object, name, H5T_NATIVE_DOUBLE, "a number", true);
}

std::int64_t read_int_attribute(hid_t object, const char* name) {
  return read_number<std::int64_t>(object, name, H5T_NATIVE_INT64, "an integer", false);
}

std::uint64_t read_uint_attribute(hid_t object, const char* name) {
  return read_number<std::uint64_t>(object, name, H5T_NATIVE_UINT64, "an unsigned integer", false);
}

namespace {

// The object at `path`, of HDF5 type `want`, reached through hard links only.
Handle open_object(hid_t file, const char* path, H5I_type_t want, const char* kind) {
  if (!has_link(file, path)) throw ResultFormatError(describe(file) + " has no " + kind + " " + path);
  const std::string full(path), name = file_name_of(file);
  for (std::size_t end = full.find('/', 1);; end = full.find('/', end + 1)) {
    const std::string prefix = full.substr(0, end);
    H5L_info_t link{};
    if (H5Lget_info(file, prefix.c_str(), &link, H5P_DEFAULT) < 0) throw read_error(name, "link " + prefix);
    if (link.type != H5L_TYPE_HARD)
      throw ResultFormatError(name + ": " + prefix + " is a symbolic or external link; a result has none");
    if (end == std::string::npos) break;
  }
  Handle object(H5Oopen(file, path, H5P_DEFAULT), H5Oclose);
  if (!object.valid()) throw read_error(name, std::string(kind) + " " + path);
  if (H5Iget_type(object.get()) != want) throw ResultFormatError(name + ": " + path + " is not a " + kind);
  return object;
}

}  // namespace

Handle open_group(hid_t file, const char* path) { return open_object(file, path, H5I_GROUP, "group"); }

Handle open_dataset(hid_t file, const char* path) { return open_object(file, path, H5I_DATASET, "dataset"); }

std::vector<std::size_t> dataset_shape(hid_t dataset, int rank) {
  const Handle space(H5Dget_space(dataset), H5Sclose);
  const int stored = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
  if (stored < 0) throw ResultFormatError(describe(dataset) + " is damaged: its extent cannot be read");
  if (stored != rank)
    throw ResultFormatError(describe(dataset) + " has " + std::to_string(stored) + " dimensions, not " +
                            std::to_string(rank));
  hsize_t dims[H5S_MAX_RANK] = {};
  if (rank > 0 && H5Sget_simple_extent_dims(space.get(), dims, nullptr) < 0)
    throw ResultFormatError(describe(dataset) + " is damaged: its extent cannot be read");
  const std::vector<std::size_t> shape(dims, dims + rank);
  require_stored(dataset, shape);
  return shape;
}

std::size_t dataset_rows(hid_t dataset) { return dataset_shape(dataset, 1)[0]; }

void read_rows(hid_t dataset, hid_t memory_type, void* out) {
  require_type(dataset, memory_type);
  const Handle space(H5Dget_space(dataset), H5Sclose);
  if (!space.valid() || H5Sget_simple_extent_npoints(space.get()) <= 0) return;
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw ResultFormatError(describe(dataset) + " is damaged: its extent cannot be read");
  require_sound_chunks(dataset, dataset_shape(dataset, rank));
  const std::string file = file_name_of(dataset), what = "dataset " + path_of(dataset);
  if (H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0) throw read_error(file, what);
}

std::vector<std::string> read_strings(hid_t file, const char* path) {
  const Handle set = open_dataset(file, path);
  std::vector<char*> pointers(dataset_rows(set.get()), nullptr);
  const Handle type = string_type();
  const auto free_all = [&] {
    for (char* p : pointers) H5free_memory(p);  // HDF5 allocated each string on read
  };
  try {
    read_rows(set.get(), type.get(), pointers.data());
  } catch (...) {
    free_all();  // a read that failed half way may have allocated some
    throw;
  }
  std::vector<std::string> out;
  out.reserve(pointers.size());
  for (char* p : pointers) out.emplace_back(p ? p : "");
  free_all();
  return out;
}

void verify_datasets(hid_t file, std::span<const std::string_view> skip) {
  std::vector<std::string> names;
  const auto collect = [](hid_t, const char* name, const H5L_info_t* info, void* data) -> herr_t {
    if (info->type != H5L_TYPE_HARD) return 0;  // open_object refuses the others when they are asked for
    try {
      static_cast<std::vector<std::string>*>(data)->push_back(std::string("/") + name);
      return 0;
    } catch (...) {
      return -1;  // no exception may cross HDF5's C frames
    }
  };
  const std::string file_name = file_name_of(file);
  if (H5Lvisit(file, H5_INDEX_NAME, H5_ITER_NATIVE, collect, &names) < 0)
    throw read_error(file_name, "the list of its groups and datasets");
  for (const std::string& name : names) {
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    const Handle object(H5Oopen(file, name.c_str(), H5P_DEFAULT), H5Oclose);
    if (!object.valid()) throw read_error(file_name, "object " + name);
    if (H5Iget_type(object.get()) == H5I_DATASET) verify_dataset(object.get());
  }
}

}  // namespace campusflow::io
