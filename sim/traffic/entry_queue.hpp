#pragma once
// A line before a few servers, first come, first served: the morning entry
// check at a school gate (晨检). Who joins when, and who is free when, fix
// when each is called; how long a check takes is the caller's draw. With
// Poisson arrivals and exponential checks it is the M/M/c queue, whose mean
// wait is Erlang C's (tests/unit/traffic/test_entry_check.cpp).
#include <cstdint>
#include <deque>
#include <vector>

namespace campusflow {

struct CheckCall {
  std::uint32_t who;
  double start, end;  // [s]
};

class EntryQueue {
 public:
  explicit EntryQueue(std::uint32_t servers) : free_at_(servers, 0.0) {}

  // `who` reached the line at `at` [s]; joins in the order of the calls.
  void join(std::uint32_t who, double at) { waiting_.push_back({who, at}); }

  // Calls the first in line to the server free first (the lowest-numbered
  // among equals), for as long as both are there by t [s]; duration(who)
  // gives that check's length [s]. Appends the calls to `calls`.
  template <class Duration>
  void call(double t, Duration&& duration, std::vector<CheckCall>& calls) {
    while (!waiting_.empty()) {
      std::size_t server = 0;
      for (std::size_t k = 1; k < free_at_.size(); ++k)
        if (free_at_[k] < free_at_[server]) server = k;
      const Waiting first = waiting_.front();
      const double start = first.at > free_at_[server] ? first.at : free_at_[server];
      if (start > t) return;
      const double length = duration(first.who);
      free_at_[server] = start + (length > 0.0 ? length : 0.0);
      calls.push_back({first.who, start, free_at_[server]});
      waiting_.pop_front();
    }
  }

  std::size_t waiting() const { return waiting_.size(); }
  std::size_t servers() const { return free_at_.size(); }

 private:
  struct Waiting {
    std::uint32_t who;
    double at;
  };
  std::deque<Waiting> waiting_;
  std::vector<double> free_at_;  // [s] when each server is free again
};

}  // namespace campusflow
