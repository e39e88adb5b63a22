#include "sim/io/appendable_dataset.hpp"

#include <algorithm>

#include "sim/io/records.hpp"

namespace campusflow::io {

namespace {
constexpr hsize_t kChunkRows = 8192;
constexpr unsigned kDeflateLevel = 4;  // a good size/speed balance for trajectories
}  // namespace

template <class Row>
AppendableDataset<Row>::AppendableDataset(hid_t parent, const char* name, Handle type, std::size_t buffer_rows)
    : type_(std::move(type)), capacity_(std::max<std::size_t>(1, buffer_rows)) {
  const hsize_t dims[1] = {0};
  const hsize_t max_dims[1] = {H5S_UNLIMITED};
  Handle space(H5Screate_simple(1, dims, max_dims), H5Sclose);
  Handle props(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  const hsize_t chunk[1] = {kChunkRows};
  H5Pset_chunk(props.get(), 1, chunk);
  H5Pset_shuffle(props.get());
  H5Pset_deflate(props.get(), kDeflateLevel);
  dataset_ = Handle(check(H5Dcreate2(parent, name, type_.get(), space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
                          std::string("cannot create dataset ") + name),
                    H5Dclose);
  buffer_.reserve(capacity_);
}

template <class Row>
void AppendableDataset<Row>::append(std::span<const Row> rows) {
  for (const Row& r : rows) {
    buffer_.push_back(r);
    if (buffer_.size() >= capacity_) flush();
  }
}

template <class Row>
void AppendableDataset<Row>::flush() {
  if (buffer_.empty() || !dataset_.valid()) return;
  const hsize_t start[1] = {written_};
  const hsize_t count[1] = {buffer_.size()};
  const hsize_t size[1] = {written_ + buffer_.size()};
  if (H5Dset_extent(dataset_.get(), size) < 0) throw IoError("cannot extend a dataset");
  Handle file_space(H5Dget_space(dataset_.get()), H5Sclose);
  H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr);
  Handle memory_space(H5Screate_simple(1, count, nullptr), H5Sclose);
  if (H5Dwrite(dataset_.get(), type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, buffer_.data()) < 0)
    throw IoError("cannot write rows (disk full?)");
  written_ += buffer_.size();
  buffer_.clear();
}

template class AppendableDataset<TrajectoryRow>;
template class AppendableDataset<ExitEventRow>;

}  // namespace campusflow::io
