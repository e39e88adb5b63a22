#include "app/options.hpp"

#include <iostream>

#include "app/exit_codes.hpp"

namespace campusflow::cli {

int parse_command_line(const std::vector<std::string>& args,
                       const boost::program_options::options_description& visible,
                       const boost::program_options::options_description& hidden,
                       boost::program_options::variables_map& vm) {
  namespace po = boost::program_options;
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "campusflow: " << e.what() << "\n\n" << visible;
    return kBadInput;
  }
  if (vm.count("help")) {
    std::cout << visible;
    return kOk;
  }
  return -1;
}

}  // namespace campusflow::cli
