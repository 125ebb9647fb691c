// Journal framing and the reader's behaviour on damaged files.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <vector>

#include "core/event_codec.hpp"
#include "core/journal_reader.hpp"
#include "core/journal_writer.hpp"
#include "litmus/error.hpp"
#include "support/file_bytes.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

constexpr const char* kSession = "6f446be1-d981-4897-b9ac-f8fb3bf9a398";

class JournalTest : public ::testing::Test {
 protected:
  // Writes a journal with `count` events; returns each record's [start, end).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> write_events(int count) {
    auto writer = JournalWriter::create(path_, kSession);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
    for (int i = 1; i <= count; ++i) {
      Event e;
      e.seq = static_cast<std::uint64_t>(i);
      e.ts = 1000 + i;
      e.type = "test.event";
      e.payload = R"({"i":)" + std::to_string(i) + "}";
      std::string record(journal::kHeaderSize, '\0');
      codec::encode_event(e, {}, {}, record);
      const std::uint64_t start = writer->size();
      spans.emplace_back(start, writer->append(journal::RecordKind::event, record));
    }
    return spans;
  }

  // Seqs of the event records the reader returns.
  std::vector<std::uint64_t> read_seqs(JournalReader& reader) {
    std::vector<std::uint64_t> seqs;
    JournalReader::Record record;
    while (reader.next(record)) {
      if (record.kind != journal::RecordKind::event) continue;
      JournalEntry entry;
      EXPECT_TRUE(codec::decode_event(record.body, entry));
      seqs.push_back(entry.event.seq);
    }
    return seqs;
  }

  void flip_byte(std::uint64_t offset) { litmus::testing::flip_byte(path_, offset); }

  static std::vector<std::uint64_t> range(std::uint64_t from, std::uint64_t to) {
    std::vector<std::uint64_t> out;
    for (auto i = from; i <= to; ++i) out.push_back(i);
    return out;
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "s.journal";
};

TEST_F(JournalTest, ReadsBackEveryRecordInOrder) {
  write_events(100);
  JournalReader reader(path_);
  JournalReader::Record record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.kind, journal::RecordKind::header);
  auto header = codec::decode_header(record.body);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->session_id, kSession);
  EXPECT_EQ(read_seqs(reader), range(1, 100));
  EXPECT_TRUE(reader.corruptions().empty());
  EXPECT_EQ(reader.pos(), reader.file_size());
}

TEST_F(JournalTest, TornTailStopsCleanlyAtTheLastWholeRecord) {
  auto spans = write_events(10);
  for (std::uint64_t cut = spans.back().first + 1; cut < spans.back().second; cut += 3) {
    ASSERT_EQ(::truncate(path_.c_str(), static_cast<off_t>(cut)), 0);
    JournalReader reader(path_);
    EXPECT_EQ(read_seqs(reader), range(1, 9)) << "cut at " << cut;
    EXPECT_TRUE(reader.corruptions().empty());
    EXPECT_EQ(reader.pos(), spans.back().first);
  }
}

TEST_F(JournalTest, FlippedBitInTheMiddleSkipsOnlyThatRecord) {
  auto spans = write_events(20);
  const auto [start, end] = spans[9];  // seq 10
  for (std::uint64_t offset : {start, start + 5, start + 9, (start + end) / 2, end - 1}) {
    flip_byte(offset);
    JournalReader reader(path_);
    auto expected = range(1, 9);
    for (auto s : range(11, 20)) expected.push_back(s);
    EXPECT_EQ(read_seqs(reader), expected) << "flipped byte at " << offset;
    ASSERT_EQ(reader.corruptions().size(), 1u);
    EXPECT_EQ(reader.corruptions()[0].offset, start);
    EXPECT_EQ(reader.corruptions()[0].length, end - start);
    flip_byte(offset);  // restore for the next round
  }
}

TEST_F(JournalTest, ZeroLengthFileHasNoRecords) {
  { std::ofstream create(path_); }
  JournalReader reader(path_);
  JournalReader::Record record;
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.pos(), 0u);
  EXPECT_TRUE(reader.corruptions().empty());
}

