// The Jülich corridor runs simulated with the default model (the
// collision-free speed model) and its default parameters match the
// experiments (analysis/verification/validation_juelich.cpp). The social
// force model's figures are reported by `campusflow verify`.
#include "verification/catalogue_check.hpp"

using campusflow::test::check_case;

TEST_CASE("Jülich uo-050-180-180 with default parameters", "[validation][juelich]") {
  check_case("juelich-uo-050-180-180-cfsm");
}
TEST_CASE("Jülich uo-100-180-180 with default parameters", "[validation][juelich]") {
  check_case("juelich-uo-100-180-180-cfsm");
}
TEST_CASE("Jülich uo-145-180-180 with default parameters", "[validation][juelich]") {
  check_case("juelich-uo-145-180-180-cfsm");
}
TEST_CASE("Jülich uo-180-180-095 with default parameters", "[validation][juelich]") {
  check_case("juelich-uo-180-180-095-cfsm");
}
