#pragma once
// CRC32C (Castagnoli) of journal records, computed by Boost.CRC, masked as
// in LevelDB so that a CRC stored inside checksummed data does not make
// the outer checksum degenerate.

#include <cstddef>
#include <cstdint>

namespace litmus::crc32c {

std::uint32_t value(const void* data, std::size_t size);

inline std::uint32_t mask(std::uint32_t crc) {
  constexpr std::uint32_t kMaskDelta = 0xa282ead8u;
  return ((crc >> 15) | (crc << 17)) + kMaskDelta;
}
inline std::uint32_t unmask(std::uint32_t masked) {
  constexpr std::uint32_t kMaskDelta = 0xa282ead8u;
  std::uint32_t rot = masked - kMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace litmus::crc32c
