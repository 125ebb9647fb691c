#include "core/json_text.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace litmus::json_text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool plain(unsigned char byte) { return byte >= 0x20 && byte != '"' && byte != '\\' && byte < 0x80; }

// Index of the first byte from `at` on that is not plain(), or text.size().
// Eight bytes at a time while all are plain: the word tests below say
// exactly whether any byte is below 0x20, is '"' or '\\', or has its high
// bit set (not which one; the byte loop finds it).
std::size_t plain_run_end(std::string_view text, std::size_t at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  const auto has_zero_byte = [](std::uint64_t word) { return (word - kOnes) & ~word & kHighs; };
  while (at + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, 8);
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
    const std::uint64_t quote = has_zero_byte(word ^ (kOnes * '"'));
    const std::uint64_t backslash = has_zero_byte(word ^ (kOnes * '\\'));
    if ((below_space | quote | backslash | (word & kHighs)) != 0) break;
    at += 8;
  }
  while (at < text.size() && plain(static_cast<unsigned char>(text[at]))) ++at;
  return at;
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

void append_escaped(std::string& out, unsigned char byte) {
  switch (byte) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char escape[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
      out.append(escape, sizeof escape);
    }
  }
}

template <class Integer>
void append_integral(std::string& out, Integer value) {
  char text[24];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

}  // namespace

void append_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied, all plain or valid UTF-8
  std::size_t i = 0;
  while ((i = plain_run_end(text, i)) < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const int length = utf8_sequence(text, i);
      if (length > 0) {
        i += static_cast<std::size_t>(length);
        continue;
      }
      out.append(text, run, i - run);
      out += kReplacement;
      i += static_cast<std::size_t>(-length);
    } else {
      out.append(text, run, i - run);
      append_escaped(out, byte);
      ++i;
    }
    run = i;
  }
  out.append(text, run, text.size() - run);
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
