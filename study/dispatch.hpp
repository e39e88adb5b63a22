#pragma once
// Between the coordinator's ledger and the threads that carry out runs: a
// thread takes the next run and gives back its row; only the coordinator's
// thread touches the ledger's files (drain()). Internal to study/.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "study/sweep.hpp"

namespace campusflow::study {

class Dispatch {
 public:
  Dispatch(SweepLedger& ledger, const std::atomic<bool>* stop) : ledger_(ledger), stop_(stop) {}

  // What the runs in flight watch: set by a stop request (seen by poll())
  // or by the coordinator failing (a full disk), so that no worker goes on
  // running what could not be recorded.
  const std::atomic<bool>* halt_flag() const { return &halt_; }
  void halt() {
    halt_ = true;
    changed_.notify_all();
  }
  // On the coordinator's thread, between waits: passes a stop request on.
  void poll() {
    if (stop_ && stop_->load(std::memory_order_relaxed)) halt();
  }

  // The next run for a worker, nullopt when none is left or a stop was asked.
  std::optional<std::size_t> take() {
    std::lock_guard lock(mutex_);
    if (stopping()) return std::nullopt;
    auto run = ledger_.next();
    if (run) ++running_;
    return run;
  }
  // A worker's run ended: its row, or nullopt when it was stopped.
  void give(std::size_t run, std::optional<RunRow> row) {
    {
      std::lock_guard lock(mutex_);
      --running_;
      if (row) done_.emplace_back(run, std::move(*row));
    }
    changed_.notify_all();
  }
  // On the coordinator's thread: waits up to `wait` for rows, records them.
  void drain(std::chrono::milliseconds wait) {
    std::vector<std::pair<std::size_t, RunRow>> rows;
    {
      std::unique_lock lock(mutex_);
      changed_.wait_for(lock, wait, [&] { return !done_.empty(); });
      rows.assign(std::make_move_iterator(done_.begin()), std::make_move_iterator(done_.end()));
      done_.clear();
    }
    for (const auto& [run, row] : rows) ledger_.finished(run, row);
  }
  std::size_t running() const {
    std::lock_guard lock(mutex_);
    return running_;
  }
  bool stopping() const { return halt_.load() || (stop_ && stop_->load(std::memory_order_relaxed)); }
  void wake() { changed_.notify_all(); }

 private:
  SweepLedger& ledger_;
  const std::atomic<bool>* stop_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::size_t, RunRow>> done_;
  std::size_t running_ = 0;
  std::atomic<bool> halt_{false};
};

// `jobs` threads, each taking runs until none is left.
class WorkerThreads {
 public:
  WorkerThreads(const StudyRunner& runner, const std::filesystem::path& dir, int jobs, Dispatch& dispatch) {
    for (int j = 0; j < jobs; ++j)
      threads_.emplace_back([&runner, dir, &dispatch, this] {
        while (const auto run = dispatch.take()) dispatch.give(*run, runner.execute(*run, dir, dispatch.halt_flag()));
        ++finished_;
        dispatch.wake();
      });
  }
  ~WorkerThreads() { join(); }
  bool all_finished() const { return finished_.load() == threads_.size(); }
  void join() {
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  std::vector<std::thread> threads_;
  std::atomic<std::size_t> finished_{0};
};

}  // namespace campusflow::study
