#pragma once
// A one-dimensional, extendible, chunked and compressed dataset that takes
// rows in batches: memory stays bounded however long the run.
#include <span>
#include <string>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace campusflow::io {

template <class Row>
class AppendableDataset {
 public:
  AppendableDataset() = default;
  AppendableDataset(hid_t parent, const char* name, Handle type, std::size_t buffer_rows);

  void append(std::span<const Row> rows);
  void append(const Row& row) { append(std::span<const Row>(&row, 1)); }
  void flush();  // writes the buffered rows
  hid_t id() const { return dataset_.get(); }
  std::size_t buffered_rows() const { return buffer_.size(); }
  std::size_t rows_written() const { return written_; }
  void close() { dataset_.reset(); }

 private:
  Handle dataset_;
  Handle type_;
  std::vector<Row> buffer_;
  std::size_t capacity_ = 0;
  std::size_t written_ = 0;
};

}  // namespace campusflow::io
