#include "core/crc32c.hpp"

#include <boost/crc.hpp>

namespace litmus::crc32c {

namespace {
// CRC-32C: polynomial 0x1EDC6F41, reflected, init and final xor all ones.
using Crc32c = boost::crc_optimal<32, 0x1EDC6F41, 0xFFFFFFFF, 0xFFFFFFFF, true, true>;
}  // namespace

std::uint32_t value(const void* data, std::size_t size) {
  Crc32c crc;
  crc.process_bytes(data, size);
  return crc.checksum();
}

}  // namespace litmus::crc32c
