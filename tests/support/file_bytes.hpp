#pragma once
// Damage a file in place, as a bad disk or a torn write would: for tests of
// what the journal and store make of corrupt bytes.

#include <cstdint>
#include <filesystem>
#include <fstream>

namespace litmus::testing {

// Flips one bit of the byte at `offset`; calling it again restores it.
inline void flip_byte(const std::filesystem::path& path, std::uint64_t offset) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  file.get(c);
  file.seekp(static_cast<std::streamoff>(offset));
  file.put(static_cast<char>(c ^ 0x10));
}

}  // namespace litmus::testing
