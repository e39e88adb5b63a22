#pragma once
// A discrete-event queue keyed by (time, sequence). The sequence number is
// the order of scheduling, so events due at the same microsecond run
// first-in, first-out by rule, never by the heap's whim (ns-3 EventKey).
#include <cstdint>
#include <optional>
#include <queue>
#include <vector>

#include "sim/core/time.hpp"

namespace campusflow {

template <class Event>
class EventQueue {
 public:
  struct Entry {
    TimeUs time;
    std::uint64_t sequence;
    Event event;
  };

  void schedule(TimeUs time, Event event) {
    heap_.push(Entry{time, next_sequence_++, std::move(event)});
  }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }

  // Time of the earliest event; only valid when not empty.
  TimeUs next_time() const { return heap_.top().time; }

  // Removes and returns the earliest event if it is due at or before `until`.
  std::optional<Entry> pop_due(TimeUs until) {
    if (heap_.empty() || heap_.top().time > until) return std::nullopt;
    Entry e = heap_.top();
    heap_.pop();
    return e;
  }

 private:
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      if (a.time != b.time) return a.time > b.time;
      return a.sequence > b.sequence;
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, Later> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace campusflow
