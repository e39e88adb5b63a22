// Output folders (sim/io/output_folder.hpp) refuse names that name no folder
// of their own: the root has no parent beside which its .partial could
// stand, and stripping separators from "/" never ends (a hang once).
#include <catch2/catch.hpp>
#include <filesystem>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/output_folder.hpp"

using namespace campusflow::io;

TEST_CASE("the root of the file system is refused as an output folder, at once", "[io][output]") {
  for (const char* root : {"/", "//", "///"}) {
    INFO(root);
    CHECK_THROWS_WITH(check_output_folder(root), Catch::Contains("the root of the file system"));
    CHECK_THROWS_WITH(OutputFolder(root), Catch::Contains("the root of the file system"));
  }
  CHECK_THROWS_WITH(OutputFolder(""), "no output folder given");
  // "out/" still names "out": its .partial stands beside it.
  const std::filesystem::path base = std::filesystem::temp_directory_path() / "campusflow-folder-test";
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  {
    OutputFolder folder((base / "out/").string());
    CHECK(folder.final_path() == base / "out");
    CHECK(folder.partial_path() == std::filesystem::path((base / "out").string() + ".partial"));
  }
  std::filesystem::remove_all(base);
}
