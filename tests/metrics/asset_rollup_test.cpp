// The Assets lens reads whole days from the assets rollup and the rest
// connection by connection (store/asset_rollup.hpp). Table-driven: a line
// over four days — a connection at midnight, one across midnight, one
// left open in an ended session, a live session, a run in flight,
// development — asked through windows cut in the middle of days, and
// every answer compared with the lens as it was before the rollup (the
// reference below: every connection of the picked sessions, clipped to
// the window), then again with every day stale, after late events, and
// after the upgrade from schema 5.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "line_builder.hpp"
#include "metrics/metrics_request.hpp"
#include "store/schema.hpp"

namespace litmus::metrics {
namespace {

using nlohmann::json;
using testing::InstrumentSpec;
using testing::LineBuilder;
using Parameters = std::vector<std::pair<std::string, std::string>>;

const std::int64_t kNow = *parse_timestamp_ns("2026-11-06T00:00:00Z");

struct Usage {
  std::int64_t sessions = 0;
  std::int64_t connected_ns = 0;
  bool operator==(const Usage&) const = default;
};

// (role, resource) → usage: the lens before the rollup, written out.
std::map<std::pair<std::string, std::string>, Usage> reference_assets(store::Database& db, const MetricsFilter& filter) {
  const std::int64_t start = filter.since_ns.value_or(std::numeric_limits<std::int64_t>::min());
  const std::int64_t end = filter.until_ns.value_or(kNow);
  MetricsFilter by_runs = filter;
  by_runs.since_ns.reset();
  by_runs.until_ns.reset();
  std::set<std::string> sessions;
  const RunSelection runs = select_runs(by_runs, "r.session_id");
  auto picked = db.prepare(runs.sql);
  runs.bind(picked);
  while (picked.step()) sessions.insert(picked.column_text(0));
  auto q = db.prepare(
      "SELECT i.session_id, i.role, COALESCE(i.resource, ''), i.connected_ts, COALESCE(i.disconnected_ts, s.ended_ts) "
      "FROM instruments i LEFT JOIN sessions s ON s.session_id = i.session_id WHERE i.connected_ts IS NOT NULL");
  std::map<std::pair<std::string, std::string>, Usage> out;
  while (q.step()) {
    if (!sessions.contains(q.column_text(0))) continue;
    const std::int64_t connected = q.column_int(3);
    const std::int64_t until = q.column_optional_int(4).value_or(end);
    if (connected >= end || until <= start) continue;
    Usage& usage = out[{q.column_text(1), q.column_text(2)}];
    usage.sessions += 1;
    usage.connected_ns += std::max<std::int64_t>(0, std::min(until, end) - std::max(connected, start));
  }
  return out;
}

void expect_matches_reference(store::Database& db, const Parameters& parameters, const std::string& label) {
  SCOPED_TRACE(label);
  const auto request = parse_metrics_request(Lens::assets, parameters);
  const json answer = run_metrics(db, request, kNow);
  const auto want = reference_assets(db, request.filter);
  ASSERT_EQ(answer["rows"].size(), want.size()) << answer.dump();
  std::int64_t total_ns = 0;
  for (const auto& [key, usage] : want) total_ns += usage.connected_ns;
  for (const json& row : answer["rows"]) {
    const auto found = want.find({row["role"].get<std::string>(), row["resource"].get<std::string>()});
    ASSERT_NE(found, want.end()) << row;
    EXPECT_EQ(row["sessions"], found->second.sessions) << row;
    EXPECT_EQ(row["connected_s"].get<double>(), static_cast<double>(found->second.connected_ns) / 1e9) << row;
  }
  EXPECT_NEAR(answer["connected_s"].get<double>(), static_cast<double>(total_ns) / 1e9, 1e-6);
}

const char* const kDmm = "TCPIP::10.0.0.5::5025::SOCKET";
const char* const kPsu = "TCPIP::10.0.0.6::5025::SOCKET";

InstrumentSpec dmm(double from, std::optional<double> to, std::string serial = "MY1") {
  return {"dmm", kDmm, from, to, std::move(serial), "2027-01-31"};
}
InstrumentSpec psu(double from, std::optional<double> to) { return {"psu", kPsu, from, to, "DP1", "2026-12-01"}; }

void fill(LineBuilder& line) {
  // Day 1: at midnight exactly; at noon.
  line.add({.serial = "S1", .start = "2026-11-01T00:00:00Z", .instruments = {dmm(0, 60), psu(0, 20)}})
      .add({.serial = "S2", .start = "2026-11-01T12:00:00Z", .outcome = "failed", .instruments = {dmm(0, 30)}})
      // Day 2: across midnight (read raw); the psu never disconnected but
      // the session ended (it ends there); another station and lot;
      // development.
      .add({.serial = "S3", .start = "2026-11-02T23:59:00Z", .duration_s = 120, .instruments = {dmm(0, 120)}})
      .add({.serial = "S4", .start = "2026-11-02T13:30:00Z", .hostname = "host-b", .lot = "L2",
            .instruments = {dmm(0, 60, "MY2"), psu(5, std::nullopt)}})
      .add({.serial = "D1", .start = "2026-11-02T10:00:00Z", .phase = "development", .instruments = {dmm(0, 10)}})
      // Day 3: a live session (its dmm never disconnected, no session.ended)
      // whose run ended; another station.
      .add({.serial = "S6", .start = "2026-11-03T08:00:00Z", .instruments = {dmm(0, std::nullopt)}})
      .add({.serial = "S7", .start = "2026-11-03T17:00:00Z", .hostname = "host-b", .instruments = {dmm(0, 45)}})
      // Day 4: a run in flight (its session picked by no filter yet), a
      // finished one ending at the next midnight exactly.
      .add({.serial = "S8", .start = "2026-11-04T09:00:00Z", .instruments = {dmm(0, 30)}, .in_flight = true})
      .add({.serial = "S9", .start = "2026-11-04T23:59:00Z", .instruments = {dmm(0, 60)}});
}

const std::vector<std::pair<std::string, Parameters>>& windows() {
  static const std::vector<std::pair<std::string, Parameters>> all = {
      {"everything", {}},
      {"every phase", {{"phase", "*"}}},
      {"development", {{"phase", "development"}}},
      {"whole days", {{"since", "2026-11-02"}, {"until", "2026-11-04"}}},
      {"since mid-day", {{"since", "2026-11-01T00:00:30Z"}}},
      {"until mid-day", {{"until", "2026-11-03T12:00:00Z"}}},
      {"cut both ends", {{"since", "2026-11-01T06:00:00Z"}, {"until", "2026-11-03T12:00:00Z"}}},
      {"within one day", {{"since", "2026-11-02T13:30:30Z"}, {"until", "2026-11-02T20:00:00Z"}}},
      {"across one midnight", {{"since", "2026-11-02T23:59:30Z"}, {"until", "2026-11-03T00:00:30Z"}}},
      {"from a midnight", {{"since", "2026-11-05"}}},
      {"until a midnight", {{"until", "2026-11-05"}}},
      {"station and cut", {{"station", "host-b"}, {"since", "2026-11-02T12:00:00Z"}}},
      {"lot", {{"lot", "L1"}, {"until", "2026-11-03T08:00:00Z"}}},
      {"an empty window", {{"since", "2026-12-01"}}},
  };
  return all;
}

class AssetRollupLenses : public ::testing::Test {
 protected:
  void SetUp() override { fill(line_); }
  store::Database& db() { return line_.store().db(); }
  std::int64_t count(const std::string& sql) {
    auto q = db().prepare(sql);
    return q.step() ? q.column_int(0) : -1;
  }
  // An event a runner writes after the fact, in the session of the n-th
  // run added; `run_id` empty for a session or instrument event.
  void ingest(int run, std::uint64_t seq, const char* ts, const char* type, json payload, const std::string& role = "",
              const std::string& run_id = "") {
    char session[64];
    std::snprintf(session, sizeof session, "a%07d-0000-4000-8000-000000000000", run);
    JournalEntry entry;
    entry.event.session_id = session;
    entry.event.seq = seq;
    entry.event.ts = *parse_timestamp_ns(ts);
    entry.event.type = type;
    entry.event.role = role;
    entry.event.run_id = run_id;
    entry.event.payload = payload.dump();
    line_.store().ingest(std::vector<JournalEntry>{entry}, 0);
  }
  LineBuilder line_;
};

TEST_F(AssetRollupLenses, EndedSessionsAreMarkedAndInDayConnectionsSummed) {
  // Sessions ended: S1 (2), S2, S3, S4 (2), D1, S7, S9 = 9 connections; S6
  // is live, S8 in flight (no session.ended).
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_connections"), 9);
  // Raw: S3's crosses midnight. S9's ends at the next midnight: in its day.
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_connections WHERE day IS NULL"), 1);
  EXPECT_EQ(count("SELECT sum(sessions) FROM metric_rollup_assets"), 8);
  // S4's psu, never disconnected, counts to its session's end: 60 − 5 s.
  EXPECT_EQ(count("SELECT connected_ns FROM metric_rollup_assets WHERE role = 'psu' AND station = 'host-b'"),
            55'000'000'000);
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_asset_stale"), 0);
}

TEST_F(AssetRollupLenses, EveryWindowAnswersAsTheRawRowsDo) {
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, label);
}

TEST_F(AssetRollupLenses, EveryDayReadRawAnswersTheSame) {
  db().exec("INSERT INTO metric_rollup_asset_stale(day) SELECT DISTINCT day FROM metric_rollup_assets");
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "raw: " + label);
}

TEST_F(AssetRollupLenses, HandComputedRowsAndTheLatestIdentity) {
  // Default phases, no window: dmm S1 60 + S2 30 + S3 120 + S4 60 + S6 (live,
  // open: until now) + S7 45 + S9 60; S8's run is in flight (not picked).
  const json answer = run_metrics(db(), parse_metrics_request(Lens::assets, {}), kNow);
  ASSERT_EQ(answer["rows"].size(), 2u);
  const json& dmm_row = answer["rows"][0];
  EXPECT_EQ(dmm_row["role"], "dmm");
  EXPECT_EQ(dmm_row["sessions"], 7);
  const double s6 = static_cast<double>(kNow - *parse_timestamp_ns("2026-11-03T08:00:00Z")) / 1e9;
  EXPECT_DOUBLE_EQ(dmm_row["connected_s"].get<double>(), 60 + 30 + 120 + 60 + s6 + 45 + 60);
  EXPECT_EQ(dmm_row["serial"], "MY1");  // S9's connection is the latest (S4's said MY2)
  EXPECT_EQ(answer["rows"][1]["role"], "psu");
  EXPECT_DOUBLE_EQ(answer["rows"][1]["connected_s"].get<double>(), 20 + 55);
  // Until S4's day: its connection says MY2 and is the latest.
  const json day2 = run_metrics(db(), parse_metrics_request(Lens::assets, {{"until", "2026-11-02T20:00:00Z"}}), kNow);
  EXPECT_EQ(day2["rows"][0]["serial"], "MY2");
}

TEST_F(AssetRollupLenses, LateEventsReEnterTheSessionWithoutCountingTwice) {
  // S1's dmm disconnects again, later (still day 1): its connection grows.
  ingest(1, 100, "2026-11-01T00:05:00Z", "instrument.disconnected", json::object(), "dmm");
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_asset_stale"), 0);
  EXPECT_EQ(count("SELECT sum(sessions) FROM metric_rollup_assets"), 8);
  // S2's session gains a second finished run under another lot: its
  // connection is read raw from now on (the filter picks by either run).
  const std::string second_run = "c0000002-0000-4000-8000-000000000000";
  ingest(2, 100, "2026-11-01T13:00:00Z", "run.started",
         {{"dut_serial", "S2"}, {"dut_part_number", "PN-1"}, {"dut_lot_number", "L9"}, {"phase", "production"}}, "",
         second_run);
  ingest(2, 101, "2026-11-01T13:01:00Z", "run.ended", {{"outcome", "passed"}, {"duration_ns", 60'000'000'000}}, "",
         second_run);
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_connections WHERE session_id LIKE 'a0000002%' AND day IS NULL"),
            1);
  // The live S6 ends, across no midnight: it enters its day.
  ingest(6, 100, "2026-11-03T09:00:00Z", "session.ended", {{"outcome", "passed"}});
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_asset_stale"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM metric_rollup_connections WHERE session_id LIKE 'a0000006%' AND day IS NOT NULL"),
            1);
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "late: " + label);
  Parameters l9 = {{"lot", "L9"}};
  expect_matches_reference(db(), l9, "the second run's lot");
}

