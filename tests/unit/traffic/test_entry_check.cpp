// The morning entry check at the gate (晨检): a queue with several servers.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "gate_street.hpp"
#include "sim/core/random.hpp"
#include "sim/traffic/entry_queue.hpp"
#include "street_run.hpp"

using namespace campusflow;

namespace {

// Erlang C: the probability that an arrival waits in an M/M/c queue with
// offered load a = lambda / mu (a < c), and the mean wait in line,
// Wq = C(c, a) / (c mu - lambda) (Kleinrock, Queueing Systems I, 1975, §3.5).
double erlang_c_wait(int c, double lambda, double mu) {
  const double a = lambda / mu;
  double term = 1.0, sum = 0.0;  // a^k / k!
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double tail = term * c / (c - a);
  return tail / (sum + tail) / (c * mu - lambda);
}

// The gate street with pupils walking in at `rate` per hour during
// [0, until) and `servers` staff checking each in a constant 20 s until
// `check_to`.
StreetSpec walk_ins_checked(double rate, double until, WalkInFlowSpec where, std::uint32_t servers,
                            double check_to = 1e9) {
  StreetSpec spec = test::gate_street(test::lay_by());
  where.rate = rate;
  where.from = 0.0;
  where.to = until;
  spec.walk_in_flows.push_back(where);
  EntryCheckSpec check;
  check.servers = servers;
  check.service = Distribution::constant(20.0);
  check.to = check_to;
  spec.gates[0].entry_check = check;
  return spec;
}

}  // namespace

TEST_CASE("The entry queue is M/M/c: Poisson arrivals to 4 servers wait Erlang C's mean", "[traffic][entry]") {
  // 1,000,000 pupils arrive as a Poisson process of rate lambda = 0.1/s and
  // 4 staff check each in an exponential time of mean 30 s (mu = 1/30 s):
  // offered load 3, utilisation 0.75. Expected: the mean wait in line
  // within 10 % of Erlang C's 15.28 s (Kleinrock 1975, §3.5; with a million
  // pupils the sample's own spread is about 1 %), and the fraction that
  // waits at all within 10 % of C(4, 3) = 0.509.
  const double lambda = 0.1, mu = 1.0 / 30.0;
  const double expected = erlang_c_wait(4, lambda, mu);
  REQUIRE(expected == Approx(15.283).epsilon(0.001));
  const RandomStream arrivals(7, RandomPurpose::kTest, 1), checks(7, RandomPurpose::kTest, 2);
  const Distribution exponential{DistributionKind::kGamma, 1.0, 1.0 / mu};  // gamma of shape 1
  EntryQueue queue(4);
  std::vector<CheckCall> calls;
  std::vector<double> joined;
  constexpr std::uint32_t kPupils = 1000000;
  double t = 0.0;
  for (std::uint32_t k = 0; k < kPupils; ++k) {
    t += -std::log(1.0 - arrivals.uniform01(k)) / lambda;
    // Everyone who could be called before this arrival is called first.
    queue.call(t, [&](std::uint32_t who) { return exponential.sample(checks, who); }, calls);
    queue.join(k, t);
    joined.push_back(t);
  }
  queue.call(1e300, [&](std::uint32_t who) { return exponential.sample(checks, who); }, calls);
  REQUIRE(calls.size() == kPupils);
  double waited = 0.0;
  std::size_t waiting = 0;
  for (std::size_t k = 0; k < calls.size(); ++k) {
    REQUIRE(calls[k].who == k);  // first come, first served
    const double wait = calls[k].start - joined[k];
    REQUIRE(wait >= 0.0);
    waited += wait;
    waiting += wait > 0.0;
  }
  const double mean = waited / kPupils;
  INFO("mean wait " << mean << " s, Erlang C " << expected << " s; waiting " << static_cast<double>(waiting) / kPupils);
  CHECK(mean == Approx(expected).epsilon(0.10));
  CHECK(static_cast<double>(waiting) / kPupils == Approx(0.5094).epsilon(0.10));
}

TEST_CASE("Pupils reaching the gate wait for the entry check, first come, first served", "[traffic][entry]") {
  // Pupils walk in at 288 per hour for 2 h and 2 staff check each in a
  // constant 20 s: utilisation 0.8. Expected: every pupil at school when
  // their check ends, called in the order they reached the gate, none
  // called before a member of staff was free, and some waiting (the line
  // builds up at 0.8).
  const StreetSpec spec = walk_ins_checked(288.0, 7200.0, {0.0, 0.0, 0.0, 3, 140.0, 148.0}, 2);
  const CompiledStreet c = test::compile_or_fail(spec, 5);
  StreetSim sim(c, 5);
  test::run_street(sim, 9000.0);
  REQUIRE(sim.finished());
  std::vector<const Walker*> order;
  for (const Walker& w : sim.walkers()) order.push_back(&w);
  std::stable_sort(order.begin(), order.end(), [](const Walker* a, const Walker* b) { return a->queued < b->queued; });
  double last_start = 0.0, waited = 0.0;
  for (const Walker* w : order) {
    REQUIRE(w->queued >= 0.0);
    CHECK(w->check_start >= w->queued);
    CHECK(w->check_start >= last_start);  // first come, first served
    CHECK(w->check_end - w->check_start == 20.0);
    CHECK(w->arrival == w->check_end);
    last_start = w->check_start;
    waited += w->check_start - w->queued;
  }
  CHECK(order.size() > 500);
  CHECK(waited > 0.0);
}

TEST_CASE("Outside its hours the check holds nobody up", "[traffic][entry]") {
  // The same pupils; the check is held only in the first 10 minutes. Those
  // reaching the gate later arrive as they reach it, without a check.
  const StreetSpec spec = walk_ins_checked(360.0, 1800.0, {0.0, 0.0, 0.0, 3, 0.0, 120.0}, 1, 600.0);
  const CompiledStreet c = test::compile_or_fail(spec, 3);
  StreetSim sim(c, 3);
  test::run_street(sim, 7200.0);
  REQUIRE(sim.finished());
  std::size_t checked = 0, unchecked = 0;
  for (const Walker& w : sim.walkers()) {
    if (w.queued >= 0.0) {
      ++checked;
      CHECK(w.queued < 600.0);
      CHECK(w.check_end - w.check_start == 20.0);
    } else {
      ++unchecked;
      CHECK(w.arrival >= 600.0);
    }
  }
  CHECK(checked > 20);
  CHECK(unchecked > 100);
}
