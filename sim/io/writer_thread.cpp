#include "sim/io/writer_thread.hpp"

namespace campusflow::io {

WriterThread::WriterThread(ResultWriter& writer) : writer_(writer), thread_([this] { run(); }) {}

WriterThread::~WriterThread() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriterThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to write
    auto job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    std::exception_ptr failed;
    try {
      job(writer_);
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (failed && !error_) {
      error_ = failed;
      queue_.clear();  // later rows would land after a gap
    }
    changed_.notify_all();
  }
}

void WriterThread::rethrow_locked() {
  if (error_) std::rethrow_exception(error_);
}

void WriterThread::post(std::function<void(ResultWriter&)> job) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return error_ || queue_.size() < kMaxQueued; });
  rethrow_locked();
  queue_.push_back(std::move(job));
  changed_.notify_all();
}

void WriterThread::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return error_ || (queue_.empty() && !busy_); });
  rethrow_locked();
}

}  // namespace campusflow::io
