#pragma once
// Variants of a scenario without editing its file: JSON Pointer (RFC 6901)
// settings applied to the scenario's document before it is read. They come
// from `--set POINTER=VALUE`, from a named variant in the file itself
// (top-level "variants": a name and its settings) and from a study's factors.
// The patched document is then checked like any file, so a value set from
// the command line meets the same rules, and its errors name the setting.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/diagnostics.hpp"

namespace campusflow {

struct ScenarioPatch {
  std::string pointer;        // RFC 6901: "/settings/seed", "/levels/0/exits/1/width", "/events/-" appends
  boost::json::value value;   // replaces (or adds) what the pointer names
  std::string origin;         // who set it, for messages: "--set /settings/seed", "variants[1].set[\"/x\"]"
};

// Which scenario to run: the file's base, one of its named variants, and
// further settings applied after the variant's, in order.
struct ScenarioVariant {
  std::string variant;               // a name from the file's "variants"; empty: the base scenario
  std::vector<ScenarioPatch> sets;

  bool empty() const { return variant.empty() && sets.empty(); }
};

// A setting as applied: its place as messages write it, so that an error the
// checks find under it can say which setting put the value there.
struct AppliedPatch {
  ScenarioPatch patch;
  std::string path;  // "settings.dt"
};

// "POINTER=VALUE" from the command line, VALUE being JSON (a string needs its
// quotes: --set '/name="x"'). nullopt and `error` set when it is not.
std::optional<ScenarioPatch> parse_set_argument(std::string_view argument, std::string& error);

// The settings as a JSON array [{"pointer": ..., "value": ...}, ...], as a
// result records them (empty text when there are none).
std::string describe_patches(const std::vector<ScenarioPatch>& patches);
std::string describe_patches(const std::vector<AppliedPatch>& applied);

// Applies `variant` to `root`, the file's document: the named variant's
// settings first, then `variant.sets`. A pointer that names nothing, a
// variant the file lacks or a value set over the whole document is reported
// to `diags` (its path the setting's origin) and skipped.
std::vector<AppliedPatch> apply_variant(boost::json::value& root, const ScenarioVariant& variant, Diagnostics& diags);

// Adds " (set by ORIGIN)" to each error from index `from` on whose path is
// at or under a path a setting set (the last such setting).
void name_settings_in_errors(Diagnostics& diags, std::size_t from, const std::vector<AppliedPatch>& applied);

// The names of the file's variants, in order (entries without a name skipped).
std::vector<std::string> variant_names(const boost::json::value& root);

}  // namespace campusflow
