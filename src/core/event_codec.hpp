#pragma once
// Binary encoding of journal record bodies (see journal_format.hpp).
//
//   header body := version:u8(=1) session_id:str created_ts:i64
//   event body  := flags:u8 seq:u64 ts:i64 vector_index:i32
//                  type:str run_id:str role:str step_path:str payload:str
//                  [channel:str count:u32 sample:f64*count]   if flags & 1
//                  [channel:str encoding:u8 count:u32 gain:f64 offset:f64
//                   code:u8*count | code:u16*count]            if flags & 2
//   str         := length:u32 bytes
//
// Flag 2 (codes: encoding 1 = u8, 2 = u16le; value = code * gain + offset,
// litmus::decode_samples) is newer than flag 1: a reader that predates it
// rejects such a record as malformed instead of misreading it.
//
// The session id lives in the header record only. Decoding validates every
// length against the body size and never reads past it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/journal_entry.hpp"
#include "litmus/sample_codes.hpp"

namespace litmus::codec {

inline constexpr std::uint8_t kFormatVersion = 1;

struct JournalHeader {
  std::string session_id;
  std::int64_t created_ts = 0;
};

void encode_header(const JournalHeader& header, std::string& out);
std::optional<JournalHeader> decode_header(std::string_view body);

// Appends the body of an event record to `out`. `samples` may be empty
// with an empty channel (no sample block).
void encode_event(const Event& event, std::string_view channel, std::span<const double> samples, std::string& out);

// An array as it is journaled: float64 values (written as flag 1) or codes
// (flag 2).
struct SampleArrayView {
  SampleEncoding encoding = SampleEncoding::float64;
  SampleScaling scaling;   // codes only
  std::string_view bytes;  // size * sample_width(encoding) bytes
};
// Appends the body of an event record carrying `array` on `channel`; an
// empty channel writes no array.
void encode_array_event(const Event& event, std::string_view channel, const SampleArrayView& array, std::string& out);

// Fills `entry` (event.session_id is left untouched). Returns false for a
// malformed body.
bool decode_event(std::string_view body, JournalEntry& entry);

}  // namespace litmus::codec
