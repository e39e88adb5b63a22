// Memory stays bounded however long the run: rows go to disk in batches.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

namespace {
constexpr std::int64_t kAgents = 1000;
constexpr std::int64_t kFrames = 1100;  // 1,100,000 rows, 44 MB in memory if all were kept

TrajectoryRow row(std::int64_t a, std::int64_t f) {
  return {a, f, 0.01 * static_cast<double>(a), 0.02 * static_cast<double>(f), 0.0};
}
}  // namespace

TEST_CASE("more than a million rows pass through a bounded buffer and all reach the file", "[io][slow]") {
  const fs::path path = scratch("large.h5");
  std::size_t most_buffered = 0;
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 16.0, sample_info(), levels);
    std::vector<TrajectoryRow> frame(static_cast<std::size_t>(kAgents));
    for (std::int64_t f = 0; f < kFrames; ++f) {
      for (std::int64_t a = 0; a < kAgents; ++a) frame[static_cast<std::size_t>(a)] = row(a, f);
      w.append_frame(frame);
      // One agent leaves per frame: exit events are bounded alike.
      w.append_exit_event({f % kAgents, 0, static_cast<double>(f) / 16.0});
      most_buffered = std::max(most_buffered, w.buffered_rows());
    }
    write_plain_agents(w, kAgents);
    RunSummary summary;
    summary.exit_names = {"door"};  // the exit events' exit 0
    summary.exit_counts = {kFrames};
    w.finish(summary, 0.0);
  }
  // The buffers filled up (batches were large) but never beyond their bound.
  CHECK(most_buffered > ResultWriter::kTrajectoryBufferRows / 2);
  CHECK(most_buffered <= ResultWriter::kMaxBufferedRows);

  const ResultReader r(path);
  const std::vector<TrajectoryRow> rows = r.trajectory();
  REQUIRE(rows.size() == static_cast<std::size_t>(kAgents * kFrames));
  std::size_t wrong = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto i = static_cast<std::int64_t>(k);
    if (!(rows[k] == row(i % kAgents, i / kAgents))) ++wrong;
  }
  CHECK(wrong == 0);
  const std::vector<ExitEventRow> events = r.exit_events();
  REQUIRE(events.size() == static_cast<std::size_t>(kFrames));
  CHECK(events.back().time == static_cast<double>(kFrames - 1) / 16.0);

  // Shuffle + deflate: the file is much smaller than the raw 44 MB of rows.
  const auto raw = rows.size() * sizeof(TrajectoryRow);
  INFO("file " << fs::file_size(path) << " bytes, raw rows " << raw << " bytes");
  CHECK(fs::file_size(path) < raw / 2);
}

TEST_CASE("a frame larger than the buffer is split across batches", "[io]") {
  const fs::path path = scratch("big-frame.h5");
  const auto n = static_cast<std::int64_t>(ResultWriter::kTrajectoryBufferRows * 2 + 17);
  {
    const std::vector<LevelGeometry> levels = sample_levels();
    ResultWriter w(path, 10.0, sample_info(), levels);
    std::vector<TrajectoryRow> frame;
    for (std::int64_t a = 0; a < n; ++a) frame.push_back(row(a, 0));
    w.append_frame(frame);
    // Two full batches went to disk; the 17 left over wait in memory.
    CHECK(w.buffered_rows() == 17);
    write_plain_agents(w, n);
    w.finish(RunSummary{}, 0.0);
  }
  const std::vector<TrajectoryRow> rows = ResultReader(path).trajectory();
  REQUIRE(rows.size() == static_cast<std::size_t>(n));
  CHECK(rows.back() == row(n - 1, 0));
}
