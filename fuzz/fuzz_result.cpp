// libFuzzer harness: the result reader on any bytes (docs/hardening.md,
// "Fuzzing"). The input is a result file; the harness opens it as `view`,
// `render` and the heatmaps do (render::Replay, which checks the whole file
// with ResultReader::check and reads every table), then asks the replay for
// what a frame, the heatmaps and the street need. A damaged or hand-made file
// may only be refused with an io::IoError (the ResultFormatError a tool turns
// into exit 2) or be too large for memory (std::bad_alloc: the tools say so);
// anything else escaping, a crash or a sanitizer report is a finding, and so
// is an HDF5 object (file, group, dataset, attribute) left open after the
// input: the reader owns every handle it opens.
// libhdf5 1.10 itself leaks a few small blocks on some damaged files (its
// error paths, not ours); fuzz/lsan.supp keeps LeakSanitizer to our code.
//
// libhdf5 reads by file name, so every input is written to one file in a
// private folder (on /dev/shm where there is one: no disk writes per input).
#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>

#include "analysis/heatmap.hpp"
#include "analysis/trajectory_set.hpp"
#include "render/replay.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_library.hpp"

namespace {

std::filesystem::path input_path;

// HDF5 objects open in any file: files, groups, datasets, named datatypes
// and attributes (a dataset left open would also keep its file open).
long open_objects() { return static_cast<long>(H5Fget_obj_count(static_cast<hid_t>(H5F_OBJ_ALL), H5F_OBJ_ALL)); }

void remove_input_folder() {
  std::error_code ec;
  std::filesystem::remove_all(input_path.parent_path(), ec);
}

// What the tools do with a replay once it loaded: every frame's poses (a
// sample of them on long runs), each floor's heatmaps, the street's frames.
void use(const campusflow::render::Replay& replay) {
  const std::int64_t frames = replay.frame_count();
  const std::int64_t stride = std::max<std::int64_t>(1, frames / 64);
  for (std::int64_t f = 0; f < frames; f += stride) (void)replay.poses(f);
  (void)replay.max_agents_in_frame();
  const double end = replay.duration();
  (void)replay.phase_text(end / 2.0);
  (void)replay.street_at(end / 2.0);
  for (const auto& row : replay.street_frames()) (void)replay.vehicle_size(row.id);
  for (std::size_t k = 0; k < replay.levels().size(); ++k) {
    if (static_cast<int>(k) == replay.street_level()) continue;
    const auto& level = replay.levels()[k];
    try {
      const campusflow::analysis::TrajectorySet t(replay.rows_on_level(static_cast<int>(k), true), replay.fps());
      (void)campusflow::analysis::density_maps(t, level.bounds, 1.0);
      (void)campusflow::analysis::passage_map(t, level.bounds, 0.5);
    } catch (const std::length_error&) {
      // A plan too large for a heatmap (the tools report it, exit 1).
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // As the commands do: no exit-time cleanup of what a damaged file left open.
  campusflow::io::skip_hdf5_exit_cleanup();
  const std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
  std::string folder = (base / "fuzz_result.XXXXXX").string();
  if (mkdtemp(folder.data()) == nullptr) std::abort();
  input_path = std::filesystem::path(folder) / "input.h5";
  std::atexit(remove_input_folder);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(input_path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush()) std::abort();
  }
  try {
    const campusflow::render::Replay replay(input_path);
    use(replay);
  } catch (const campusflow::io::IoError&) {
  } catch (const std::bad_alloc&) {
  }
  if (open_objects() != 0) __builtin_trap();
  return 0;
}
