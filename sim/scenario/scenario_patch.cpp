#include "sim/scenario/scenario_patch.hpp"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "sim/scenario/json_reader.hpp"
#include "sim/scenario/json_scan.hpp"

namespace campusflow {

namespace {

namespace json = boost::json;
using scenario_parse::index_path;
using scenario_parse::key_path;

// RFC 6901 reference tokens: "~1" is '/', "~0" is '~'; any other '~' is an error.
std::optional<std::vector<std::string>> split_pointer(std::string_view pointer, std::string& error) {
  if (pointer.empty()) return std::vector<std::string>{};
  if (pointer.front() != '/') {
    error = "a JSON pointer starts with '/' (e.g. /settings/seed)";
    return std::nullopt;
  }
  std::vector<std::string> tokens(1);
  for (std::size_t i = 1; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      tokens.emplace_back();
    } else if (c == '~') {
      const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
      if (next != '0' && next != '1') {
        error = "'~' in a JSON pointer must be followed by 0 ('~') or 1 ('/')";
        return std::nullopt;
      }
      tokens.back() += next == '0' ? '~' : '/';
      ++i;
    } else {
      tokens.back() += c;
    }
  }
  return tokens;
}

// An array index as RFC 6901 writes it: digits without a leading zero.
std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  std::size_t index = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return index;
}

const char* kind_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object: return "an object";
    case json::kind::array: return "a list";
    case json::kind::string: return "a string";
    case json::kind::bool_: return "true or false";
    case json::kind::null: return "null";
    default: return "a number";
  }
}

// "has no member ..." with the nearest member's name, or all of them.
std::string no_member_rule(const std::string& here, const json::object& o, const std::string& token) {
  std::vector<std::string_view> keys;
  for (const auto& member : o) keys.push_back(member.key());
  std::string rule = here + " has no member \"" + token + "\"";
  if (const auto near = scenario_parse::closest(token, keys)) return rule + "; did you mean \"" + std::string(*near) + "\"?";
  if (keys.empty()) return rule + " (it has none)";
  std::string list;
  for (std::size_t k = 0; k < keys.size() && k < 12; ++k) list += (k ? ", " : "") + std::string(keys[k]);
  return rule + " (its members: " + list + (keys.size() > 12 ? ", ...)" : ")");
}

// "levels has 2 entries; "9" is not an index from 0 to 1".
std::string bad_index_rule(const std::string& here, const json::array& a, const std::string& token) {
  if (a.empty()) return here + " is an empty list; \"" + token + "\" names nothing in it";
  return here + " has " + std::to_string(a.size()) + (a.size() == 1 ? " entry" : " entries") + "; \"" + token +
         "\" is not an index from 0 to " + std::to_string(a.size() - 1);
}

// What a pointer names in the document: the container holding it and how.
struct Target {
  json::value* parent = nullptr;  // an object or array
  std::string key;                // the last token
  std::string path;               // the message path of the target
};

// Walks to the parent of the last token; every step must exist. Returns the
// rule when it does not.
std::optional<Target> find_target(json::value& root, const std::vector<std::string>& tokens, std::string& rule) {
  json::value* at = &root;
  std::string path;
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    const std::string& token = tokens[k];
    const std::string here = path.empty() ? "the scenario" : path;
    if (json::object* o = at->if_object()) {
      json::value* next = o->if_contains(token);
      if (!next) {
        rule = no_member_rule(here, *o, token);
        return std::nullopt;
      }
      path = key_path(path, token);
      at = next;
    } else if (json::array* a = at->if_array()) {
      const auto index = array_index(token);
      if (!index || *index >= a->size()) {
        rule = bad_index_rule(here, *a, token);
        return std::nullopt;
      }
      path = index_path(path, *index);
      at = &(*a)[*index];
    } else {
      rule = here + " is " + kind_of(*at) + "; \"" + token + "\" names nothing inside it";
      return std::nullopt;
    }
  }
  return Target{at, tokens.back(), path};
}

// Sets the value; the message path of what was set, or nullopt and the rule.
std::optional<std::string> set_at(json::value& root, const ScenarioPatch& patch, std::string& rule) {
  const auto tokens = split_pointer(patch.pointer, rule);
  if (!tokens) return std::nullopt;
  if (tokens->empty()) {
    rule = "names the whole scenario; name a member, e.g. /settings/seed";
    return std::nullopt;
  }
  auto target = find_target(root, *tokens, rule);
  if (!target) return std::nullopt;
  const std::string here = target->path.empty() ? "the scenario" : target->path;
  if (json::object* o = target->parent->if_object()) {
    // A new member is allowed: an optional key left out of the file. An
    // unknown one is then reported by the checks, as in a file.
    (*o)[target->key] = patch.value;
    return key_path(target->path, target->key);
  }
  if (json::array* a = target->parent->if_array()) {
    if (target->key == "-") {  // RFC 6901: the element after the last
      a->push_back(patch.value);
      return index_path(target->path, a->size() - 1);
    }
    const auto index = array_index(target->key);
    if (!index || *index >= a->size()) {
      rule = bad_index_rule(here, *a, target->key) + " (\"-\" appends)";
      return std::nullopt;
    }
    (*a)[*index] = patch.value;
    return index_path(target->path, *index);
  }
  rule = here + " is " + kind_of(*target->parent) + "; \"" + target->key + "\" names nothing inside it";
  return std::nullopt;
}

