// Large arrays kept in files of their own (store/array_files.hpp): written
// once beside the store, named by their row, checked on every read; small
// ones stay in their row; a crash between the file and its row, a replay,
// a missing or damaged file and an arrays directory that cannot be made
// each end in the right bytes or a clear error, never in wrong samples.
#include "store/array_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/data_dir.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"
#include "store/channel_store.hpp"
#include "store/event_store.hpp"
#include "store/journal_ingestor.hpp"
#include "store/recovery.hpp"
#include "support/file_bytes.hpp"
#include "support/stored_array.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

using litmus::testing::stored_array;

using nlohmann::json;
using namespace std::chrono_literals;

json wave_payload() {
  return {{"method", "read_waveform"}, {"channel", "scope.ch1"}, {"x_origin", 0.0},
          {"x_increment", 1e-6},       {"x_units", "s"},         {"y_units", "V"}};
}

SampleCodes ramp_codes(std::size_t points) {
  SampleCodes codes{SampleEncoding::u8, {0.04, -5.0}, {}};
  for (std::size_t i = 0; i < points; ++i) codes.bytes.push_back(static_cast<char>(i * 7 % 251));
  return codes;
}

std::vector<double> values_of(const SampleCodes& codes) {
  std::vector<double> values;
  decode_samples(codes.encoding, codes.bytes, codes.scaling, values);
  return values;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string message_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const StoreError& error) {
    return error.what();
  }
  return "(no StoreError)";
}

TEST(ArrayFiles, LargeArraysGoToAFileAndSmallOnesStayInTheirRow) {
  litmus::testing::TempDir dir;
  const SampleCodes large = ramp_codes(kArrayFileFromBytes);
  const SampleCodes small = ramp_codes(kArrayFileFromBytes - 1);
  const std::vector<double> doubles(kArrayFileFromBytes / sizeof(double), 2.5);  // 64 KiB of float64
  std::string session;
  std::uint64_t large_seq = 0, small_seq = 0, doubles_seq = 0;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    session = log->session_id();
    large_seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", large, {.role = "scope"});
    small_seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", small, {.role = "scope"});
    doubles_seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", doubles, {.role = "scope"});
    ASSERT_TRUE(log->wait_for_store(30s));
  }
  auto store = EventStore::open(dir.path());
  const auto large_row = stored_array(*store, session, large_seq);
  EXPECT_EQ(large_row.file, session + "/" + std::to_string(large_seq) + ".bin");
  EXPECT_EQ(large_row.inline_bytes, 0u);
  EXPECT_EQ(file_text(dir.path() / "arrays" / large_row.file), large.bytes);  // the codes, once
  const auto small_row = stored_array(*store, session, small_seq);
  EXPECT_EQ(small_row.file, "");
  EXPECT_EQ(small_row.inline_bytes, small.bytes.size());
  EXPECT_NE(stored_array(*store, session, doubles_seq).file, "");

  ChannelStore channels(*store);
  EXPECT_EQ(channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(large_seq)})->y, values_of(large));
  EXPECT_EQ(channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(small_seq)})->y, values_of(small));
  EXPECT_EQ(channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(doubles_seq)})->y, doubles);
  auto data = channels.query("scope.ch1", {.last_n = 3, .max_points = 100});
  ASSERT_TRUE(data);
  EXPECT_EQ(data->arrays.size(), 3u);
  EXPECT_EQ(data->arrays[0].y.size(), 100u);
}

// The writer died after writing a file and before its row committed (here:
// a half-written file and a journal never ingested). Recovery rewrites the
// file from the journal; replaying again changes nothing.
TEST(ArrayFiles, ACrashBetweenTheFileAndItsRowIsMendedByReplay) {
  litmus::testing::TempDir dir;
  const SampleCodes codes = ramp_codes(200'000);
  std::string session;
  std::uint64_t seq = 0;
  {
    auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
    session = log->session_id();
    seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", codes, {.role = "scope"});
  }
  const auto name = ArrayFiles::name_for(session, seq);
  ASSERT_TRUE(name);
  const auto path = dir.path() / "arrays" / *name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << codes.bytes.substr(0, 70'000) << "torn";

  auto store = EventStore::open(dir.path());
  EXPECT_EQ(recover(dir.path(), *store).journals_replayed, 1);
  EXPECT_EQ(file_text(path), codes.bytes);
  ChannelStore channels(*store);
  EXPECT_EQ(channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(seq)})->y, values_of(codes));

  // Ingesting the whole journal again: one row, the same bytes.
  JournalIngestor again(journal_dir(dir.path()) / (session + ".journal"), 0);
  EXPECT_GT(again.ingest_some(*store, std::numeric_limits<std::uint64_t>::max(), 4096), 0u);
  auto count = store->db().prepare("SELECT count(*) FROM channel_arrays");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 1);
  EXPECT_EQ(file_text(path), codes.bytes);
}

