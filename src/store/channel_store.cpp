#include "store/channel_store.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "litmus/error.hpp"
#include "litmus/sample_codes.hpp"
#include "store/lttb.hpp"

namespace litmus::store {

using nlohmann::json;

namespace {

// Without max_points a series is still decimated to this many points, so a
// long-running channel cannot produce a response of unbounded size.
constexpr std::int64_t kDefaultMaxPoints = 10000;
constexpr std::string_view kScheme = "channel://";
constexpr const char* kArrayColumns =
    "channel_id, session_id, seq, ts, length, x_origin, x_increment, x_units, y_units, samples, encoding, y_gain, "
    "y_offset, samples_file, samples_crc";

void decimate(std::vector<double>& x, std::vector<double>& y, std::size_t budget, bool uniform) {
  if (y.size() <= budget) return;
  const auto kept = uniform ? lttb_indices_uniform(y, budget) : lttb_indices(x, y, budget);
  std::vector<double> kx;
  std::vector<double> ky;
  kx.reserve(kept.size());
  ky.reserve(kept.size());
  for (std::size_t i : kept) {
    kx.push_back(x[i]);
    ky.push_back(y[i]);
  }
  x.swap(kx);
  y.swap(ky);
}

// The optional filters shared by the point and array queries; parameters
// ?2..?4 are bound by bind_filters.
std::string filters(const ChannelQuery& query) {
  std::string sql;
  if (!query.session_id.empty()) sql += " AND session_id = ?2";
  if (query.since_ts) sql += " AND ts >= ?3";
  if (query.until_ts) sql += " AND ts <= ?4";
  return sql;
}

void bind_filters(Statement& q, std::string_view channel_id, const ChannelQuery& query) {
  q.bind(1, channel_id);
  if (!query.session_id.empty()) q.bind(2, query.session_id);
  if (query.since_ts) q.bind(3, *query.since_ts);
  if (query.until_ts) q.bind(4, *query.until_ts);
}

ChannelArray read_array(const Statement& q, const ArrayFiles& files, std::size_t budget) {
  ChannelArray a;
  const std::string channel = q.column_text(0);
  a.session_id = q.column_text(1);
  a.seq = q.column_int(2);
  a.ts = q.column_int(3);
  a.length = q.column_int(4);
  a.x_origin = q.column_double(5);
  a.x_increment = q.column_double(6);
  a.x_units = q.column_text(7);
  a.y_units = q.column_text(8);
  a.ref = make_channel_ref(channel, a.session_id, static_cast<std::uint64_t>(a.seq));
  const std::string encoding_text = q.column_text(10);
  const std::optional<SampleEncoding> encoding = parse_encoding(encoding_text);
  std::string file_bytes;  // a large array's, read from its file
  std::string_view blob = q.column_blob(9);
  if (!q.is_null(13)) {
    if (!encoding || a.length < 0 || q.is_null(14)) {
      throw StoreError("channel array " + a.ref + ": its row names the array file '" + q.column_text(13) +
                       "' without a valid encoding, length and CRC");
    }
    file_bytes = files.read(q.column_text(13), static_cast<std::size_t>(a.length) * sample_width(*encoding),
                            static_cast<std::uint32_t>(q.column_int(14)), "channel array " + a.ref);
    blob = file_bytes;
  }
  if (!encoding || blob.size() % sample_width(*encoding) != 0) {
    throw StoreError("channel array " + a.ref + ": cannot read " + std::to_string(blob.size()) +
                     " bytes of samples encoded '" + encoding_text + "'");
  }
  if (*encoding == SampleEncoding::float64) {
    a.y.resize(blob.size() / sizeof(double));
    std::memcpy(a.y.data(), blob.data(), a.y.size() * sizeof(double));
  } else {
    // Codes expand through the function the driver scaled with: the same
    // doubles, bit for bit.
    decode_samples(*encoding, blob, SampleScaling{q.column_double(11), q.column_double(12)}, a.y);
  }
  a.x.resize(a.y.size());
  for (std::size_t i = 0; i < a.x.size(); ++i) a.x[i] = a.x_origin + static_cast<double>(i) * a.x_increment;
  decimate(a.x, a.y, budget, /*uniform=*/true);
  return a;
}

}  // namespace

std::string make_channel_ref(std::string_view channel, std::string_view session_id, std::uint64_t seq) {
  std::string ref(kScheme);
  ref.append(channel).append("/").append(session_id).append("/").append(std::to_string(seq));
  return ref;
}

std::optional<ChannelRef> parse_channel_ref(std::string_view uri) {
  if (!uri.starts_with(kScheme)) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  const auto seq_slash = uri.rfind('/');
  if (seq_slash == std::string_view::npos) return std::nullopt;
  const auto session_slash = uri.rfind('/', seq_slash == 0 ? 0 : seq_slash - 1);
  if (session_slash == std::string_view::npos || session_slash == 0 || session_slash + 1 >= seq_slash) {
    return std::nullopt;
  }
  ChannelRef ref;
  ref.channel = std::string(uri.substr(0, session_slash));
  ref.session_id = std::string(uri.substr(session_slash + 1, seq_slash - session_slash - 1));
  const std::string_view seq_text = uri.substr(seq_slash + 1);
  auto [end, error] = std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), ref.seq);
  if (error != std::errc() || end != seq_text.data() + seq_text.size() || ref.seq <= 0) return std::nullopt;
  return ref;
}

