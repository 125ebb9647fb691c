#include "core/crc32c.hpp"

#include <boost/crc.hpp>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace litmus::crc32c {

namespace {
// CRC-32C: polynomial 0x1EDC6F41, reflected, init and final xor all ones.
using Crc32c = boost::crc_optimal<32, 0x1EDC6F41, 0xFFFFFFFF, 0xFFFFFFFF, true, true>;

#if defined(__x86_64__)
// SSE 4.2 has CRC-32C as an instruction: 8 bytes a cycle instead of one
// table lookup a byte — the largest cost of emit() after write(2).
__attribute__((target("sse4.2"))) std::uint32_t value_sse42(const void* data, std::size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t crc = 0xFFFFFFFFu;
  for (; size >= 8; size -= 8, p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    crc = _mm_crc32_u64(crc, word);
  }
  auto crc32 = static_cast<std::uint32_t>(crc);
  for (; size > 0; --size, ++p) crc32 = _mm_crc32_u8(crc32, *p);
  return crc32 ^ 0xFFFFFFFFu;
}
#endif
}  // namespace

std::uint32_t value_portable(const void* data, std::size_t size) {
  Crc32c crc;
  crc.process_bytes(data, size);
  return crc.checksum();
}

std::uint32_t value(const void* data, std::size_t size) {
#if defined(__x86_64__)
  static const bool has_sse42 = __builtin_cpu_supports("sse4.2");
  if (has_sse42) return value_sse42(data, size);
#endif
  return value_portable(data, size);
}

}  // namespace litmus::crc32c
