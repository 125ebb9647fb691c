#pragma once
// IEEE 488.2 arbitrary block data, parsed incrementally as the bytes
// arrive (a waveform spans many TCP segments):
//   definite:   #<n><n digits: length><length bytes>   e.g. #15hello
//   indefinite: #0<bytes up to the message end>
// The payload may hold any byte, '\n' included; only the indefinite form
// ends at a terminator (or at the transport's END).

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace litmus::transport {

// Malformed block header; the message says what was expected.
class IeeeBlockError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IeeeBlockParser {
 public:
  // `max_payload` bounds what a block may announce (a corrupt header must
  // not make us reserve gigabytes) and how far an indefinite block, which
  // announces nothing, may grow.
  explicit IeeeBlockParser(char terminator = '\n', std::size_t max_payload = std::size_t{1} << 30)
      : terminator_(terminator), max_payload_(max_payload) {}

  // Consumes the block's bytes from the front of `bytes` and returns how
  // many it took: all of them until the block is complete, then none.
  // `message_end` says the transport reported END after the last of
  // `bytes` (which ends an indefinite block). Throws IeeeBlockError.
  std::size_t feed(std::string_view bytes, bool message_end = false);

  bool done() const { return state_ == State::done; }
  // The payload so far; the whole block once done().
  const std::string& payload() const { return payload_; }
  std::string take_payload() { return std::move(payload_); }

 private:
  enum class State { hash, digit_count, length, definite, indefinite, done };

  char terminator_;
  std::size_t max_payload_;
  State state_ = State::hash;
  std::size_t digits_left_ = 0;  // length digits still to read
  std::size_t length_ = 0;       // announced payload length (definite)
  std::string payload_;
};

}  // namespace litmus::transport
