#include "sim/scenario/data_files.hpp"

#include <system_error>

namespace campusflow {

std::variant<std::filesystem::path, std::string> resolve_data_file(const DataFiles& files,
                                                                   const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path given(name);
  const fs::path file = files.folder / given;
  if (files.outside) return file;
  static const std::string allow = " (allow it with --data-outside)";
  if (given.is_absolute()) return "is an absolute name; a data file must be in the scenario's folder" + allow;
  const fs::path lexical = given.lexically_normal();
  if (!lexical.empty() && *lexical.begin() == "..")
    return "leads out of the scenario's folder; a data file must be in it" + allow;
  // Through links: where the name really leads (what exists of it).
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(files.folder.empty() ? fs::path(".") : files.folder, ec);
  const fs::path real = ec ? fs::path() : fs::weakly_canonical(file, ec);
  if (ec) return "cannot be resolved (" + ec.message() + ")";
  const fs::path inside = real.lexically_relative(folder);
  if (inside.empty() || *inside.begin() == "..")
    return "leads out of the scenario's folder through a link; a data file must be in it" + allow;
  return file;
}

}  // namespace campusflow
