#include "core/json_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/side_by_side.hpp"

namespace litmus::json_text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// plain(): copied into a JSON string as it is.
constexpr auto kPlain = [] {
  std::array<bool, 256> table{};
  for (int byte = 0x20; byte < 0x80; ++byte) table[byte] = byte != '"' && byte != '\\';
  return table;
}();
bool plain(unsigned char byte) { return kPlain[byte]; }

// True when none of the eight bytes of `word` is below 0x20, '"' or '\\',
// or has its high bit set: the word tests say exactly whether any byte is
// one of those (not which one; the byte path finds it).
bool plain_word(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  const auto has_zero_byte = [](std::uint64_t w) { return (w - kOnes) & ~w & kHighs; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  const std::uint64_t quote = has_zero_byte(word ^ (kOnes * '"'));
  const std::uint64_t backslash = has_zero_byte(word ^ (kOnes * '\\'));
  return (below_space | quote | backslash | (word & kHighs)) == 0;
}

// Length of the well-formed UTF-8 sequence (Unicode table 3-7) starting at
// text[at], a byte >= 0x80; or, when there is none, minus the length of its
// maximal ill-formed subpart (at least 1 byte), which becomes one U+FFFD.
int utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  int length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the first continuation byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;  // a continuation byte, C0, C1 or F5..FF
  }
  for (int i = 1; i < length; ++i) {
    if (at + i >= text.size()) return -i;
    const unsigned char next = byte(at + i);
    if (next < low || next > high) return -i;
    low = 0x80;
    high = 0xBF;
  }
  return length;
}

// Writes the escape of an ASCII byte that is not plain() at `at`; returns
// the end of what it wrote (at most 6 bytes).
char* write_escaped(char* at, unsigned char byte) {
  const auto two = [&](char second) {
    at[0] = '\\';
    at[1] = second;
    return at + 2;
  };
  switch (byte) {
    case '"':
      return two('"');
    case '\\':
      return two('\\');
    case '\b':
      return two('b');
    case '\f':
      return two('f');
    case '\n':
      return two('n');
    case '\r':
      return two('r');
    case '\t':
      return two('t');
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char escape[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
      std::memcpy(at, escape, sizeof escape);
      return at + sizeof escape;
    }
  }
}

template <class Integer>
void append_integral(std::string& out, Integer value) {
  char text[24];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

// append_string without the quotes.
void append_escaped(std::string& out, std::string_view text) {
  // Escaped piece by piece into a buffer on the stack, then appended: JSON
  // text in a string (an MCP answer) has a quote every few bytes, and
  // appending to `out` around each escape cost three times this.
  constexpr std::size_t kPiece = 2048;
  // Each input byte becomes at most 6 (\u00XX); the piece's last UTF-8
  // sequence may run 3 bytes past it.
  char buffer[kPiece * 6 + 8];
  std::size_t i = 0;
  while (i < text.size()) {
    char* to = buffer;
    const std::size_t end = std::min(text.size(), i + kPiece);
    while (i < end) {
      if (i + 8 <= end) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (plain_word(word)) {
          std::memcpy(to, &word, 8);
          to += 8;
          i += 8;
          continue;
        }
      }
      // Byte by byte up to the next word: one of these eight is not plain.
      const std::size_t stop = std::min(end, i + 8);
      while (i < stop) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (plain(byte)) {
          *to++ = static_cast<char>(byte);
          ++i;
        } else if (byte < 0x80) {
          to = write_escaped(to, byte);
          ++i;
        } else if (const int length = utf8_sequence(text, i); length > 0) {
          std::memcpy(to, text.data() + i, static_cast<std::size_t>(length));
          to += length;
          i += static_cast<std::size_t>(length);
        } else {
          std::memcpy(to, kReplacement.data(), kReplacement.size());
          to += kReplacement.size();
          i += static_cast<std::size_t>(-length);
        }
      }
    }
    out.append(buffer, static_cast<std::size_t>(to - buffer));
  }
}

}  // namespace

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text);
  out += '"';
}

void append_long_string(std::string& out, std::string_view text, std::size_t split_from) {
  if (text.size() < split_from) {
    append_string(out, text);
    return;
  }
  // Cut before an ASCII byte: no UTF-8 sequence runs across one, so each
  // half escapes exactly as it does within the whole.
  std::size_t cut = text.size() / 2;
  while (cut < text.size() && static_cast<unsigned char>(text[cut]) >= 0x80) ++cut;
  std::string later;
  out += '"';
  run_side_by_side([&] { append_escaped(out, text.substr(0, cut)); },
                   [&] {
                     later.reserve(text.size() - cut + (text.size() - cut) / 4);
                     append_escaped(later, text.substr(cut));
                   });
  out += later;
  out += '"';
}

void append_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  const std::string_view digits(text, static_cast<std::size_t>(result.ptr - text));
  out += digits;
  if (digits.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_integer(std::string& out, std::int64_t value) { append_integral(out, value); }

void append_unsigned(std::string& out, std::uint64_t value) { append_integral(out, value); }

Object::Object(std::string& out) : out_(out) { out_ += '{'; }

void Object::key(std::string_view name) {
  if (!first_) out_ += ',';
  first_ = false;
  append_string(out_, name);
  out_ += ':';
}

void Object::string(std::string_view key_name, std::string_view value) {
  key(key_name);
  append_string(out_, value);
}

void Object::number(std::string_view key_name, double value) {
  key(key_name);
  append_number(out_, value);
}

void Object::integer(std::string_view key_name, std::int64_t value) {
  key(key_name);
  append_integer(out_, value);
}

void Object::unsigned_integer(std::string_view key_name, std::uint64_t value) {
  key(key_name);
  append_unsigned(out_, value);
}

void Object::boolean(std::string_view key_name, bool value) {
  key(key_name);
  out_ += value ? "true" : "false";
}

void Object::null(std::string_view key_name) {
  key(key_name);
  out_ += "null";
}

void Object::raw(std::string_view key_name, std::string_view json) {
  key(key_name);
  out_ += json;
}

Object Object::object(std::string_view key_name) {
  key(key_name);
  return Object(out_);
}

void Object::close() { out_ += '}'; }

}  // namespace litmus::json_text