// The file's variant `name`: its settings, with their origins.
std::optional<std::vector<ScenarioPatch>> file_variant(const json::value& root, const std::string& name,
                                                       Diagnostics& diags) {
  const json::object* top = root.if_object();
  const json::value* list = top ? top->if_contains("variants") : nullptr;
  if (list && list->is_array()) {
    for (std::size_t i = 0; i < list->get_array().size(); ++i) {
      const json::object* v = list->get_array()[i].if_object();
      const json::value* n = v ? v->if_contains("name") : nullptr;
      if (!n || !n->is_string() || n->get_string() != name) continue;
      std::vector<ScenarioPatch> out;
      const json::value* set = v->if_contains("set");
      if (set && set->is_object())
        for (const auto& member : set->get_object())
          out.push_back({std::string(member.key()), member.value(),
                         key_path(index_path("variants", i) + ".set", member.key())});
      return out;
    }
  }
  const std::vector<std::string> names = variant_names(root);
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string rule = names.empty() ? "names no variant: the scenario has no \"variants\""
                                   : scenario_parse::unknown_name_rule(name, views, "variant", true);
  diags.error("--variant", "\"" + scenario_parse::shorten(name) + "\"", rule);
  return std::nullopt;
}

}  // namespace

std::optional<ScenarioPatch> parse_set_argument(std::string_view argument, std::string& error) {
  const std::size_t eq = argument.find('=');
  if (eq == std::string_view::npos) {
    error = "--set " + std::string(argument) + ": write POINTER=VALUE, e.g. --set /settings/seed=7";
    return std::nullopt;
  }
  ScenarioPatch patch;
  patch.pointer = std::string(argument.substr(0, eq));
  patch.origin = "--set " + patch.pointer;
  if (!split_pointer(patch.pointer, error)) {
    error = patch.origin + ": " + error;
    return std::nullopt;
  }
  const std::string_view text = argument.substr(eq + 1);
  json::parser parser(json::storage_ptr(), scenario_parse::scenario_json_options());
  json::error_code ec;
  parser.write(text.data(), text.size(), ec);  // the whole text, one value
  if (ec) {
    error = patch.origin + ": " + (text.empty() ? std::string("no value") : "'" + std::string(text) + "'") +
            " is not JSON; the value is JSON: a number, true, false, a string in double quotes "
            "(--set '/name=\"x\"'), a list or an object";
    return std::nullopt;
  }
  patch.value = parser.release();
  return patch;
}

std::string describe_patches(const std::vector<ScenarioPatch>& patches) {
  if (patches.empty()) return {};
  json::array out;
  for (const ScenarioPatch& p : patches) out.push_back(json::object{{"pointer", p.pointer}, {"value", p.value}});
  return json::serialize(out);
}

std::string describe_patches(const std::vector<AppliedPatch>& applied) {
  std::vector<ScenarioPatch> patches;
  for (const AppliedPatch& a : applied) patches.push_back(a.patch);
  return describe_patches(patches);
}

void name_settings_in_errors(Diagnostics& diags, std::size_t from, const std::vector<AppliedPatch>& applied) {
  for (std::size_t i = from; i < diags.size(); ++i) {
    const std::string& path = diags.items()[i].path;
    for (auto it = applied.rbegin(); it != applied.rend(); ++it) {  // the last setting wins
      const std::string& set = it->path;
      const bool under = path.starts_with(set) &&
                         (path.size() == set.size() || path[set.size()] == '.' || path[set.size()] == '[');
      if (!under) continue;
      diags.append_to_rule(i, " (set by " + it->patch.origin + ")");
      break;
    }
  }
}

std::vector<std::string> variant_names(const json::value& root) {
  std::vector<std::string> names;
  const json::object* top = root.if_object();
  const json::value* list = top ? top->if_contains("variants") : nullptr;
  if (!list || !list->is_array()) return names;
  for (const json::value& v : list->get_array()) {
    const json::object* o = v.if_object();
    const json::value* n = o ? o->if_contains("name") : nullptr;
    if (n && n->is_string() && !n->get_string().empty()) names.emplace_back(n->get_string());
  }
  return names;
}

std::vector<AppliedPatch> apply_variant(json::value& root, const ScenarioVariant& variant, Diagnostics& diags) {
  std::vector<ScenarioPatch> patches;
  if (!variant.variant.empty()) {
    auto from_file = file_variant(root, variant.variant, diags);
    if (!from_file) return {};
    patches = std::move(*from_file);
  }
  patches.insert(patches.end(), variant.sets.begin(), variant.sets.end());
  std::vector<AppliedPatch> applied;
  for (const ScenarioPatch& patch : patches) {
    std::string rule;
    if (auto path = set_at(root, patch, rule))
      applied.push_back({patch, std::move(*path)});
    else
      diags.error(patch.origin, "", rule);
  }
  return applied;
}

}  // namespace campusflow
