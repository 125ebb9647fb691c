// Arrays kept as an instrument's codes (1–2 bytes a sample plus their
// scaling) instead of doubles: through the journal into channel_arrays and
// back out of the ChannelStore as the very doubles the driver computed;
// float64 rows, old and new, read as before; a schema-4 store upgrades; a
// damaged journal record holding codes is refused without harm to the rest.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/crc32c.hpp"
#include "core/data_dir.hpp"
#include "core/event_codec.hpp"
#include "core/journal_writer.hpp"
#include "litmus/event_log.hpp"
#include "store/channel_store.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"
#include "store/schema.hpp"
#include "support/file_bytes.hpp"
#include "support/stored_array.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

using litmus::testing::stored_array;

using nlohmann::json;

// A DS1104Z's Rigol scaling (y_increment 0.04, y_origin -25, y_reference 127).
constexpr SampleScaling kScaling{0.04, -(-25.0 + 127.0) * 0.04};

SampleCodes sine_codes(std::size_t points, SampleEncoding encoding = SampleEncoding::u8) {
  SampleCodes codes{encoding, kScaling, {}};
  for (std::size_t i = 0; i < points; ++i) {
    const double wave = std::sin(static_cast<double>(i) / 37.0);
    if (encoding == SampleEncoding::u8) {
      codes.bytes.push_back(static_cast<char>(static_cast<int>(127.5 + 127 * wave)));
    } else {
      const auto word = static_cast<unsigned>(32767.5 + 32767 * wave);
      codes.bytes.push_back(static_cast<char>(word & 0xff));
      codes.bytes.push_back(static_cast<char>(word >> 8));
    }
  }
  return codes;
}

std::vector<double> values_of(const SampleCodes& codes) {
  std::vector<double> values;
  decode_samples(codes.encoding, codes.bytes, codes.scaling, values);
  return values;
}

// Bit for bit, so that "the same doubles" means the same doubles.
void expect_same_bits(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(actual[i]), std::bit_cast<std::uint64_t>(expected[i])) << "sample " << i;
  }
}

json wave_payload(double x_origin = -1e-3, double x_increment = 1e-6) {
  return {{"method", "read_waveform"}, {"channel", "scope.ch1"}, {"x_origin", x_origin},
          {"x_increment", x_increment}, {"x_units", "s"}, {"y_units", "V"}, {"units", "V"}};
}

