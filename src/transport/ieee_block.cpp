#include "transport/ieee_block.hpp"

#include <algorithm>

namespace litmus::transport {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string quoted(char c) {
  if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
  return "byte " + std::to_string(static_cast<unsigned char>(c));
}

}  // namespace

std::size_t IeeeBlockParser::feed(std::string_view bytes, bool message_end) {
  std::size_t used = 0;
  while (used < bytes.size() && state_ != State::done) {
    const char c = bytes[used];
    switch (state_) {
      case State::hash:
        if (c != '#') throw IeeeBlockError("expected a block starting with '#', found " + quoted(c));
        state_ = State::digit_count;
        ++used;
        break;
      case State::digit_count:
        if (!is_digit(c)) throw IeeeBlockError("expected a digit after '#', found " + quoted(c));
        digits_left_ = static_cast<std::size_t>(c - '0');
        state_ = digits_left_ == 0 ? State::indefinite : State::length;
        ++used;
        break;
      case State::length:
        if (!is_digit(c)) throw IeeeBlockError("expected a length digit in the block header, found " + quoted(c));
        length_ = length_ * 10 + static_cast<std::size_t>(c - '0');
        ++used;
        if (--digits_left_ == 0) {
          if (length_ > max_payload_) {
            throw IeeeBlockError("block announces " + std::to_string(length_) + " bytes, more than the maximum of " +
                                 std::to_string(max_payload_));
          }
          payload_.reserve(length_);
          state_ = length_ == 0 ? State::done : State::definite;
        }
        break;
      case State::definite: {
        const std::size_t take = std::min(length_ - payload_.size(), bytes.size() - used);
        payload_.append(bytes.substr(used, take));
        used += take;
        if (payload_.size() == length_) state_ = State::done;
        break;
      }
      case State::indefinite: {
        const auto rest = bytes.substr(used);
        const auto end = rest.find(terminator_);
        const std::size_t take = end == std::string_view::npos ? rest.size() : end;
        if (payload_.size() + take > max_payload_) {
          throw IeeeBlockError("indefinite block longer than " + std::to_string(max_payload_) +
                               " bytes without a terminator");
        }
        payload_.append(rest.substr(0, take));
        used += take;
        // The terminator is left for the caller, like after a definite block.
        if (end != std::string_view::npos) state_ = State::done;
        break;
      }
      case State::done:
        break;
    }
  }
  if (state_ == State::indefinite && message_end && used == bytes.size()) state_ = State::done;
  return used;
}

}  // namespace litmus::transport
