#include "app/options.hpp"

#include <cctype>
#include <iostream>

#include "app/exit_codes.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/output_folder.hpp"


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

namespace {
// Whether a and b name the same file (both exist).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code error;
  return std::filesystem::equivalent(a, b, error) && !error;
}
}  // namespace

std::string output_file_refusal(const std::filesystem::path& output, const std::filesystem::path& input,
                                const char* what) {
  if (output.empty()) return "no file name given";
  if (same_file(output, input) || same_file(output.string() + ".partial", input))
    return std::string("will not write over the ") + what + " " + input.string() + " (" + output.string() + ")";
  try {
    io::check_output_name(output);
  } catch (const io::IoError& e) {
    return e.what();
  }
  return {};
}

std::string output_folder_refusal(const std::filesystem::path& output) {
  if (output.empty()) return "no folder name given";
  try {
    io::check_output_folder(output);
  } catch (const io::IoError& e) {
    return e.what();
  }
  return {};
}

std::string file_name_from(const std::string& name) {
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    const bool bad = u < 0x20 || u == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
                     c == '"' || c == '<' || c == '>' || c == '|' || (out.empty() && c == '.');
    out += bad ? '_' : c;
  }
  if (out.size() > 120) {
    std::size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? "result" : out;
}

}  // namespace campusflow::cli
