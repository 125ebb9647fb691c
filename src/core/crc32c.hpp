#pragma once
// CRC32C (Castagnoli) of journal records, masked as in LevelDB so that a
// CRC stored inside checksummed data does not make the outer checksum
// degenerate. Computed with the CPU's CRC32 instruction where there is one
// (x86-64 SSE 4.2), else by Boost.CRC; both give the same bits.

#include <cstddef>
#include <cstdint>

namespace litmus::crc32c {

std::uint32_t value(const void* data, std::size_t size);
// Boost.CRC only: the reference the fast path is tested against.
std::uint32_t value_portable(const void* data, std::size_t size);

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