TEST_F(AssetRollupLenses, TheUpgradeFromSchema5BacksTheSameRows) {
  const auto rows = [&] {
    std::vector<std::string> out;
    auto q = db().prepare(
        "SELECT day, phase, product, station, lot, role, resource, sessions, connected_ns, mocked, latest_ts, "
        "latest_session, type FROM metric_rollup_assets ORDER BY 1, 2, 3, 4, 5, 6, 7");
    while (q.step()) {
      std::string row;
      for (int i = 0; i < 13; ++i) row += q.column_text(i) + "|";
      out.push_back(row);
    }
    auto marks = db().prepare("SELECT session_id, role, day FROM metric_rollup_connections ORDER BY 1, 2");
    while (marks.step()) out.push_back(marks.column_text(0) + marks.column_text(1) + marks.column_text(2));
    return out;
  };
  const std::vector<std::string> written = rows();
  ASSERT_FALSE(written.empty());
  db().exec(
      "DROP TABLE metric_rollup_assets; DROP TABLE metric_rollup_connections; DROP TABLE metric_rollup_asset_stale; "
      "UPDATE meta SET value = '5' WHERE key = 'schema_version'");
  auto reopened = store::EventStore::open(line_.data_dir());
  EXPECT_EQ(store::schema_version(reopened->db()), store::kSchemaVersion);
  reopened.reset();
  EXPECT_EQ(rows(), written);
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "upgraded: " + label);
}

}  // namespace
}  // namespace litmus::metrics
