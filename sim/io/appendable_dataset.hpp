#pragma once
// A one-dimensional, extendible, chunked, compressed and checksummed dataset that takes
// rows in batches: at most `capacity` rows wait in memory, so memory stays
// bounded however long the run.
#include <cstddef>
#include <span>
#include <vector>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/records.hpp"

namespace campusflow::io {

template <class Row>
class AppendableDataset {
 public:
  AppendableDataset() = default;
  // Creates the empty dataset `name` under `parent`, in chunks of chunk_rows
  // rows (shuffle + deflate + Fletcher32, hdf5_objects.hpp chunked_properties).
  AppendableDataset(hid_t parent, const char* name, CompoundTypes types, std::size_t capacity,
                    std::size_t chunk_rows);

  // Both return true when buffered rows went to disk.
  bool append(std::span<const Row> rows);
  bool flush();

  hid_t id() const { return dataset_.get(); }
  std::size_t buffered_rows() const { return buffer_.size(); }
  std::size_t capacity() const { return capacity_; }
  std::size_t rows_written() const { return written_; }
  // Closes the dataset; rows still buffered are dropped (flush first).
  void close() noexcept;

 private:
  Handle dataset_;
  Handle memory_type_;
  std::vector<Row> buffer_;  // (<= capacity_) rows not yet on disk
  std::size_t capacity_ = 0;
  std::size_t written_ = 0;
};

}  // namespace campusflow::io
