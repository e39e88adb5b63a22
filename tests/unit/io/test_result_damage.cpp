// A result is untrusted input: a flipped bit in the stored data of any
// dataset, values that would index past a table, columns of another type,
// datasets of another shape or of an absurd size are each refused with a
// ResultFormatError naming the file, the dataset and the problem, rather
// than read as a wrong value, allocated blindly or crashing a renderer.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "io_test_support.hpp"
#include "sim/io/global_heap_check.hpp"
#include "sim/io/hdf5_objects.hpp"
#include "sim/io/result_reader.hpp"

using namespace campusflow::io;
using namespace campusflow::io::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The sample summary with a row in each of its tables, so that they all store data.
RunSummary with_every_table(RunSummary s) {
  s.classes = {{0, 0.0, 7.75, 7.75}};
  s.procedure.phases = {{"evacuation", 0.0, 12.5}};
  s.stuck = {{1, 0, 1.0, 0.5, 0.0, "door", 2.0, 4.0, "crowd"}};
  s.reroutes = {{0, 3.0, 0, 1.5, 0.5, 0.0, "door", "fallback", "side door"}};
  s.stair_names = {"stair"};
  s.stair_peak_density = {1.5};
  s.stair_peak_time = {3.0};
  return s;
}

// The tables of a small complete result, to be damaged before writing.
struct Tables {
  std::vector<TrajectoryRow> trajectory = {sample_row(0, 0), sample_row(1, 0), sample_row(2, 0),
                                           sample_row(0, 1), sample_row(1, 1), sample_row(2, 1)};
  std::vector<AgentRow> agents = sample_agents();  // groups and profiles 0 and 1, levels 0 and 1
  std::vector<ExitEventRow> exits = {{1, 0, 7.75}};
  std::vector<PlaceInfo> places = {{"door", "door", 0, 0.9}};
  std::vector<PassageRow> passages = {{1, 0, 3.5}};
  std::vector<DensityRow> density = {{1.0, 1, 0.5, 0.5, 2.0}};
  RunSummary summary = with_every_table(sample_summary());  // two exits
};

fs::path write(const std::string& name, const Tables& t) {
  const fs::path path = scratch(name);
  ResultWriter w(path, 10.0, sample_info(), sample_levels());
  w.write_places(t.places);
  w.append_frame(t.trajectory);
  for (const ExitEventRow& e : t.exits) w.append_exit_event(e);
  for (const PassageRow& p : t.passages) w.append_passage(p);
  w.append_density(t.density);
  const std::vector<std::string> groups = {"class 1a", "class 1b"}, profiles = {"adult", "child"};
  w.write_agents(t.agents, groups, profiles);
  w.finish(t.summary, 0.5);
  return path;
}

// Changes a written result through the HDF5 C API.
void edit(const fs::path& path, const std::function<void(hid_t)>& change) {
  const QuietHdf5Errors quiet;
  const Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
  REQUIRE(f.valid());
  change(f.get());
}

// Replaces the dataset `name` with `rows` of `type` (a 1-D table, or n x columns).
void replace(hid_t file, const char* name, hid_t type, std::size_t n, const void* rows, std::size_t columns = 1) {
  REQUIRE(H5Ldelete(file, name, H5P_DEFAULT) >= 0);
  const std::string path(name);
  const Handle parent(H5Oopen(file, path.substr(0, path.rfind('/') + 1).c_str(), H5P_DEFAULT), H5Oclose);
  write_rows(parent.get(), path.substr(path.rfind('/') + 1).c_str(), type, type, n, rows, columns);
}

// Where each dataset of the file keeps its first stored bytes.
struct Stored {
  std::string name;
  haddr_t offset;
  hsize_t size;
};

// Every dataset of the file, by path.
std::vector<std::string> dataset_names(hid_t file) {
  std::vector<std::string> names;
  H5Lvisit(file, H5_INDEX_NAME, H5_ITER_NATIVE,
           [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
             static_cast<std::vector<std::string>*>(data)->push_back(std::string("/") + name);
             return 0;
           },
           &names);
  std::erase_if(names, [&](const std::string& name) {
    const Handle object(H5Oopen(file, name.c_str(), H5P_DEFAULT), H5Oclose);
    return H5Iget_type(object.get()) != H5I_DATASET;
  });
  return names;
}

