#include "app/options.hpp"

#include <cctype>
#include <iostream>

#include "app/exit_codes.hpp"

namespace campusflow::cli {

int parse_command_line(const char* command, const std::vector<std::string>& args,
                       const boost::program_options::options_description& visible,
                       boost::program_options::variables_map& vm, const char* positional) {
  namespace po = boost::program_options;
  std::string key(positional);
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  po::options_description hidden;
  hidden.add_options()(key.c_str(), po::value<std::string>(), positional);
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positionals;
  positionals.add(key.c_str(), 1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positionals).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "campusflow " << command << ": " << e.what() << "\n\n" << visible;
    return kBadInput;
  }
  if (vm.count("help")) {
    std::cout << visible;
    return kOk;
  }
  if (!vm.count(key)) {
    std::cerr << "campusflow " << command << ": missing " << positional << "\n\n" << visible;
    return kBadInput;
  }
  return -1;
}

}  // namespace campusflow::cli