class StoredArrayFile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto log = EventLog::create({.data_dir = dir_.path()});
    session_ = log->session_id();
    seq_ = static_cast<std::int64_t>(
        log->emit_samples("instrument.read", wave_payload(), "scope.ch1", codes_, {.role = "scope"}));
    ASSERT_TRUE(log->wait_for_store(30s));
    log.reset();
    store_ = EventStore::open(dir_.path());
    path_ = dir_.path() / "arrays" / stored_array(*store_, session_, static_cast<std::uint64_t>(seq_)).file;
    ASSERT_TRUE(std::filesystem::is_regular_file(path_)) << path_;
  }
  std::string resolve_error() {
    return message_of([&] { ChannelStore(*store_).resolve({"scope.ch1", session_, seq_}); });
  }

  litmus::testing::TempDir dir_;
  const SampleCodes codes_ = ramp_codes(100'000);
  std::string session_;
  std::int64_t seq_ = 0;
  std::unique_ptr<EventStore> store_;
  std::filesystem::path path_;
};

TEST_F(StoredArrayFile, AMissingFileIsAnErrorNamingTheArrayAndTheFile) {
  std::filesystem::remove(path_);
  const std::string error = resolve_error();
  EXPECT_NE(error.find("channel://scope.ch1/" + session_ + "/" + std::to_string(seq_)), std::string::npos) << error;
  EXPECT_NE(error.find(path_.string()), std::string::npos) << error;
  EXPECT_NE(error.find("No such file"), std::string::npos) << error;
}

TEST_F(StoredArrayFile, AShortFileIsAnError) {
  std::filesystem::resize_file(path_, 99'999);
  const std::string error = resolve_error();
  EXPECT_NE(error.find("holds 99999 bytes, its row says 100000"), std::string::npos) << error;
}

TEST_F(StoredArrayFile, ADamagedFileIsAnErrorNotOtherSamples) {
  litmus::testing::flip_byte(path_, 54'321);
  EXPECT_NE(resolve_error().find("is damaged"), std::string::npos);
  litmus::testing::flip_byte(path_, 54'321);
  EXPECT_EQ(ChannelStore(*store_).resolve({"scope.ch1", session_, seq_})->y, values_of(codes_));
}

TEST_F(StoredArrayFile, ARowNamingAFileOutsideTheArraysDirectoryIsRefused) {
  for (const char* name : {"../litmus.db", "/etc/passwd", "not-a-session/1.bin", "", "x/../../y.bin"}) {
    store_->db().prepare("UPDATE channel_arrays SET samples_file = ?1").bind(1, std::string(name)).step();
    EXPECT_NE(resolve_error().find("which is not <session>/<seq>.bin"), std::string::npos) << name;
  }
  const std::string uuid_name = session_ + "/../../litmus.db";
  store_->db().prepare("UPDATE channel_arrays SET samples_file = ?1").bind(1, uuid_name).step();
  EXPECT_NE(resolve_error().find("which is not <session>/<seq>.bin"), std::string::npos);
  store_->db().exec("UPDATE channel_arrays SET samples_crc = NULL, samples_file = 'x'");
  EXPECT_NE(resolve_error().find("without a valid encoding, length and CRC"), std::string::npos);
}

// The arrays directory cannot be made (a file is in its way): the writer
// says why and keeps the events in the journal; once the way is clear it
// stores them, the waveform included.
TEST(ArrayFiles, AnArraysDirectoryThatCannotBeMadeHoldsTheEventsInTheJournal) {
  litmus::testing::TempDir dir;
  ensure_data_dir(dir.path());
  std::ofstream(dir.path() / "arrays") << "in the way";
  const SampleCodes codes = ramp_codes(100'000);
  auto log = EventLog::create({.data_dir = dir.path()});
  const auto seq =
      static_cast<std::int64_t>(log->emit_samples("instrument.read", wave_payload(), "scope.ch1", codes));
  EXPECT_FALSE(log->wait_for_store(300ms));
  std::filesystem::remove(dir.path() / "arrays");
  ASSERT_TRUE(log->wait_for_store(30s));
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(ChannelStore(*store).resolve({"scope.ch1", log->session_id(), seq})->y, values_of(codes));
}

TEST(ArrayFiles, OnlyUuidSessionsNameADirectory) {
  EXPECT_EQ(ArrayFiles::name_for("c0de5000-0000-4000-8000-000000000001", 42),
            "c0de5000-0000-4000-8000-000000000001/42.bin");
  EXPECT_FALSE(ArrayFiles::name_for("../../etc", 1));
  EXPECT_FALSE(ArrayFiles::name_for("", 1));
}

}  // namespace
}  // namespace litmus::store