TEST(ArrayCodes, RoundTripThroughJournalAndStoreBitForBit) {
  litmus::testing::TempDir dir;
  const SampleCodes bytes = sine_codes(100'000);
  const SampleCodes words = sine_codes(5'000, SampleEncoding::u16le);
  std::string session;
  std::uint64_t byte_seq = 0;
  std::uint64_t word_seq = 0;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    session = log->session_id();
    byte_seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", bytes, {.role = "scope"});
    word_seq = log->emit_samples("instrument.read", wave_payload(), "scope.ch1", words, {.role = "scope"});
    ASSERT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(stored_array(*store, session, byte_seq).encoding, "u8");
  EXPECT_EQ(stored_array(*store, session, byte_seq).bytes, 100'000u);  // not 800 000
  EXPECT_EQ(stored_array(*store, session, byte_seq).length, 100'000);
  EXPECT_EQ(stored_array(*store, session, word_seq).encoding, "u16le");
  EXPECT_EQ(stored_array(*store, session, word_seq).bytes, 10'000u);

  ChannelStore channels(*store);
  auto full = channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(byte_seq)});
  ASSERT_TRUE(full);
  EXPECT_EQ(full->length, 100'000);
  expect_same_bits(full->y, values_of(bytes));
  EXPECT_EQ(full->x_origin, -1e-3);
  EXPECT_EQ(full->x[99'999], -1e-3 + 99'999 * 1e-6);
  auto word_array = channels.resolve({"scope.ch1", session, static_cast<std::int64_t>(word_seq)});
  ASSERT_TRUE(word_array);
  expect_same_bits(word_array->y, values_of(words));

  // Decimated reads pick from the same doubles.
  auto data = channels.query("scope.ch1", {.last_n = 2, .max_points = 1000});
  ASSERT_TRUE(data);
  ASSERT_EQ(data->arrays.size(), 2u);
  EXPECT_EQ(data->total_points, 105'000);
  const auto& decimated = data->arrays[0];
  ASSERT_EQ(decimated.y.size(), 1000u);
  const auto expected = values_of(bytes);
  for (std::size_t i = 0; i < decimated.x.size(); ++i) {
    const auto index = static_cast<std::size_t>(std::llround((decimated.x[i] - -1e-3) / 1e-6));
    ASSERT_EQ(std::bit_cast<std::uint64_t>(decimated.y[i]), std::bit_cast<std::uint64_t>(expected[index])) << i;
  }
  // The event carries the claim check and the length, as for doubles.
  auto events = store->events({.session_id = session, .type = "instrument.read"});
  ASSERT_EQ(events.size(), 2u);
  const auto value = json::parse(events[0].event.payload)["value"];
  EXPECT_EQ(value["_ref"], make_channel_ref("scope.ch1", session, byte_seq));
  EXPECT_EQ(value["length"], 100'000);
}

TEST(ArrayCodes, DoublesAreStillStoredAsFloat64) {
  litmus::testing::TempDir dir;
  std::vector<double> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back(std::sin(i / 10.0) * 1e-3);
  std::string session;
  std::uint64_t seq = 0;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    session = log->session_id();
    seq = log->emit_samples("instrument.read", wave_payload(0.0, 1.0), "scope.ch1", samples);
    ASSERT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(stored_array(*store, session, seq).encoding, "float64");
  EXPECT_EQ(stored_array(*store, session, seq).bytes, 8000u);
  auto array = ChannelStore(*store).resolve({"scope.ch1", session, static_cast<std::int64_t>(seq)});
  ASSERT_TRUE(array);
  expect_same_bits(array->y, samples);
}

// A store of schema 4: channel_arrays without encoding, y_gain, y_offset,
// holding float64 rows. Opening it adds the columns; the old rows read as
// they did, and arrays of codes go in beside them.
TEST(ArrayCodes, ASchema4StoreUpgradesAndKeepsItsArrays) {
  litmus::testing::TempDir dir;
  std::vector<double> samples{1.5, -2.25, 3e-9, 0.0};
  std::string old_session;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    old_session = log->session_id();
    log->emit_samples("instrument.read", wave_payload(0.0, 1.0), "scope.ch1", samples);
    ASSERT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  {
    auto store = EventStore::open(dir.path());
    store->db().exec(
        "ALTER TABLE channel_arrays DROP COLUMN encoding; ALTER TABLE channel_arrays DROP COLUMN y_gain; "
        "ALTER TABLE channel_arrays DROP COLUMN y_offset; ALTER TABLE channel_arrays DROP COLUMN samples_file; "
        "ALTER TABLE channel_arrays DROP COLUMN samples_crc; "
        "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    auto columns = store->db().prepare("SELECT count(*) FROM pragma_table_info('channel_arrays')");
    ASSERT_TRUE(columns.step());
    ASSERT_EQ(columns.column_int(0), 10);
  }
  const SampleCodes codes = sine_codes(1000);
  std::string new_session;
  {
    auto log = EventLog::create({.data_dir = dir.path()});  // its store writer opens (and upgrades) the store
    new_session = log->session_id();
    log->emit_samples("instrument.read", wave_payload(), "scope.ch1", codes);
    ASSERT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
  EXPECT_GE(kSchemaVersion, 5);
  EXPECT_EQ(stored_array(*store, old_session, 1).encoding, "float64");
  EXPECT_EQ(stored_array(*store, new_session, 1).encoding, "u8");
  ChannelStore channels(*store);
  auto old_array = channels.resolve({"scope.ch1", old_session, 1});
  ASSERT_TRUE(old_array);
  expect_same_bits(old_array->y, samples);
  auto new_array = channels.resolve({"scope.ch1", new_session, 1});
  ASSERT_TRUE(new_array);
  expect_same_bits(new_array->y, values_of(codes));
  // Opening again changes nothing.
  store.reset();
  store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
}

// A row the reader cannot expand says so instead of inventing samples.
TEST(ArrayCodes, AnUnreadableRowIsAnError) {
  litmus::testing::TempDir dir;
  std::string session;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    session = log->session_id();
    log->emit_samples("instrument.read", wave_payload(), "scope.ch1", sine_codes(10, SampleEncoding::u16le));
    ASSERT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  auto store = EventStore::open(dir.path());
  store->db().exec("UPDATE channel_arrays SET samples = substr(samples, 1, 19)");
  EXPECT_THROW(ChannelStore(*store).resolve({"scope.ch1", session, 1}), StoreError);
  store->db().exec("UPDATE channel_arrays SET encoding = 'i12'");
  EXPECT_THROW(ChannelStore(*store).resolve({"scope.ch1", session, 1}), StoreError);
}

// A journal written by hand, record by record, so that records holding
// codes can be damaged in each way a file can be.
class DamagedCodesJournal : public ::testing::Test {
 protected:
  static constexpr const char* kSession = "c0de5000-0000-4000-8000-000000000001";

  void SetUp() override {
    ensure_data_dir(dir_.path());
    path_ = journal_dir(dir_.path()) / (std::string(kSession) + ".journal");
    writer_ = JournalWriter::create(path_, kSession);
  }

  Event event(std::uint64_t seq, const std::string& type, const json& payload) {
    Event e;
    e.seq = seq;
    e.ts = 1'000'000'000 * static_cast<std::int64_t>(seq);
    e.type = type;
    e.role = "scope";
    e.payload = payload.dump();
    return e;
  }
  // Appends a scalar read; returns the record's [start, end).
  std::pair<std::uint64_t, std::uint64_t> scalar(std::uint64_t seq) {
    std::string record(journal::kHeaderSize, '\0');
    codec::encode_event(event(seq, "instrument.read", {{"channel", "dmm.voltage"}, {"value", 1.0 * seq}}), {}, {},
                        record);
    return append(record);
  }
  // Appends an array read of `codes`; `tamper` may change the body before
  // it is framed (and checksummed).
  std::pair<std::uint64_t, std::uint64_t> array(std::uint64_t seq, const SampleCodes& codes,
                                                 const std::function<void(std::string&)>& tamper = {}) {
    json payload = wave_payload();
    payload["value"] = {{"_ref", make_channel_ref("scope.ch1", kSession, seq)}, {"length", codes.size()}};
    std::string record(journal::kHeaderSize, '\0');
    codec::encode_array_event(event(seq, "instrument.read", payload), "scope.ch1",
                              {codes.encoding, codes.scaling, codes.bytes}, record);
    if (tamper) tamper(record);
    return append(record);
  }
  std::pair<std::uint64_t, std::uint64_t> append(std::string& record) {
    const std::uint64_t start = writer_->size();
    return {start, writer_->append(journal::RecordKind::event, record)};
  }
  void flip_byte(std::uint64_t offset) { litmus::testing::flip_byte(path_, offset); }
  std::vector<std::uint64_t> stored_seqs(EventStore& store) {
    std::vector<std::uint64_t> seqs;
    for (const auto& row : store.events({.session_id = kSession, .limit = 100})) seqs.push_back(row.event.seq);
    return seqs;
  }

  litmus::testing::TempDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<JournalWriter> writer_;
};

TEST_F(DamagedCodesJournal, BadRecordsAreSkippedAndTheRestIsKept) {
  const SampleCodes good = sine_codes(50'000);
  scalar(1);
  const auto flipped = array(2, good);  // a bit flipped in its codes: the checksum fails
  scalar(3);
  // Checksummed, but claiming one code more than it holds.
  array(4, good, [](std::string& record) {
    const std::size_t count_at = record.size() - 50'000 - 16 - 4;
    record[count_at] = static_cast<char>(record[count_at] + 1);
  });
  scalar(5);
  // Checksummed, but with an encoding nobody knows.
  array(6, good, [](std::string& record) { record[record.size() - 50'000 - 16 - 4 - 1] = 9; });
  array(7, good);
  const auto torn = array(8, good);  // the process died while writing it
  writer_.reset();
  flip_byte(flipped.first + 20'000);
  std::filesystem::resize_file(path_, torn.first + (torn.second - torn.first) / 2);

  auto store = EventStore::open(dir_.path());
  const RecoveryReport report = recover(dir_.path(), *store);
  EXPECT_EQ(report.journals_replayed, 1);
  EXPECT_FALSE(report.problems.empty());
  // 1, 3, 5 and 7 made it, then recovery's synthetic session.ended.
  const auto seqs = stored_seqs(*store);
  ASSERT_GE(seqs.size(), 5u);
  EXPECT_EQ(std::vector<std::uint64_t>(seqs.begin(), seqs.begin() + 4), (std::vector<std::uint64_t>{1, 3, 5, 7}));
  EXPECT_EQ(store->events({.session_id = kSession, .type = "session.ended"}).size(), 1u);
  ChannelStore channels(*store);
  for (std::int64_t seq : {2, 4, 6, 8}) EXPECT_FALSE(channels.resolve({"scope.ch1", kSession, seq})) << seq;
  auto kept = channels.resolve({"scope.ch1", kSession, 7});
  ASSERT_TRUE(kept);
  expect_same_bits(kept->y, values_of(good));
  EXPECT_EQ(channels.query("dmm.voltage", {})->y, (std::vector<double>{1, 3, 5}));
}

}  // namespace
}  // namespace litmus::store
