#pragma once
// Runs one case of the verification catalogue (analysis/verification) inside
// a Catch2 test: the case's criterion is the assertion, its figures the
// message.
#include <catch2/catch.hpp>
#include <string>

#include "analysis/verification/verification_case.hpp"

namespace campusflow::test {

inline void check_case(const std::string& id) {
  const verification::Case& c = verification::find_case(id);
  const verification::Outcome o = c.run();
  INFO(c.id << ": " << c.title << "\n  criterion: " << c.criterion << "\n  measured: " << o.measured);
  CHECK(o.pass);
}

}  // namespace campusflow::test