TEST_F(JournalTest, ZeroFilledTailIsATornTailNotCorruption) {
  auto spans = write_events(5);
  {
    std::ofstream append(path_, std::ios::app | std::ios::binary);
    std::string zeros(4096, '\0');
    append.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  JournalReader reader(path_);
  EXPECT_EQ(read_seqs(reader), range(1, 5));
  EXPECT_TRUE(reader.corruptions().empty());
  EXPECT_EQ(reader.pos(), spans.back().second);
}

TEST_F(JournalTest, ZeroedStretchInTheMiddleIsReportedAndReadingResumes) {
  auto spans = write_events(30);
  {
    std::fstream file(path_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(spans[4].first));
    std::string zeros(spans[7].second - spans[4].first, '\0');  // seqs 5..8
    file.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
  }
  JournalReader reader(path_);
  auto expected = range(1, 4);
  for (auto s : range(9, 30)) expected.push_back(s);
  EXPECT_EQ(read_seqs(reader), expected);
  ASSERT_EQ(reader.corruptions().size(), 1u);
  EXPECT_EQ(reader.corruptions()[0].offset, spans[4].first);
}

TEST_F(JournalTest, GrowingFileIsReadUpToALimitAndResumed) {
  auto spans = write_events(3);
  JournalReader reader(path_);
  JournalReader::Record record;
  ASSERT_TRUE(reader.next(record, spans[1].second - 1));  // header only
  EXPECT_EQ(record.kind, journal::RecordKind::header);
  ASSERT_TRUE(reader.next(record, spans[1].second - 1));  // seq 1
  EXPECT_FALSE(reader.next(record, spans[1].second - 1));  // seq 2 is past the limit
  EXPECT_EQ(reader.pos(), spans[1].first);
  EXPECT_TRUE(reader.corruptions().empty());
  ASSERT_TRUE(reader.next(record, spans[2].second));
  EXPECT_EQ(record.offset, spans[1].first);
}

// "Read to whatever is there": a limit past the file's end stops at the
// end (the search for the next good record once scanned up to the limit,
// byte by byte, for ever).
TEST_F(JournalTest, ALimitPastTheEndStopsAtTheEnd) {
  auto spans = write_events(2);
  JournalReader reader(path_);
  JournalReader::Record record;
  int read = 0;
  while (reader.next(record, std::numeric_limits<std::uint64_t>::max())) ++read;
  EXPECT_EQ(read, 3);  // the header and two events
  EXPECT_EQ(reader.pos(), spans[1].second);
  EXPECT_TRUE(reader.corruptions().empty());
}

TEST_F(JournalTest, CreateRefusesAnExistingJournal) {
  write_events(1);
  EXPECT_THROW(JournalWriter::create(path_, kSession), JournalError);
}

TEST_F(JournalTest, ReopenFailsWhileTheWriterHoldsTheLock) {
  auto writer = JournalWriter::create(path_, kSession);
  EXPECT_EQ(JournalWriter::reopen(path_), nullptr);
  writer.reset();
  EXPECT_NE(JournalWriter::reopen(path_), nullptr);
}

TEST_F(JournalTest, CutTailKeepsTheCutBytesBeside) {
  auto spans = write_events(4);
  ASSERT_EQ(::truncate(path_.c_str(), static_cast<off_t>(spans.back().second - 2)), 0);
  auto writer = JournalWriter::reopen(path_);
  ASSERT_NE(writer, nullptr);
  writer->cut_tail(spans.back().first);
  EXPECT_EQ(std::filesystem::file_size(path_), spans.back().first);
  const auto saved = std::filesystem::path(path_.string() + ".torn-" + std::to_string(spans.back().first));
  ASSERT_TRUE(std::filesystem::exists(saved));
  EXPECT_EQ(std::filesystem::file_size(saved), spans.back().second - 2 - spans.back().first);
}

}  // namespace
}  // namespace litmus
