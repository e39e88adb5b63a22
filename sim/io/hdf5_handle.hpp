#pragma once
// RAII owners for HDF5 identifiers, the io error types, and a scope that keeps
// HDF5 from printing its error stack. Every HDF5 call of campusflow goes
// through these, so no identifier leaks when an exception unwinds.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace campusflow::io {

// A result could not be written or read. The message names the file.
struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file is not a complete campusflow result (missing, not HDF5, damaged,
// from another program, interrupted) or its layout differs from the format.
struct ResultFormatError : IoError {
  using IoError::IoError;
};

// Owns one hid_t and closes it with the matching H5?close function.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  Handle() = default;
  Handle(hid_t id, Closer closer) noexcept : id_(id), closer_(closer) {}
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)), closer_(o.closer_) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, H5I_INVALID_HID);
      closer_ = o.closer_;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  // Closes now; returns HDF5's status, which matters for files: H5Fclose is
  // where the last metadata reaches the disk.
  herr_t close() noexcept {
    herr_t status = 0;
    if (valid() && closer_) status = closer_(id_);
    id_ = H5I_INVALID_HID;
    return status;
  }
  void reset() noexcept { (void)close(); }
  hid_t get() const noexcept { return id_; }
  bool valid() const noexcept { return id_ >= 0; }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// HDF5 prints its error stack to stderr whenever a call fails, even when the
// caller handles the failure; users should see only our messages. Within this
// scope printing is off, and the previous setting comes back at its end (like
// H5E_BEGIN_TRY / H5E_END_TRY), so other HDF5 users in the process keep theirs.
class QuietHdf5Errors {
 public:
  QuietHdf5Errors() noexcept {
    saved_ = H5Eget_auto2(H5E_DEFAULT, &function_, &data_) >= 0;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5Errors() {
    if (saved_) H5Eset_auto2(H5E_DEFAULT, function_, data_);
  }
  QuietHdf5Errors(const QuietHdf5Errors&) = delete;
  QuietHdf5Errors& operator=(const QuietHdf5Errors&) = delete;

 private:
  H5E_auto2_t function_ = nullptr;
  void* data_ = nullptr;
  bool saved_ = false;
};

// Throws Error(what) when an HDF5 call failed (negative id or status).
template <class Error = IoError>
hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw Error(what);
  return id;
}

}  // namespace campusflow::io
