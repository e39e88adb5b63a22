// The writer thread keeps the order of what is posted, hands errors back to
// the simulation's thread, and writes what it holds before the file closes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/result_reader.hpp"
#include "sim/io/writer_thread.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;

TEST_CASE("frames posted to the writer thread arrive in order", "[io][thread]") {
  const auto path = scratch("writer-thread.h5");
  {
    ResultWriter w(path, 10.0, sample_info(), sample_levels());
    {
      WriterThread writing(w);
      // 500 frames of 3 agents, more than the queue holds at once.
      for (std::int64_t f = 0; f < 500; ++f) {
        std::vector<TrajectoryRow> frame;
        for (std::int64_t a = 0; a < 3; ++a) frame.push_back(sample_row(a, f));
        writing.post([frame](ResultWriter& out) { out.append_frame(frame); });
      }
      writing.drain();
    }
    write_plain_agents(w, 3);
    w.finish(RunSummary{}, 1.0);
  }
  const std::vector<TrajectoryRow> rows = ResultReader(path).trajectory();
  REQUIRE(rows.size() == 1500);
  for (std::size_t k = 0; k < rows.size(); ++k) CHECK(rows[k] == sample_row(static_cast<std::int64_t>(k % 3),
                                                                              static_cast<std::int64_t>(k / 3)));
}

TEST_CASE("an error on the writer thread reaches the caller, later jobs are dropped", "[io][thread]") {
  const auto path = scratch("writer-thread-error.h5");
  ResultWriter w(path, 10.0, sample_info(), sample_levels());
  WriterThread writing(w);
  int ran = 0;
  writing.post([](ResultWriter&) { throw IoError("disk full (test)"); });
  CHECK_THROWS_WITH(writing.drain(), "disk full (test)");
  CHECK_THROWS_AS(writing.post([&ran](ResultWriter&) { ++ran; }), IoError);
  CHECK(ran == 0);
}
