#pragma once
// On-disk format of a session journal (<data_dir>/journal/<session>.journal).
//
//   journal := record*
//   record  := crc:u32 length:u32 kind:u8 body[length]      (little-endian)
//
// `crc` is the masked CRC32C of the 4 length bytes, the kind byte and the
// body, so a flipped bit anywhere in a record — its length included — is
// detected. Each record is appended with one write(2), so after a crash
// only the last record can be incomplete (a torn tail). The first record
// is kind `header`; the rest are `event`. Body encodings: event_codec.hpp.
// Unlike LevelDB's log there are no 32 KiB blocks: the reader resynchronises
// after corruption by searching byte by byte for the next record whose
// checksum holds, so one bad record costs nothing after it.

#include <cstddef>
#include <cstdint>

namespace litmus::journal {

inline constexpr std::size_t kHeaderSize = 9;  // crc + length + kind
// A record larger than this is treated as corrupt: the biggest legitimate
// ones are waveforms (8 bytes a sample).
inline constexpr std::uint32_t kMaxRecordBody = 256u << 20;

enum class RecordKind : std::uint8_t {
  header = 1,  // session id and format version
  event = 2,   // one Event, maybe with samples
};

inline bool is_known_kind(std::uint8_t kind) { return kind == 1 || kind == 2; }

}  // namespace litmus::journal
