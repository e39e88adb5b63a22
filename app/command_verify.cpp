// campusflow verify: runs the verification and validation catalogue
// (analysis/verification) and prints a pass/fail table with the measured
// figures, the report planners attach to a safety file.
#include <boost/program_options.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "analysis/verification/verification_case.hpp"
#include "app/commands.hpp"
#include "app/exit_codes.hpp"

namespace campusflow::cli {

namespace {

bool selected(const verification::Case& c, const std::vector<std::string>& tags, const std::vector<std::string>& ids) {
  if (!ids.empty()) return std::find(ids.begin(), ids.end(), c.id) != ids.end();
  return tags.empty() || std::find(tags.begin(), tags.end(), c.tag) != tags.end();
}

// A Markdown row: cells must not contain the separator.
std::string cell(std::string s) {
  for (char& ch : s)
    if (ch == '|') ch = '/';
  return s;
}

}  // namespace

int verify_command(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description opts("campusflow verify [--tag TAG]... [--case ID]... [--list] [--markdown FILE]");
  opts.add_options()("help,h", "show this help")(
      "tag", po::value<std::vector<std::string>>()->default_value({}, ""), "only cases with this tag: rimea, imo, iso, validation")(
      "case", po::value<std::vector<std::string>>()->default_value({}, ""), "only this case (repeatable)")(
      "list", "list the cases without running them")(
      "markdown", po::value<std::string>(), "also write the table as Markdown to FILE");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(opts).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "campusflow verify: " << e.what() << "\n\n" << opts;
    return kBadInput;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return kOk;
  }
  const auto tags = vm["tag"].as<std::vector<std::string>>();
  const auto ids = vm["case"].as<std::vector<std::string>>();
  for (const std::string& id : ids) {
    try {
      verification::find_case(id);
    } catch (const std::out_of_range& e) {
      std::cerr << "campusflow verify: " << e.what() << " (campusflow verify --list names them)\n";
      return kBadInput;
    }
  }
  std::vector<const verification::Case*> cases;
  for (const verification::Case& c : verification::all_cases())
    if (selected(c, tags, ids)) cases.push_back(&c);
  if (cases.empty()) {
    std::cerr << "campusflow verify: no case has the tag given\n";
    return kBadInput;
  }
  if (vm.count("list")) {
    for (const verification::Case* c : cases)
      std::printf("%-32s %-10s %s\n", c->id.c_str(), c->tag.c_str(), c->title.c_str());
    return kOk;
  }

  std::string markdown = "| case | set-up | criterion | measured | result |\n|---|---|---|---|---|\n";
  std::size_t failed = 0;
  for (const verification::Case* c : cases) {
    const auto start = std::chrono::steady_clock::now();
    verification::Outcome o;
    try {
      o = c->run();
    } catch (const std::exception& e) {
      o = {false, std::string("error: ") + e.what()};
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    failed += o.pass ? 0 : 1;
    std::printf("%-4s %-32s %s\n     criterion: %s\n     measured:  %s  [%.1f s]\n", o.pass ? "PASS" : "FAIL",
                c->id.c_str(), c->title.c_str(), c->criterion.c_str(), o.measured.c_str(), seconds);
    std::fflush(stdout);
    markdown += "| " + c->id + " | " + cell(c->title) + " | " + cell(c->criterion) + " | " + cell(o.measured) + " | " +
                (o.pass ? "pass" : "**fail**") + " |\n";
  }
  std::printf("\n%zu of %zu cases pass\n", cases.size() - failed, cases.size());
  if (vm.count("markdown")) {
    std::ofstream out(vm["markdown"].as<std::string>());
    out << markdown;
    if (!out) {
      std::cerr << "campusflow verify: cannot write " << vm["markdown"].as<std::string>() << "\n";
      return kRunFailed;
    }
  }
  return failed == 0 ? kOk : kRunFailed;
}

}  // namespace campusflow::cli
