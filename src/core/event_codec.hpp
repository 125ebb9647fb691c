#pragma once
// Binary encoding of journal record bodies (see journal_format.hpp).
//
//   header body := version:u8(=1) session_id:str created_ts:i64
//   event body  := flags:u8 seq:u64 ts:i64 vector_index:i32
//                  type:str run_id:str role:str step_path:str payload:str
//                  [channel:str count:u32 sample:f64*count]   if flags & 1
//   str         := length:u32 bytes
//
// The session id lives in the header record only. Decoding validates every
// length against the body size and never reads past it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/journal_entry.hpp"

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

// Fills `entry` (event.session_id is left untouched). Returns false for a
// malformed body.
bool decode_event(std::string_view body, JournalEntry& entry);

}  // namespace litmus::codec
