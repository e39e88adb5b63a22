#pragma once
// Writes a result on a thread of its own, so that compressing trajectories
// overlaps the simulation instead of following each step (in the drill,
// output was a third of the wall time on two threads). Jobs run in the order
// they were posted; at most kMaxQueued wait, so memory stays bounded when
// the disk is slower than the simulation.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "sim/io/result_writer.hpp"

namespace campusflow::io {

class WriterThread {
 public:
  static constexpr std::size_t kMaxQueued = 64;

  explicit WriterThread(ResultWriter& writer);
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;
  // Runs what is queued, then stops the thread. Never throws.
  ~WriterThread();

  // Queues a job; waits while kMaxQueued are queued. Rethrows, on the
  // caller's thread, the first error a job threw (the queue is then dropped).
  void post(std::function<void(ResultWriter&)> job);
  // Waits until every queued job has run; rethrows the first error.
  void drain();

 private:
  void run();
  void rethrow_locked();

  ResultWriter& writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void(ResultWriter&)>> queue_;
  bool busy_ = false;  // a job is running
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace campusflow::io
