#include "app/options.hpp"

#include <iostream>

#include "app/exit_codes.hpp"

namespace campusflow::cli {

int parse_command_line(const char* command, const std::vector<std::string>& args,
                       const boost::program_options::options_description& visible,
                       boost::program_options::variables_map& vm) {
  namespace po = boost::program_options;
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>(), "scenario file");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "campusflow " << command << ": " << e.what() << "\n\n" << visible;
    return kBadInput;
  }
  if (vm.count("help")) {
    std::cout << visible;
    return kOk;
  }
  if (!vm.count("scenario")) {
    std::cerr << "campusflow " << command << ": missing SCENARIO\n\n" << visible;
    return kBadInput;
  }
  return -1;
}

}  // namespace campusflow::cli
