// campusflow compare A.h5 B.h5 [--csv FILE]: the differences of two runs,
// figure by figure (docs/export.md): the summary, the classes matched by
// name, the places (exits, stairs, doors) matched by name.
#include <boost/program_options.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analysis/result_figures.hpp"
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "sim/io/csv_file.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/result_reader.hpp"

namespace campusflow::cli {

namespace {

using analysis::Figure;
using Value = std::variant<std::monostate, double, std::int64_t, std::string>;  // monostate: not in that run

// One line of the comparison.
struct Line {
  std::string section;  // "summary", "class", "place"
  std::string item;     // the class or place; empty in the summary
  std::string metric;
  std::string unit;
  Value a, b;
  bool minus_one_never = false;
};

Value value_of(const Figure& f) {
  return std::visit([](const auto& v) { return Value(v); }, f.value);
}

std::optional<double> numeric(const Value& v) {
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

// B - A, where both are numbers and comparable: a time that one run never
// reached (-1) has no difference to one the other did; both never: 0.
Value difference(const Line& l) {
  if (std::holds_alternative<std::int64_t>(l.a) && std::holds_alternative<std::int64_t>(l.b))
    return std::get<std::int64_t>(l.b) - std::get<std::int64_t>(l.a);
  const std::optional<double> a = numeric(l.a), b = numeric(l.b);
  if (!a || !b) return {};
  if (l.minus_one_never && (*a == -1.0 || *b == -1.0)) return *a == *b ? Value(0.0) : Value();
  return *b - *a;
}

// (B - A) / A in percent; none where A is 0 or there is no difference.
std::optional<double> relative(const Line& l) {
  const std::optional<double> a = numeric(l.a), d = numeric(difference(l));
  if (!a || !d || *a == 0.0 || (l.minus_one_never && *a == -1.0)) return std::nullopt;
  return *d / *a * 100.0;
}

// On the console, numbers to 6 significant digits (62.0479, not
// 62.04789474076287); --csv keeps every digit.
std::string shown(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "-";
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const double* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  return io::csv_number(std::get<std::int64_t>(v));
}

std::string shown_difference(const Line& l) {
  const Value d = difference(l);
  if (!std::holds_alternative<std::monostate>(d)) return shown(d);
  const std::string* a = std::get_if<std::string>(&l.a);
  const std::string* b = std::get_if<std::string>(&l.b);
  if (a && b) return *a == *b ? "same" : "differs";
  return "-";
}

std::string shown_relative(const Line& l) {
  const std::optional<double> r = relative(l);
  if (!r) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f%%", *r);
  return buf;
}

// Figures of A and B matched by (name, place), in A's order, then those only in B.
void match(const char* section, const std::vector<Figure>& a, const std::vector<Figure>& b, std::vector<Line>& out) {
  std::vector<bool> used(b.size(), false);
  auto line = [&](const Figure& f) { return Line{section, f.place, f.name, f.unit, {}, {}, f.minus_one_never}; };
  for (const Figure& f : a) {
    Line l = line(f);
    l.a = value_of(f);
    for (std::size_t k = 0; k < b.size(); ++k) {
      if (used[k] || b[k].name != f.name || b[k].place != f.place) continue;
      l.b = value_of(b[k]);
      used[k] = true;
      break;
    }
    out.push_back(std::move(l));
  }
  for (std::size_t k = 0; k < b.size(); ++k) {
    if (used[k]) continue;
    Line l = line(b[k]);
    l.b = value_of(b[k]);
    out.push_back(std::move(l));
  }
}

std::vector<Figure> class_figures(const std::vector<analysis::ClassTimes>& classes) {
  std::vector<Figure> out;
  for (const analysis::ClassTimes& c : classes) {
    out.push_back({"agents", c.name, c.agents, "agents"});
    out.push_back({"start", c.name, c.start, "s", true});
    out.push_back({"cleared", c.name, c.cleared, "s", true});
    out.push_back({"assembled", c.name, c.assembled, "s", true});
  }
  return out;
}

// Names of classes that only one of the two runs has.
std::vector<std::string> only_in(const std::vector<analysis::ClassTimes>& x, const std::vector<analysis::ClassTimes>& y) {
  std::vector<std::string> out;
  for (const analysis::ClassTimes& c : x)
    if (std::none_of(y.begin(), y.end(), [&](const analysis::ClassTimes& d) { return d.name == c.name; }))
      out.push_back(c.name);
  return out;
}

// Why the two runs are not of the same building; empty when they seem to be.
std::string geometry_difference(const analysis::ResultFigures& a, const analysis::ResultFigures& b) {
  if (a.info.scenario_name != b.info.scenario_name)
    return "scenario names \"" + a.info.scenario_name + "\" and \"" + b.info.scenario_name + "\"";
  if (a.levels.size() != b.levels.size())
    return std::to_string(a.levels.size()) + " and " + std::to_string(b.levels.size()) + " levels";
  for (std::size_t k = 0; k < a.levels.size(); ++k)
    if (a.levels[k].wkt != b.levels[k].wkt || a.levels[k].elevation != b.levels[k].elevation)
      return "level " + std::to_string(k) + " (\"" + a.levels[k].name + "\") differs";
  return {};
}

void print_table(const std::vector<Line>& lines) {
  // Section, its title, the first column's header.
  const char* sections[][3] = {{"summary", "summary", "metric"}, {"class", "classes", "class"}, {"place", "places", "place"}};
  for (const auto& [section, title, first] : sections) {
    std::vector<std::vector<std::string>> rows;
    const bool by_item = std::string(section) != "summary";
    for (const Line& l : lines) {
      if (l.section != section) continue;
      std::vector<std::string> row;
      if (by_item) row.push_back(l.item);
      row.insert(row.end(), {l.metric, l.unit.empty() ? "-" : l.unit, shown(l.a), shown(l.b), shown_difference(l),
                             shown_relative(l)});
      rows.push_back(std::move(row));
    }
    if (rows.empty()) continue;
    std::vector<std::string> header = {first};
    if (by_item) header.push_back("metric");
    header.insert(header.end(), {"unit", "A", "B", "B-A", "(B-A)/A%"});
    rows.insert(rows.begin(), header);
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& row : rows)
      for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    std::cout << "\n" << title << "\n";
    for (const auto& row : rows) {
      std::string text = " ";
      for (std::size_t c = 0; c < row.size(); ++c)
        text += " " + row[c] + std::string(c + 1 < row.size() ? width[c] - row[c].size() : 0, ' ');
      std::cout << text << "\n";
    }
  }
}

void write_csv(const std::string& path, const std::vector<Line>& lines) {
  io::CsvFile csv(path);
  for (const char* h : {"section", "item", "metric", "unit", "a", "b", "b_minus_a", "relative_percent"}) csv.text(h);
  csv.end_row();
  auto cell = [&](const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) csv.empty();
    else if (const std::string* s = std::get_if<std::string>(&v)) csv.text(*s);
    else if (const double* d = std::get_if<double>(&v)) csv.number(*d);
    else csv.number(std::get<std::int64_t>(v));
  };
  for (const Line& l : lines) {
    csv.text(l.section).text(l.item).text(l.metric).text(l.unit);
    cell(l.a);
    cell(l.b);
    cell(difference(l));
    if (const std::optional<double> r = relative(l)) csv.number(*r);
    else csv.empty();
    csv.end_row();
  }
  csv.publish();
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow compare A.h5 B.h5 [--csv FILE]");
  opts.add_options()("help,h", "show this help")("csv", po::value<std::string>(), "also write the table as CSV");
  // Two positionals, so parse_command_line (one) does not fit.
  po::options_description hidden;
  hidden.add_options()("a", po::value<std::string>())("b", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description positionals;
  positionals.add("a", 1).add("b", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "campusflow compare: " << e.what() << "\n\n" << opts;
    return kBadInput;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return kOk;
  }
  if (!vm.count("b")) {
    std::cerr << "campusflow compare: give two results, A and B\n\n" << opts;
    return kBadInput;
  }
  const std::string path_a = vm["a"].as<std::string>(), path_b = vm["b"].as<std::string>();
  std::optional<std::string> csv;
  if (vm.count("csv")) {
    csv = vm["csv"].as<std::string>();
    for (const std::string& input : {path_a, path_b}) {
      if (const std::string why = output_file_refusal(*csv, input, "result"); !why.empty()) {
        std::cerr << "campusflow compare: --csv: " << why << "\n";
        return kBadInput;
      }
    }
  }
  analysis::ResultFigures a, b;
  try {
    const io::ResultReader reader_a(path_a), reader_b(path_b);
    reader_a.check();
    reader_b.check();
    a = analysis::result_figures(reader_a);
    b = analysis::result_figures(reader_b);
  } catch (const io::IoError& e) {  // ResultFormatError among them: one line naming the file
    std::cerr << "campusflow compare: " << e.what() << "\n";
    return kBadInput;
  }

  std::vector<Line> lines;
  match("summary", a.summary, b.summary, lines);
  match("class", class_figures(a.classes), class_figures(b.classes), lines);
  match("place", a.places, b.places, lines);

  auto describe = [](const char* label, const std::string& path, const io::RunInfo& info) {
    std::cout << label << ": " << path << "  scenario \"" << info.scenario_name << "\" (" << info.scenario_file
              << "), seed " << info.seed << ", campusflow " << info.version << "\n";
  };
  describe("A", path_a, a.info);
  describe("B", path_b, b.info);
  if (const std::string why = geometry_difference(a, b); !why.empty())
    std::cout << "warning: the two runs are of different buildings (" << why
              << "): their figures compare different geometries\n";
  print_table(lines);
  for (const auto& [label, names] : {std::pair{"A", only_in(a.classes, b.classes)}, {"B", only_in(b.classes, a.classes)}})
    if (!names.empty()) {
      std::cout << "classes only in " << label << ":";
      for (std::size_t k = 0; k < names.size(); ++k) std::cout << (k ? ", \"" : " \"") << names[k] << "\"";
      std::cout << "\n";
    }
  if (csv) {
    try {
      write_csv(*csv, lines);
      std::cout << "wrote " << *csv << "\n";
    } catch (const std::exception& e) {
      std::cerr << "campusflow compare: " << e.what() << "\n";
      return kRunFailed;
    }
  }
  return kOk;
}

}  // namespace campusflow::cli
