#pragma once
// A 64-bit FNV-1a hash over the exact bytes of the simulation state. Two runs
// agree bit for bit if and only if (up to collisions) their hashes agree, which
// is how the determinism tests compare runs with different thread counts.
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>

namespace campusflow {

class StateHash {
 public:
  void add_bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      value_ ^= p[i];
      value_ *= 0x100000001B3ull;
    }
  }

  template <class T>
    requires std::is_trivially_copyable_v<T>
  void add(const T& v) {
    add_bytes(&v, sizeof(T));
  }

  // Named apart from add(): a span is itself trivially copyable, and add()
  // would hash its pointer instead of the values.
  template <class T>
    requires std::is_trivially_copyable_v<T>
  void add_all(std::span<const T> values) {
    add_bytes(values.data(), values.size_bytes());
  }

  std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_ = 0xCBF29CE484222325ull;
};

}  // namespace campusflow
