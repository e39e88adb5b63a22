// The program never crashes or hangs on input: 600 corrupted variants of a
// valid scenario (bytes replaced, cut, spliced with hostile tokens) must each
// either load or be refused with messages naming the file. Run under ASan and
// UBSan in CI, this also catches reads out of bounds and undefined behaviour.
#include <catch2/catch.hpp>
#include <string>

#include "sim/core/random.hpp"
#include "sim/scenario/load_scenario.hpp"

using namespace campusflow;

namespace {

const char* kBase = R"({
  "format": "campusflow-scenario/1", "name": "base",
  "settings": {"dt": 0.05, "time_limit": 60, "seed": 3, "output_fps": 10, "field_cell": 0.25},
  "model": {"type": "collision_free_speed", "time_gap": 1.0},
  "levels": [{"name": "room", "elevation": 0, "outline": [[0, 0], [8, 0], [8, 5], [0, 5]],
              "obstacles": [[[3, 2], [4, 2], [4, 3], [3, 3]]],
              "exits": [{"name": "door", "center": [8, 2.5], "width": 1.0},
                        {"name": "side", "segment": [[0, 1], [0, 2]]}]}],
  "groups": [{"name": "a", "level": "room", "profile": "primary", "count": 10,
              "spawn": [[0.5, 0.5], [2.5, 0.5], [2.5, 4.5], [0.5, 4.5]],
              "pre_movement": {"distribution": "uniform", "min": 10, "max": 100},
              "desired_speed": {"distribution": "normal", "mean": 1.2, "sd": 0.2}},
             {"name": "b", "level": "room", "positions": [[6, 1], [6, 4]]}]
})";

const char* kTokens[] = {"NaN", "-1", "1e999", "0", "\"x\"", "[", "]", "{", "}", ",", ":", "null", "true",
                         "-1e308", "4294967297", "[[0,0],[0,0]]", "\"\\u0000\"", "//", "/*", "\xff\xfe"};

std::string mutate(const std::string& base, std::uint64_t k) {
  const RandomStream rng(99, RandomPurpose::kTest, k);
  std::string s = base;
  const int edits = 1 + static_cast<int>(rng.bits(0) % 3);
  for (int e = 0; e < edits; ++e) {
    const auto idx = static_cast<std::uint32_t>(e);
    const std::size_t at = static_cast<std::size_t>(rng.bits(1, idx) % (s.size() + 1));
    switch (rng.bits(2, idx) % 4) {
      case 0: if (at < s.size()) s[at] = static_cast<char>(rng.bits(3, idx) % 256); break;
      case 1: s.resize(at); break;
      case 2: s.insert(at, kTokens[rng.bits(3, idx) % std::size(kTokens)]); break;
      default: {  // replace a number-like run with a hostile token
        std::size_t end = at;
        while (end < s.size() && (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.')) ++end;
        s.replace(at, end - at, kTokens[rng.bits(3, idx) % std::size(kTokens)]);
      }
    }
  }
  return s;
}

}  // namespace

TEST_CASE("corrupted scenarios load or are refused, never crash", "[scenario][robustness]") {
  REQUIRE(load_scenario_text(kBase, "base.json").errors.empty());
  int refused = 0;
  for (std::uint64_t k = 0; k < 600; ++k) {
    const std::string text = mutate(kBase, k);
    const LoadResult r = load_scenario_text(text, "mutant.json");
    INFO("mutant " << k << ":\n" << text);
    REQUIRE((r.scenario != nullptr) == r.errors.empty());
    for (const std::string& e : r.errors) REQUIRE(e.rfind("mutant.json: ", 0) == 0);
    refused += r.errors.empty() ? 0 : 1;
  }
  // Most corruptions must be caught; a few (a changed digit) stay valid.
  CHECK(refused > 300);
}
