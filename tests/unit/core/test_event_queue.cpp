#include <catch2/catch.hpp>
#include <vector>

#include "sim/core/event_queue.hpp"
#include "sim/core/random.hpp"

using namespace campusflow;

TEST_CASE("events due at the same time run in the order they were scheduled", "[core][events]") {
  // 10,000 events spread over only 7 distinct times: most ties. Popping must
  // give times in ascending order and, within a time, scheduling order.
  EventQueue<int> q;
  const RandomStream rng(42, RandomPurpose::kTest, 0);
  std::vector<TimeUs> time_of;
  for (int k = 0; k < 10000; ++k) {
    const TimeUs t = static_cast<TimeUs>(rng.bits(static_cast<std::uint64_t>(k)) % 7) * 50'000;
    time_of.push_back(t);
    q.schedule(t, k);
  }
  TimeUs last_time = -1;
  int last_id = -1;
  int popped = 0;
  while (auto e = q.pop_due(1'000'000)) {
    REQUIRE(e->time == time_of[static_cast<std::size_t>(e->event)]);
    REQUIRE(e->time >= last_time);
    if (e->time == last_time) REQUIRE(e->event > last_id);
    last_time = e->time;
    last_id = e->event;
    ++popped;
  }
  REQUIRE(popped == 10000);
}

TEST_CASE("pop_due leaves later events in the queue", "[core][events]") {
  EventQueue<char> q;
  q.schedule(300, 'c');
  q.schedule(100, 'a');
  q.schedule(200, 'b');
  REQUIRE(q.pop_due(150)->event == 'a');
  REQUIRE_FALSE(q.pop_due(150).has_value());
  REQUIRE(q.next_time() == 200);
  REQUIRE(q.size() == 2);
}

TEST_CASE("time converts between seconds and integer microseconds", "[core][time]") {
  // 0.05 s is not exact in binary; rounding must still give 50,000 us.
  REQUIRE(seconds_to_us(0.05) == 50'000);
  REQUIRE(seconds_to_us(1e-7) == 0);
  REQUIRE(us_to_seconds(1'500'000) == 1.5);
  TimeUs t = 0;
  for (int k = 0; k < 20000; ++k) t += seconds_to_us(0.05);
  REQUIRE(t == 1000 * kMicrosPerSecond);  // no drift after 1000 s of ticks
}
