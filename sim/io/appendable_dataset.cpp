#include "sim/io/appendable_dataset.hpp"

#include <algorithm>
#include <string>

#include "sim/io/hdf5_objects.hpp"
#include "sim/io/street_records.hpp"

namespace campusflow::io {

template <class Row>
AppendableDataset<Row>::AppendableDataset(hid_t parent, const char* name, CompoundTypes types,
                                          std::size_t capacity, std::size_t chunk_rows)
    : memory_type_(std::move(types.memory)), capacity_(std::max<std::size_t>(1, capacity)) {
  const std::string what = "cannot create dataset " + std::string(name) + " in " + describe(parent);
  const hsize_t dims[1] = {0};
  const hsize_t max_dims[1] = {H5S_UNLIMITED};
  const Handle space(check(H5Screate_simple(1, dims, max_dims), what), H5Sclose);
  const hsize_t chunk[1] = {std::max<std::size_t>(1, chunk_rows)};
  const Handle props = chunked_properties(1, chunk, types.file.get(), true);
  dataset_ = Handle(check(H5Dcreate2(parent, name, types.file.get(), space.get(), H5P_DEFAULT, props.get(),
                                     H5P_DEFAULT),
                          what),
                    H5Dclose);
  buffer_.reserve(capacity_);
}

template <class Row>
bool AppendableDataset<Row>::append(std::span<const Row> rows) {
  bool wrote = false;
  while (!rows.empty()) {
    const std::size_t take = std::min(rows.size(), capacity_ - buffer_.size());
    buffer_.insert(buffer_.end(), rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(take));
    rows = rows.subspan(take);
    if (buffer_.size() >= capacity_) wrote = flush() || wrote;
  }
  return wrote;
}

template <class Row>
bool AppendableDataset<Row>::flush() {
  if (buffer_.empty()) return false;
  if (!dataset_.valid()) throw IoError("cannot write rows: the dataset is closed");
  const std::string where = describe(dataset_.get());
  const hsize_t start[1] = {written_};
  const hsize_t count[1] = {buffer_.size()};
  const hsize_t size[1] = {written_ + buffer_.size()};
  if (H5Dset_extent(dataset_.get(), size) < 0) throw IoError("cannot extend " + where);
  const Handle file_space(check(H5Dget_space(dataset_.get()), "cannot select rows in " + where), H5Sclose);
  const Handle memory_space(check(H5Screate_simple(1, count, nullptr), "cannot select rows in " + where), H5Sclose);
  if (H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0)
    throw IoError("cannot select rows in " + where);
  if (H5Dwrite(dataset_.get(), memory_type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT,
               buffer_.data()) < 0)
    throw IoError("cannot write rows to " + where + " (disk full?)");
  written_ += buffer_.size();
  buffer_.clear();
  return true;
}

template <class Row>
void AppendableDataset<Row>::close() noexcept {
  dataset_.reset();
  buffer_.clear();
}

template class AppendableDataset<TrajectoryRow>;
template class AppendableDataset<ExitEventRow>;
template class AppendableDataset<PassageRow>;
template class AppendableDataset<DensityRow>;
template class AppendableDataset<StreetFrameRow>;

}  // namespace campusflow::io
