#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

namespace {

// Creates (or replaces) a scalar attribute of the given type and writes it.
void write_scalar(hid_t object, const char* name, hid_t type, const void* data) {
  if (H5Aexists(object, name) > 0) H5Adelete(object, name);
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle attr(check(H5Acreate2(object, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                    std::string("cannot create attribute ") + name),
              H5Aclose);
  if (H5Awrite(attr.get(), type, data) < 0) throw IoError(std::string("cannot write attribute ") + name);
}

template <class T>
T read_scalar(hid_t object, const char* name, hid_t type) {
  Handle attr(check(H5Aopen(object, name, H5P_DEFAULT), std::string("missing attribute ") + name), H5Aclose);
  T value{};
  if (H5Aread(attr.get(), type, &value) < 0) throw IoError(std::string("cannot read attribute ") + name);
  return value;
}

}  // namespace

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

bool has_attribute(hid_t object, const char* name) { return H5Aexists(object, name) > 0; }

std::string read_string_attribute(hid_t object, const char* name) {
  Handle attr(check(H5Aopen(object, name, H5P_DEFAULT), std::string("missing attribute ") + name), H5Aclose);
  Handle stored(H5Aget_type(attr.get()), H5Tclose);
  if (H5Tget_class(stored.get()) != H5T_STRING) throw IoError(std::string("attribute ") + name + " is not text");
  if (H5Tis_variable_str(stored.get()) > 0) {
    const Handle type = string_type();
    char* text = nullptr;
    if (H5Aread(attr.get(), type.get(), &text) < 0 || !text)
      throw IoError(std::string("cannot read attribute ") + name);
    std::string out(text);
    H5free_memory(text);
    return out;
  }
  std::string out(H5Tget_size(stored.get()), '\0');
  if (H5Aread(attr.get(), stored.get(), out.data()) < 0) throw IoError(std::string("cannot read attribute ") + name);
  out.resize(out.find('\0') == std::string::npos ? out.size() : out.find('\0'));
  return out;
}

double read_double_attribute(hid_t object, const char* name) {
  return read_scalar<double>(object, name, H5T_NATIVE_DOUBLE);
}

std::int64_t read_int_attribute(hid_t object, const char* name) {
  return read_scalar<std::int64_t>(object, name, H5T_NATIVE_INT64);
}

std::uint64_t read_uint_attribute(hid_t object, const char* name) {
  return read_scalar<std::uint64_t>(object, name, H5T_NATIVE_UINT64);
}

}  // namespace campusflow::io
