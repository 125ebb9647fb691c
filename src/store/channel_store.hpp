#pragma once
// ChannelStore: scalar series and arrays (waveforms) per channel, read back
// with optional LTTB decimation. Arrays are addressed by claim-check URIs
// "channel://<channel>/<session>/<seq>".

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/array_files.hpp"
#include "store/event_store.hpp"

namespace litmus::store {

struct ChannelQuery {
  std::string session_id;  // full id; empty: every session
  std::optional<std::int64_t> since_ts;  // ns, inclusive
  std::optional<std::int64_t> until_ts;  // ns, inclusive
  // Scalar channels: the newest N points. Array channels: the newest N
  // arrays (default 1).
  std::optional<std::int64_t> last_n;
  // Decimate each series to at most this many points with LTTB (first and
  // last kept). Must be >= 3 when set.
  std::optional<std::int64_t> max_points;
};

struct ChannelArray {
  std::string ref;  // claim check
  std::string session_id;
  std::int64_t seq = 0;
  std::int64_t ts = 0;
  std::int64_t length = 0;  // samples stored
  double x_origin = 0.0;
  double x_increment = 1.0;
  std::string x_units;
  std::string y_units;
  std::vector<double> x;  // after decimation
  std::vector<double> y;
};

struct ChannelData {
  ChannelRow channel;
  // Scalar channels: x = ts (ns), y = value, oldest first.
  std::vector<double> x;
  std::vector<double> y;
  std::int64_t total_points = 0;  // before decimation
  std::vector<ChannelArray> arrays;  // array channels, oldest first
};

void to_json(nlohmann::json& j, const ChannelArray& a);
void to_json(nlohmann::json& j, const ChannelData& d);

struct ChannelRef {
  std::string channel;
  std::string session_id;
  std::int64_t seq = 0;
};
// Parses "channel://scope.ch1/<session>/<seq>"; nullopt when malformed.
std::optional<ChannelRef> parse_channel_ref(std::string_view uri);
std::string make_channel_ref(std::string_view channel, std::string_view session_id, std::uint64_t seq);

class ChannelStore {
 public:
  explicit ChannelStore(EventStore& store) : store_(store), files_(store.path().parent_path()) {}

  // nullopt when the channel is unknown.
  std::optional<ChannelData> query(std::string_view channel_id, const ChannelQuery& query);
  // The full array behind a claim check; nullopt when unknown.
  std::optional<ChannelArray> resolve(const ChannelRef& ref);

 private:
  EventStore& store_;
  ArrayFiles files_;  // where the large arrays' bytes are
};

}  // namespace litmus::store
