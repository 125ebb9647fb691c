#include "core/event_codec.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace litmus {
namespace {

Event sample_event() {
  Event e;
  e.seq = 42;
  e.ts = 1'795'855'265'283'545'201;
  e.type = "instrument.read";
  e.run_id = "run-1";
  e.role = "dmm";
  e.step_path = "Power/RailWithinSpec";
  e.vector_index = 3;
  e.payload = R"({"channel":"dmm.voltage","value":3.3})";
  return e;
}

TEST(EventCodec, EventRoundTrips) {
  const Event e = sample_event();
  std::string body;
  codec::encode_event(e, {}, {}, body);
  JournalEntry decoded;
  ASSERT_TRUE(codec::decode_event(body, decoded));
  EXPECT_EQ(decoded.event.seq, e.seq);
  EXPECT_EQ(decoded.event.ts, e.ts);
  EXPECT_EQ(decoded.event.type, e.type);
  EXPECT_EQ(decoded.event.run_id, e.run_id);
  EXPECT_EQ(decoded.event.role, e.role);
  EXPECT_EQ(decoded.event.step_path, e.step_path);
  EXPECT_EQ(decoded.event.vector_index, e.vector_index);
  EXPECT_EQ(decoded.event.payload, e.payload);
  EXPECT_FALSE(decoded.samples.has_value());
}

TEST(EventCodec, SamplesTravelWithTheEvent) {
  const std::vector<double> samples{1.5, -2.25, 3e-9};
  std::string body;
  codec::encode_event(sample_event(), "scope.ch1", samples, body);
  JournalEntry decoded;
  ASSERT_TRUE(codec::decode_event(body, decoded));
  ASSERT_TRUE(decoded.samples.has_value());
  EXPECT_EQ(decoded.samples->channel, "scope.ch1");
  EXPECT_EQ(decoded.samples->samples, samples);
}

// A scope's codes: 1 byte a sample plus the scaling, not 8-byte doubles.
std::string codes_body(SampleEncoding encoding, std::string_view codes) {
  std::string body;
  codec::encode_array_event(sample_event(), "scope.ch1", {encoding, {0.04, -4.08}, codes}, body);
  return body;
}

TEST(EventCodec, CodesTravelWithTheEvent) {
  const std::string codes("\x00\x01\x7f\x80\xff", 5);
  for (auto encoding : {SampleEncoding::u8, SampleEncoding::u16le}) {
    const std::string_view whole = encoding == SampleEncoding::u8 ? std::string_view(codes) : "\x00\x01\x7f\x80";
    const std::string body = codes_body(encoding, whole);
    JournalEntry decoded;
    ASSERT_TRUE(codec::decode_event(body, decoded));
    EXPECT_EQ(decoded.event.payload, sample_event().payload);
    ASSERT_TRUE(decoded.samples.has_value());
    EXPECT_EQ(decoded.samples->channel, "scope.ch1");
    EXPECT_TRUE(decoded.samples->samples.empty());
    ASSERT_TRUE(decoded.samples->codes.has_value());
    EXPECT_EQ(decoded.samples->codes->encoding, encoding);
    EXPECT_EQ(decoded.samples->codes->scaling.gain, 0.04);
    EXPECT_EQ(decoded.samples->codes->scaling.offset, -4.08);
    EXPECT_EQ(decoded.samples->codes->bytes, whole);
    EXPECT_EQ(decoded.samples->size(), whole.size() / sample_width(encoding));
    // 8 bytes a sample less than doubles would take, plus the scaling.
    std::string doubles;
    codec::encode_event(sample_event(), "scope.ch1", decoded.samples->values(), doubles);
    const auto saved = static_cast<long>(doubles.size()) - static_cast<long>(body.size());
    EXPECT_EQ(saved, static_cast<long>(decoded.samples->size() * (8 - sample_width(encoding))) - 17);
  }
}

TEST(EventCodec, EveryTruncationOfCodesIsRejected) {
  const std::string body = codes_body(SampleEncoding::u16le, "abcdef");
  for (std::size_t size = 0; size < body.size(); ++size) {
    JournalEntry decoded;
    EXPECT_FALSE(codec::decode_event(std::string_view(body).substr(0, size), decoded)) << "size " << size;
  }
  JournalEntry decoded;
  EXPECT_FALSE(codec::decode_event(body + "x", decoded));
}

TEST(EventCodec, CodesWithABadEncodingOrCountAreRejected) {
  const std::string body = codes_body(SampleEncoding::u8, "abcdef");
  // channel:str, then encoding:u8 count:u32 gain:f64 offset:f64 codes.
  const std::size_t encoding_at = body.size() - 6 - 16 - 4 - 1;
  ASSERT_EQ(body[encoding_at], 1);
  for (char bad : {0, 3, 255}) {
    std::string damaged = body;
    damaged[encoding_at] = bad;
    JournalEntry decoded;
    EXPECT_FALSE(codec::decode_event(damaged, decoded)) << int(bad);
  }
  std::string words = body;
  words[encoding_at] = 2;  // u16le: 6 codes would be 12 bytes
  JournalEntry decoded;
  EXPECT_FALSE(codec::decode_event(words, decoded));
  for (char count : {5, 7}) {
    std::string damaged = body;
    damaged[encoding_at + 1] = count;
    EXPECT_FALSE(codec::decode_event(damaged, decoded)) << int(count);
  }
  std::string both = body;
  both[0] = 3;  // flags 1 and 2 together
  EXPECT_FALSE(codec::decode_event(both, decoded));
}

TEST(EventCodec, EveryTruncationIsRejected) {
  std::string body;
  const std::vector<double> samples{1.0, 2.0};
  codec::encode_event(sample_event(), "scope.ch1", samples, body);
  for (std::size_t size = 0; size < body.size(); ++size) {
    JournalEntry decoded;
    EXPECT_FALSE(codec::decode_event(std::string_view(body).substr(0, size), decoded)) << "size " << size;
  }
}

TEST(EventCodec, TrailingBytesAndUnknownFlagsAreRejected) {
  std::string body;
  codec::encode_event(sample_event(), {}, {}, body);
  JournalEntry decoded;
  EXPECT_FALSE(codec::decode_event(body + "x", decoded));
  std::string flagged = body;
  flagged[0] = 4;
  EXPECT_FALSE(codec::decode_event(flagged, decoded));
}

TEST(EventCodec, HugeLengthFieldsDoNotReadPastTheBody) {
  std::string body;
  codec::encode_event(sample_event(), {}, {}, body);
  // The type's length field follows flags(1) + seq(8) + ts(8) + vector(4).
  body[21] = '\xff';
  body[22] = '\xff';
  body[23] = '\xff';
  body[24] = '\x7f';
  JournalEntry decoded;
  EXPECT_FALSE(codec::decode_event(body, decoded));
}

TEST(EventCodec, HeaderRoundTrips) {
  std::string body;
  codec::encode_header({"6f446be1-d981-4897-b9ac-f8fb3bf9a398", 123}, body);
  auto header = codec::decode_header(body);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->session_id, "6f446be1-d981-4897-b9ac-f8fb3bf9a398");
  EXPECT_EQ(header->created_ts, 123);
  EXPECT_FALSE(codec::decode_header(body.substr(0, body.size() - 1)));
}

}  // namespace
}  // namespace litmus
