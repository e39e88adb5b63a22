#include <catch2/catch.hpp>
#include "sim/scenario/parse_scenario.hpp"
TEST_CASE("placeholder") { campusflow::Diagnostics d("x"); CHECK(!campusflow::parse_scenario("", d)); }
