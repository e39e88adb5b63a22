#pragma once
// Scenario errors, collected all at once (SUMO checkOptions, MuJoCo compiler).
// Each names the file, the JSON path, the offending value and the rule:
//   school.json: levels[1].exits[3].width: -1 must be > 0
#include <string>
#include <vector>

namespace campusflow {

struct Diagnostic {
  std::string path;   // JSON path, e.g. "levels[1].exits[3].width"; empty for the whole file
  std::string value;  // the offending value as written (JSON text), may be empty
  std::string rule;   // what is wrong, e.g. "must be > 0"
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  void error(std::string path, std::string value, std::string rule) {
    items_.push_back({std::move(path), std::move(value), std::move(rule)});
  }

  // Adds to the rule of item `index`: "(set by --set /settings/dt)".
  void append_to_rule(std::size_t index, const std::string& text) { items_.at(index).rule += text; }

  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  const std::string& file() const { return file_; }

  // "file: path: value rule", leaving out empty parts.
  std::string format(const Diagnostic& d) const {
    std::string s = file_ + ": ";
    if (!d.path.empty()) s += d.path + ": ";
    if (!d.value.empty()) s += d.value + " ";
    return s + d.rule;
  }

  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    out.reserve(items_.size());
    for (const Diagnostic& d : items_) out.push_back(format(d));
    return out;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

}  // namespace campusflow