std::vector<Stored> stored_datasets(const fs::path& path) {
  const QuietHdf5Errors quiet;
  const Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  std::vector<Stored> out;
  for (const std::string& name : dataset_names(f.get())) {
    const Handle set(H5Dopen2(f.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
    const Handle space(H5Dget_space(set.get()), H5Sclose);
    hsize_t chunks = 0, offset[2] = {}, size = 0;
    unsigned mask = 0;
    haddr_t address = HADDR_UNDEF;
    if (H5Dget_num_chunks(set.get(), space.get(), &chunks) >= 0 && chunks > 0 &&
        H5Dget_chunk_info(set.get(), space.get(), 0, offset, &mask, &address, &size) >= 0)
      out.push_back({name, address, size});
    else if (H5Dget_storage_size(set.get()) > 0 && H5Dget_offset(set.get()) != HADDR_UNDEF)
      out.push_back({name, H5Dget_offset(set.get()), H5Dget_storage_size(set.get())});
  }
  return out;
}

void flip_bit(const fs::path& path, std::uint64_t offset) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  const char byte = static_cast<char>(file.get() ^ 0x10);
  file.seekp(static_cast<std::streamoff>(offset));
  file.put(byte);
}

}  // namespace

TEST_CASE("a flipped bit in the stored data of any dataset is refused, naming the dataset", "[io]") {
  const fs::path whole = write("flip-source.h5", Tables{});
  const std::vector<Stored> datasets = stored_datasets(whole);
  // Every table of the result has rows: only the street's are missing.
  REQUIRE(datasets.size() >= 30);
  for (const Stored& d : datasets) {
    INFO(d.name);
    const fs::path copy = scratch("flipped.h5");
    fs::copy_file(whole, copy);
    flip_bit(copy, d.offset + d.size / 2);
    const ResultReader r(copy);
    const auto read_all = [&] {
      r.check();
      (void)r.trajectory();
    };
    CHECK_THROWS_WITH(read_all(), Catch::Contains(copy.string() + " is corrupt: ") &&
                                      Catch::EndsWith(" in dataset " + d.name));
  }
}

