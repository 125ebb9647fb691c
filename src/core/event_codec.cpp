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
  // The rest of the body, consumed.
  std::string_view take_rest() {
    const std::string_view rest = data_.substr(pos_);
    pos_ = data_.size();
    return rest;
  }
  std::size_t remaining() const { return data_.size() - pos_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

constexpr std::uint8_t kHasSamples = 1;
constexpr std::uint8_t kHasCodes = 2;

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
  encode_array_event(
      event, channel,
      SampleArrayView{SampleEncoding::float64, {},
                      std::string_view(reinterpret_cast<const char*>(samples.data()), samples.size_bytes())},
      out);
}

void encode_array_event(const Event& event, std::string_view channel, const SampleArrayView& array, std::string& out) {
  const bool has_array = !channel.empty();
  const bool codes = has_array && array.encoding != SampleEncoding::float64;
  const std::size_t count = array.bytes.size() / sample_width(array.encoding);
  out.reserve(out.size() + 64 + event.type.size() + event.run_id.size() + event.role.size() +
              event.step_path.size() + event.payload.size() + channel.size() + array.bytes.size());
  put<std::uint8_t>(out, !has_array ? 0 : codes ? kHasCodes : kHasSamples);
  put<std::uint64_t>(out, event.seq);
  put<std::int64_t>(out, event.ts);
  put<std::int32_t>(out, event.vector_index);
  put_str(out, event.type);
  put_str(out, event.run_id);
  put_str(out, event.role);
  put_str(out, event.step_path);
  put_str(out, event.payload);
  if (!has_array) return;
  put_str(out, channel);
  if (codes) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(array.encoding));
    put<std::uint32_t>(out, static_cast<std::uint32_t>(count));
    put<double>(out, array.scaling.gain);
    put<double>(out, array.scaling.offset);
  } else {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(count));
  }
  out.append(array.bytes.data(), count * sample_width(array.encoding));
}

bool decode_event(std::string_view body, JournalEntry& entry) {
  Cursor cursor(body);
  std::uint8_t flags = 0;
  Event& e = entry.event;
  if (!cursor.get(flags) || (flags != 0 && flags != kHasSamples && flags != kHasCodes)) return false;
  if (!cursor.get(e.seq) || !cursor.get(e.ts) || !cursor.get(e.vector_index)) return false;
  if (!cursor.get_str(e.type) || !cursor.get_str(e.run_id) || !cursor.get_str(e.role) ||
      !cursor.get_str(e.step_path) || !cursor.get_str(e.payload)) {
    return false;
  }
  entry.samples.reset();
  if (flags == kHasSamples) {
    SampleBlock block;
    std::uint32_t count = 0;
    if (!cursor.get_str(block.channel) || !cursor.get(count)) return false;
    if (cursor.remaining() != static_cast<std::size_t>(count) * sizeof(double)) return false;
    block.samples.resize(count);
    cursor.get_bytes(block.samples.data(), cursor.remaining());
    entry.samples = std::move(block);
  } else if (flags == kHasCodes) {
    SampleBlock block;
    SampleCodes codes;
    std::uint8_t encoding = 0;
    std::uint32_t count = 0;
    if (!cursor.get_str(block.channel) || !cursor.get(encoding) || !cursor.get(count) ||
        !cursor.get(codes.scaling.gain) || !cursor.get(codes.scaling.offset)) {
      return false;
    }
    if (encoding != static_cast<std::uint8_t>(SampleEncoding::u8) &&
        encoding != static_cast<std::uint8_t>(SampleEncoding::u16le)) {
      return false;
    }
    codes.encoding = static_cast<SampleEncoding>(encoding);
    if (cursor.remaining() != static_cast<std::size_t>(count) * sample_width(codes.encoding)) return false;
    codes.bytes.assign(cursor.take_rest());
    block.codes = std::move(codes);
    entry.samples = std::move(block);
  }
  return cursor.remaining() == 0 && e.seq > 0 && !e.type.empty();
}

}  // namespace litmus::codec