std::optional<ChannelData> ChannelStore::query(std::string_view channel_id, const ChannelQuery& query) {
  auto channel = store_.channel(channel_id);
  if (!channel) return std::nullopt;
  ChannelData data;
  data.channel = std::move(*channel);
  const auto budget = static_cast<std::size_t>(query.max_points.value_or(kDefaultMaxPoints));
  Database& db = store_.db();

  if (data.channel.kind == "array") {
    const std::int64_t last_n = query.last_n.value_or(1);
    auto q = db.prepare(std::string("SELECT ") + kArrayColumns + " FROM channel_arrays WHERE channel_id = ?1" +
                        filters(query) + " ORDER BY ts DESC, seq DESC LIMIT ?5");
    bind_filters(q, channel_id, query);
    q.bind(5, last_n);
    while (q.step()) data.arrays.push_back(read_array(q, files_, budget));
    std::reverse(data.arrays.begin(), data.arrays.end());
    data.total_points = 0;
    for (const auto& a : data.arrays) data.total_points += a.length;
    return data;
  }

  std::string sql = "SELECT ts, value FROM channel_points WHERE channel_id = ?1" + filters(query);
  if (query.last_n) {
    sql += " ORDER BY ts DESC LIMIT ?5";
  } else {
    sql += " ORDER BY ts";
  }
  auto q = db.prepare(sql);
  bind_filters(q, channel_id, query);
  if (query.last_n) q.bind(5, *query.last_n);
  while (q.step()) {
    data.x.push_back(static_cast<double>(q.column_int(0)));
    data.y.push_back(q.column_double(1));
  }
  if (query.last_n) {
    std::reverse(data.x.begin(), data.x.end());
    std::reverse(data.y.begin(), data.y.end());
  }
  data.total_points = static_cast<std::int64_t>(data.y.size());
  decimate(data.x, data.y, budget, /*uniform=*/false);
  return data;
}

std::optional<ChannelArray> ChannelStore::resolve(const ChannelRef& ref) {
  auto q = store_.db().prepare(std::string("SELECT ") + kArrayColumns +
                               " FROM channel_arrays WHERE channel_id = ?1 AND session_id = ?2 AND seq = ?3");
  q.bind(1, ref.channel).bind(2, ref.session_id).bind(3, ref.seq);
  if (!q.step()) return std::nullopt;
  return read_array(q, files_, std::numeric_limits<std::size_t>::max());
}

void to_json(json& j, const ChannelArray& a) {
  j = json{{"ref", a.ref},
           {"session_id", a.session_id},
           {"seq", a.seq},
           {"ts", a.ts},
           {"length", a.length},
           {"x_origin", a.x_origin},
           {"x_increment", a.x_increment},
           {"x_units", a.x_units},
           {"y_units", a.y_units},
           {"x", a.x},
           {"y", a.y}};
}

void to_json(json& j, const ChannelData& d) {
  j = json{{"channel", d.channel}, {"x", d.x}, {"y", d.y}, {"total_points", d.total_points}, {"arrays", d.arrays}};
}

}  // namespace litmus::store
