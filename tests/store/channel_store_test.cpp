#include "store/channel_store.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "store_fixture.hpp"

namespace litmus::store {
namespace {

using litmus::testing::make_entry;
constexpr const char* kS = "cccccccc-0000-4000-8000-000000000001";

TEST(ChannelRef, ParsesAndRejects) {
  auto ref = parse_channel_ref(make_channel_ref("scope.ch1", kS, 5));
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->channel, "scope.ch1");
  EXPECT_EQ(ref->session_id, kS);
  EXPECT_EQ(ref->seq, 5);
  EXPECT_FALSE(parse_channel_ref("http://x/y/1"));
  EXPECT_FALSE(parse_channel_ref("channel://scope.ch1/1"));
  EXPECT_FALSE(parse_channel_ref("channel://scope.ch1/s/x"));
  EXPECT_FALSE(parse_channel_ref("channel://scope.ch1/s/0"));
  EXPECT_FALSE(parse_channel_ref("channel:///s/1"));
}

class ChannelStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = EventStore::open(dir_.path());
    std::vector<JournalEntry> entries;
    for (std::uint64_t i = 1; i <= 100; ++i) {
      entries.push_back(make_entry(kS, i, "instrument.read",
                                   {{"channel", "dmm.voltage"}, {"value", static_cast<double>(i)}, {"units", "V"}},
                                   "dmm"));
    }
    auto wave = make_entry(kS, 101, "instrument.read",
                           {{"channel", "scope.ch1"}, {"x_origin", -1.0}, {"x_increment", 0.5}, {"y_units", "V"},
                            {"value", {{"_ref", make_channel_ref("scope.ch1", kS, 101)}, {"length", 1000}}}},
                           "scope");
    wave.samples = SampleBlock{"scope.ch1", {}};
    for (int i = 0; i < 1000; ++i) wave.samples->samples.push_back(std::sin(i / 10.0));
    entries.push_back(wave);
    store_->ingest(entries, 1);
  }
  litmus::testing::TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(ChannelStoreTest, ScalarSeriesWithLastNAndTimeWindow) {
  ChannelStore channels(*store_);
  auto all = channels.query("dmm.voltage", {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->y.size(), 100u);
  EXPECT_EQ(all->total_points, 100);
  auto last = channels.query("dmm.voltage", {.last_n = 5});
  EXPECT_EQ(last->y, (std::vector<double>{96, 97, 98, 99, 100}));
  auto window = channels.query("dmm.voltage", {.since_ts = 10'000'000'000, .until_ts = 12'000'000'000});
  EXPECT_EQ(window->y, (std::vector<double>{10, 11, 12}));
  auto decimated = channels.query("dmm.voltage", {.max_points = 10});
  ASSERT_EQ(decimated->y.size(), 10u);
  EXPECT_EQ(decimated->y.front(), 1);
  EXPECT_EQ(decimated->y.back(), 100);
  EXPECT_FALSE(channels.query("nope", {}));
}

TEST_F(ChannelStoreTest, ArraysAreDecimatedWithTheirXAxis) {
  ChannelStore channels(*store_);
  auto data = channels.query("scope.ch1", {.max_points = 500});
  ASSERT_TRUE(data);
  EXPECT_EQ(data->channel.kind, "array");
  ASSERT_EQ(data->arrays.size(), 1u);
  const auto& a = data->arrays[0];
  EXPECT_EQ(a.length, 1000);
  ASSERT_EQ(a.y.size(), 500u);
  EXPECT_DOUBLE_EQ(a.x.front(), -1.0);
  EXPECT_DOUBLE_EQ(a.x.back(), -1.0 + 999 * 0.5);
  EXPECT_DOUBLE_EQ(a.y.front(), std::sin(0.0));
  EXPECT_DOUBLE_EQ(a.y.back(), std::sin(999 / 10.0));
  auto full = channels.resolve(*parse_channel_ref(a.ref));
  ASSERT_TRUE(full);
  EXPECT_EQ(full->y.size(), 1000u);
}

}  // namespace
}  // namespace litmus::store
