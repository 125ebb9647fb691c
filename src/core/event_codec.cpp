#include "core/event_codec.hpp"

#include <bit>
#include <cstring>

namespace litmus::codec {

static_assert(std::endian::native == std::endian::little, "journal encoding assumes a little-endian host");

namespace {

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_str(std::string& out, std::string_view text) {
  put<std::uint32_t>(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

// Bounds-checked reader over one record body.
class Cursor {
 public:
  explicit Cursor(std::string_view body) : data_(body) {}

  template <class T>
  bool get(T& value) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool get_str(std::string& text) {
    std::uint32_t length = 0;
    if (!get(length) || data_.size() - pos_ < length) return false;
    text.assign(data_.data() + pos_, length);
    pos_ += length;
    return true;
  }
  bool get_bytes(void* dest, std::size_t size) {
    if (data_.size() - pos_ < size) return false;
    std::memcpy(dest, data_.data() + pos_, size);
    pos_ += size;
    return true;
  }
  std::size_t remaining() const { return data_.size() - pos_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

constexpr std::uint8_t kHasSamples = 1;

}  // namespace

void encode_header(const JournalHeader& header, std::string& out) {
  put<std::uint8_t>(out, kFormatVersion);
  put_str(out, header.session_id);
  put<std::int64_t>(out, header.created_ts);
}

std::optional<JournalHeader> decode_header(std::string_view body) {
  Cursor cursor(body);
  std::uint8_t version = 0;
  JournalHeader header;
  if (!cursor.get(version) || version != kFormatVersion) return std::nullopt;
  if (!cursor.get_str(header.session_id) || !cursor.get(header.created_ts) || cursor.remaining() != 0) {
    return std::nullopt;
  }
  return header;
}

void encode_event(const Event& event, std::string_view channel, std::span<const double> samples, std::string& out) {
  const bool has_samples = !channel.empty();
  put<std::uint8_t>(out, has_samples ? kHasSamples : 0);
  put<std::uint64_t>(out, event.seq);
  put<std::int64_t>(out, event.ts);
  put<std::int32_t>(out, event.vector_index);
  put_str(out, event.type);
  put_str(out, event.run_id);
  put_str(out, event.role);
  put_str(out, event.step_path);
  put_str(out, event.payload);
  if (has_samples) {
    put_str(out, channel);
    put<std::uint32_t>(out, static_cast<std::uint32_t>(samples.size()));
    out.append(reinterpret_cast<const char*>(samples.data()), samples.size_bytes());
  }
}

bool decode_event(std::string_view body, JournalEntry& entry) {
  Cursor cursor(body);
  std::uint8_t flags = 0;
  Event& e = entry.event;
  if (!cursor.get(flags) || (flags & ~kHasSamples) != 0) return false;
  if (!cursor.get(e.seq) || !cursor.get(e.ts) || !cursor.get(e.vector_index)) return false;
  if (!cursor.get_str(e.type) || !cursor.get_str(e.run_id) || !cursor.get_str(e.role) ||
      !cursor.get_str(e.step_path) || !cursor.get_str(e.payload)) {
    return false;
  }
  if (flags & kHasSamples) {
    SampleBlock block;
    std::uint32_t count = 0;
    if (!cursor.get_str(block.channel) || !cursor.get(count)) return false;
    if (cursor.remaining() != static_cast<std::size_t>(count) * sizeof(double)) return false;
    block.samples.resize(count);
    cursor.get_bytes(block.samples.data(), cursor.remaining());
    entry.samples = std::move(block);
  } else {
    entry.samples.reset();
  }
  return cursor.remaining() == 0 && e.seq > 0 && !e.type.empty();
}

}  // namespace litmus::codec