TEST_CASE("the writer checksums every dataset, and the checksum leaves the values as they were", "[io]") {
  const fs::path path = write("checksummed.h5", Tables{});
  const QuietHdf5Errors quiet;
  const Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  const std::vector<std::string> names = dataset_names(f.get());
  CHECK(names.size() >= 44);  // empty ones included
  for (const std::string& name : names) {
    INFO(name);
    const Handle set(H5Dopen2(f.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
    const Handle props(H5Dget_create_plist(set.get()), H5Pclose);
    const Handle type(H5Dget_type(set.get()), H5Tclose);
    unsigned flags = 0, config = 0;
    std::size_t values = 0;
    // Fletcher32; text (variable length, where HDF5 refuses it) is deflated, and zlib checks its Adler-32.
    const H5Z_filter_t wanted = H5Tis_variable_str(type.get()) > 0 ? H5Z_FILTER_DEFLATE : H5Z_FILTER_FLETCHER32;
    CHECK(H5Pget_filter_by_id2(props.get(), wanted, &flags, &values, nullptr, 0, nullptr, &config) >= 0);
  }
  const ResultReader r(path);
  CHECK(r.trajectory() == Tables{}.trajectory);
  CHECK(r.agents() == sample_agents());
}

TEST_CASE("values that would index past a table or are not numbers are refused, naming row and field", "[io]") {
  struct Case {
    const char* name;
    std::function<void(Tables&)> damage;
    std::function<void(const ResultReader&)> read;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"nan-x", [](Tables& t) { t.trajectory[4].x = kNaN; }, [](const ResultReader& r) { (void)r.trajectory(); },
       ":/trajectory row 4: x is nan, not a finite number"},
      {"far-y", [](Tables& t) { t.trajectory[1].y = 1e300; }, [](const ResultReader& r) { (void)r.trajectory(); },
       ":/trajectory row 1: y is 1.0000000000000001e+300, farther than 2000000 m"},
      {"id-past", [](Tables& t) { t.trajectory[2].id = 3; }, [](const ResultReader& r) { (void)r.trajectory(); },
       ":/trajectory row 2: id is 3, past the last of the 3 in /campusflow/agents"},
      {"frame-negative", [](Tables& t) { t.trajectory[0].frame = -1; },
       [](const ResultReader& r) { (void)r.trajectory(); }, ":/trajectory row 0: frame is -1, outside 0 to"},
      {"profile-past", [](Tables& t) { t.agents[1].profile = 2; }, [](const ResultReader& r) { (void)r.agents(); },
       ":/campusflow/agents row 1: profile is 2, past the last of the 2 in /campusflow/profile_names"},
      {"level-past", [](Tables& t) { t.agents[2].level = 2; }, [](const ResultReader& r) { (void)r.agents(); },
       ":/campusflow/agents row 2: level is 2, past the last of the 2 in /campusflow/geometry"},
      {"exit-past", [](Tables& t) { t.exits[0].exit = 2; }, [](const ResultReader& r) { (void)r.exit_events(); },
       ":/campusflow/exit_events row 0: exit is 2, past the last of the 2 in /campusflow/summary/exit_names"},
      {"place-negative", [](Tables& t) { t.passages[0].place = -1; },
       [](const ResultReader& r) { (void)r.passages(); },
       ":/campusflow/passages row 0: place is -1, not an index into /campusflow/places"},
      {"density-level", [](Tables& t) { t.density[0].level = 7; }, [](const ResultReader& r) { (void)r.density(); },
       ":/campusflow/density row 0: level is 7, past the last of the 2 in /campusflow/geometry"},
      {"density-nan", [](Tables& t) { t.density[0].density = kNaN; },
       [](const ResultReader& r) { (void)r.density(); }, ":/campusflow/density row 0: density is nan"},
      {"class-group", [](Tables& t) { t.summary.classes = {{5, 0.0, 10.0, 12.0}}; },
       [](const ResultReader& r) { (void)r.classes(); },
       ":/campusflow/classes row 0: group is 5, past the last of the 2 in /campusflow/group_names"},
      {"place-level", [](Tables& t) { t.places[0].level = 4; }, [](const ResultReader& r) { (void)r.places(); },
       ":/campusflow/places row 0: level is 4, past the last of the 2 in /campusflow/geometry"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Tables t;
    c.damage(t);
    const fs::path path = write(std::string("bad-") + c.name + ".h5", t);
    const ResultReader r(path);
    CHECK_THROWS_WITH(c.read(r), Catch::StartsWith(path.string() + c.message));
    // The whole-file check finds it too (the trajectory is checked when read).
    if (std::string(c.message).find("/trajectory") == std::string::npos) CHECK_THROWS_AS(r.check(), ResultFormatError);
  }
}

TEST_CASE("columns of another type or datasets of another shape are refused, not converted", "[io]") {
  const fs::path path = write("retyped.h5", Tables{});
  edit(path, [](hid_t f) {
    // /trajectory with x as float32: HDF5 would widen it silently.
    const Handle type(H5Tcreate(H5T_COMPOUND, 36), H5Tclose);
    H5Tinsert(type.get(), "id", 0, H5T_STD_I64LE);
    H5Tinsert(type.get(), "frame", 8, H5T_STD_I64LE);
    H5Tinsert(type.get(), "x", 16, H5T_IEEE_F32LE);
    H5Tinsert(type.get(), "y", 20, H5T_IEEE_F64LE);
    H5Tinsert(type.get(), "z", 28, H5T_IEEE_F64LE);
    const std::vector<unsigned char> row(36, 0);
    replace(f, "/trajectory", type.get(), 1, row.data());
    const std::int64_t numbers[2] = {1, 2};  // names as numbers
    replace(f, "/campusflow/profile_names", H5T_STD_I64LE, 2, numbers);
    const double counts[2] = {1.0, 1.0};  // counts as floats
    replace(f, "/campusflow/summary/exit_counts", H5T_IEEE_F64LE, 2, counts);
    const std::int32_t levels[4] = {0, 0, 0, 0};  // a column as a 2 x 2 table
    replace(f, "/campusflow/places/level", H5T_STD_I32LE, 2, levels, 2);
  });
  const ResultReader r(path);
  const std::string file = path.string();
  CHECK_THROWS_WITH(r.trajectory(), file + ":/trajectory field 'x' holds floating-point numbers of 4 bytes, not "
                                           "floating-point numbers of 8 bytes");
  CHECK_THROWS_WITH(r.profile_names(), file + ":/campusflow/profile_names holds integers of 8 bytes, not text");
  CHECK_THROWS_WITH(r.summary(), file + ":/campusflow/summary/exit_counts holds floating-point numbers of 8 bytes, "
                                        "not integers of 8 bytes");
  CHECK_THROWS_WITH(r.places(), file + ":/campusflow/places/level has 2 dimensions, not 1");
}

TEST_CASE("a dataset claiming more rows than the file holds is refused before anything is allocated", "[io]") {
  const fs::path path = write("huge.h5", Tables{});
  edit(path, [](hid_t f) {
    // 10^12 rows (40 TB) in chunks that were never written: HDF5 would read them as zeros.
    REQUIRE(H5Ldelete(f, "/trajectory", H5P_DEFAULT) >= 0);
    const hsize_t rows[1] = {1000000000000ull}, chunk[1] = {4096};
    const Handle space(H5Screate_simple(1, rows, nullptr), H5Sclose);
    const Handle props(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    H5Pset_chunk(props.get(), 1, chunk);
    const CompoundTypes types = trajectory_types();
    const Handle set(H5Dcreate2(f, "/trajectory", types.file.get(), space.get(), H5P_DEFAULT, props.get(), H5P_DEFAULT),
                     H5Dclose);
    REQUIRE(set.valid());
  });
  CHECK_THROWS_WITH(ResultReader(path).trajectory(),
                    path.string() + ":/trajectory claims 1000000000000 rows (40000000000000 bytes) but the file stores "
                                    "0 bytes of it: damaged");
}

TEST_CASE("a number attribute is read only as the kind the format gives it", "[io]") {
  const fs::path path = write("attribute-kinds.h5", Tables{});
  edit(path, [](hid_t f) {
    const Handle cf(H5Gopen2(f, "/campusflow", H5P_DEFAULT), H5Gclose);
    write_attribute(cf.get(), "seed", 2.75);  // HDF5 would convert it to 2
  });
  CHECK_THROWS_WITH(ResultReader(path).run_info(), path.string() + ":/campusflow@seed is not an unsigned integer");
}

TEST_CASE("a dataset reached through an external link is refused, not followed", "[io]") {
  const fs::path path = write("linked.h5", Tables{});
  edit(path, [](hid_t f) {
    REQUIRE(H5Ldelete(f, "/campusflow/agents", H5P_DEFAULT) >= 0);
    REQUIRE(H5Lcreate_external("/etc/hostname", "/x", f, "/campusflow/agents", H5P_DEFAULT, H5P_DEFAULT) >= 0);
  });
  CHECK_THROWS_WITH(ResultReader(path).agents(),
                    path.string() + ": /campusflow/agents is a symbolic or external link; a result has none");
}

TEST_CASE("a flipped bit in an attribute's stored value is refused, not read as another value", "[io]") {
  // Attributes live in the object headers, which the file format the writer
  // chooses (HDF5 1.8's) checksums. The scenario's hash has bytes found
  // nowhere else in the file.
  const fs::path whole = write("attribute-source.h5", Tables{});
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string hash("\xEF\xCD\xAB\x89\x67\x45\x23\x01", 8);  // sample_info().scenario_hash, little-endian
  const std::size_t at = bytes.find(hash);
  REQUIRE(at != std::string::npos);
  REQUIRE(bytes.find(hash, at + 1) == std::string::npos);
  const fs::path copy = scratch("attribute-flipped.h5");
  fs::copy_file(whole, copy);
  flip_bit(copy, at + 3);
  const auto read_hash = [&] { return ResultReader(copy).run_info().scenario_hash; };
  CHECK_THROWS_WITH(read_hash(), Catch::StartsWith(copy.string() + " is corrupt: checksum mismatch in "));
}

TEST_CASE("a damaged global heap (the texts' storage, unchecksummed) is refused before libhdf5 walks it", "[io]") {
  // libhdf5 1.10 loops forever on a collection whose free space claims 0
  // bytes, and reads past one whose object claims more than it holds. The
  // reader walks every collection first (global_heap_check.hpp).
  const fs::path whole = write("heap-source.h5", Tables{});
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string signature("GCOL\x01\x00\x00\x00", 8);
  const std::size_t at = bytes.find(signature);
  REQUIRE(at != std::string::npos);
  CHECK_FALSE(damaged_global_heap(whole).has_value());
  // The first object (16-byte collection header, then index, references,
  // reserved, size) and what follows it as free space with size 0.
  std::uint64_t object_size = 0;
  std::memcpy(&object_size, bytes.data() + at + 24, 8);
  REQUIRE(object_size > 0);
  const std::size_t next = at + 16 + 16 + ((object_size + 7) & ~std::uint64_t{7});
  const fs::path zeroed = scratch("heap-zero-free-space.h5");
  fs::copy_file(whole, zeroed);
  {
    std::fstream f(zeroed, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(next));
    const std::string zeros(64, '\0');
    f.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  CHECK_THROWS_WITH(ResultReader(zeroed), Catch::Contains("the global heap collection at byte " + std::to_string(at)) &&
                                              Catch::Contains("free space claims 0 bytes"));
  // An object claiming more than its collection holds.
  const fs::path oversized = scratch("heap-oversized-object.h5");
  fs::copy_file(whole, oversized);
  {
    std::fstream f(oversized, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(at + 24));
    const std::uint64_t huge = std::uint64_t{1} << 40;
    f.write(reinterpret_cast<const char*>(&huge), 8);
  }
  CHECK_THROWS_WITH(ResultReader(oversized), Catch::Contains("object 1 claims 1099511627776 bytes"));
}
