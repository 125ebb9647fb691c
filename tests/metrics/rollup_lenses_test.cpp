// The step and measurement lenses (Pareto by step and by measurement, Cpk)
// read whole days from the metrics rollup and the rest of the window from
// the raw rows (store/metric_rollup.hpp). Table-driven: a small line over
// four days — runs at midnight and just before it, one-sided limits, σ = 0,
// a retried vector, a run in flight, development runs — asked through
// windows cut in the middle of days, and every answer compared with
//   1. the lenses as they were before the rollup (the reference below: the
//      raw measurements and steps grouped directly, runs as subgroups),
//   2. the same lenses with every day marked stale (all of it read raw),
//   3. hand-computed values for a few rows.
// Counts must be equal; Cpk's sums are added in another order, so its
// doubles are compared to 1e-9 relative (docs/metrics.md).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "line_builder.hpp"
#include "metrics/capability.hpp"
#include "metrics/metrics_request.hpp"
#include "metrics/pareto.hpp"

namespace litmus::metrics {
namespace {

using nlohmann::json;
using testing::LineBuilder;
using testing::MeasurementSpec;
using testing::RunSpec;
using testing::StepSpec;
using Parameters = std::vector<std::pair<std::string, std::string>>;

// --- the lenses before the rollup -------------------------------------------

// (step_path, name) → (failures, total), as pareto() grouped them.
std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> reference_pareto(
    store::Database& db, const MetricsFilter& filter, GroupBy group_by) {
  std::string sql;
  RunSelection selection;
  if (group_by == GroupBy::step) {
    selection = select_runs(filter, "r.run_id");
    sql = "SELECT st.step_path, '', SUM(st.outcome = 'failed'), COUNT(*) FROM steps st WHERE st.run_id IN (" +
          selection.sql + ") AND st.status = 'ended' GROUP BY st.step_path";
  } else {
    selection = select_runs(filter, "r.run_id AS run_id");
    sql = "SELECT m.step_path, m.name, SUM(m.outcome = 'failed'), COUNT(*) FROM (" + selection.sql +
          ") fr CROSS JOIN measurements m ON m.run_id = fr.run_id GROUP BY m.step_path, m.name";
  }
  auto q = db.prepare(sql);
  selection.bind(q);
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> out;
  while (q.step()) out[{q.column_text(0), q.column_text(1)}] = {q.column_int(2), q.column_int(3)};
  return out;
}

using CpkKey = std::tuple<std::string, std::string, std::string, std::string, std::int64_t, std::optional<double>,
                          std::optional<double>>;

struct Subgroup {
  std::int64_t n = 0;
  double s1 = 0;
  double s2 = 0;
};

// Cpk as capability() computed it: judged values of the selected runs,
// grouped by run and row, shifted by the limits' midpoint.
std::map<CpkKey, CapabilityRow> reference_cpk(store::Database& db, const MetricsFilter& filter, int min_samples) {
  const RunSelection selection = select_runs(
      filter, std::string("r.run_id AS run_id, ") + kProductKeySql + " AS product, " + kStationKeySql + " AS station");
  auto q = db.prepare("WITH fr AS (" + selection.sql +
                      ") SELECT fr.run_id, fr.product, fr.station, m.step_path, m.name, COALESCE(m.vector_index, 0), "
                      "m.low, m.high, COALESCE(m.units, ''), m.value FROM fr CROSS JOIN measurements m ON m.run_id = "
                      "fr.run_id WHERE m.value IS NOT NULL AND (m.low IS NOT NULL OR m.high IS NOT NULL) AND "
                      "m.outcome IN ('passed', 'failed')");
  selection.bind(q);
  std::map<CpkKey, std::map<std::string, Subgroup>> values;  // by row, then run
  std::map<CpkKey, std::string> units;
  while (q.step()) {
    const auto low = q.column_optional_double(6);
    const auto high = q.column_optional_double(7);
    const CpkKey key{q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4), q.column_int(5), low, high};
    const double shift = low && high ? (*low + *high) / 2 : low ? *low : high.value_or(0.0);
    const double x = q.column_double(9) - shift;
    Subgroup& sub = values[key][q.column_text(0)];
    sub.n += 1;
    sub.s1 += x;
    sub.s2 += x * x;
    units[key] = std::max(units[key], q.column_text(8));
  }
  std::map<CpkKey, CapabilityRow> rows;
  for (const auto& [key, runs] : values) {
    CapabilitySums sums;
    const auto& [product, station, step, name, vector, low, high] = key;
    sums.shift = low && high ? (*low + *high) / 2 : low ? *low : high.value_or(0.0);
    for (const auto& [run, sub] : runs) {
      sums.n += sub.n;
      sums.runs += 1;
      sums.sum += sub.s1;
      sums.sum_squares += sub.s2;
      if (sub.n > 1) sums.within_ss += sub.s2 - sub.s1 * sub.s1 / static_cast<double>(sub.n);
      sums.within_df += sub.n - 1;
    }
    CapabilityRow row = capability_of(sums, low, high, min_samples);
    row.units = units[key];
    rows[key] = row;
  }
  return rows;
}

// --- comparing --------------------------------------------------------------

void expect_close(const json& got, const std::optional<double>& want, const std::string& what) {
  if (!want) {
    EXPECT_TRUE(got.is_null()) << what << ": " << got;
    return;
  }
  ASSERT_TRUE(got.is_number()) << what << ": " << got;
  const double value = got.get<double>();
  EXPECT_NEAR(value, *want, 1e-9 * std::max(1.0, std::abs(*want))) << what;
}

std::optional<double> json_limit(const json& j) { return j.is_null() ? std::nullopt : std::optional(j.get<double>()); }

// The lens answers against the reference, row by row.
void expect_matches_reference(store::Database& db, const Parameters& parameters, const std::string& label) {
  SCOPED_TRACE(label);
  for (const GroupBy group_by : {GroupBy::step, GroupBy::measurement}) {
    Parameters p = parameters;
    p.emplace_back("group_by", std::string(to_string(group_by)));
    p.emplace_back("top", "1000");
    const auto request = parse_metrics_request(Lens::pareto, p);
    const json answer = run_metrics(db, request, 0);
    const auto want = reference_pareto(db, request.filter, group_by);
    std::int64_t total_failures = 0;
    std::size_t failing = 0;
    for (const auto& [key, counts] : want) {
      total_failures += counts.first;
      failing += counts.first > 0;
    }
    EXPECT_EQ(answer["total_failures"], total_failures) << to_string(group_by);
    ASSERT_EQ(answer["rows"].size(), failing) << to_string(group_by);
    for (const json& row : answer["rows"]) {
      const auto found = want.find({row["step_path"].get<std::string>(), row["name"].get<std::string>()});
      ASSERT_NE(found, want.end()) << row;
      EXPECT_EQ(row["failures"], found->second.first) << row;
      EXPECT_EQ(row["total"], found->second.second) << row;
    }
  }
  Parameters p = parameters;
  p.emplace_back("min_samples", "2");
  const auto request = parse_metrics_request(Lens::cpk, p);
  const json answer = run_metrics(db, request, 0);
  const auto want = reference_cpk(db, request.filter, 2);
  ASSERT_EQ(answer["rows"].size(), want.size());
  for (const json& row : answer["rows"]) {
    const CpkKey key{row["product"], row["station"], row["step_path"], row["name"], row["vector_index"].get<std::int64_t>(),
                     json_limit(row["lsl"]), json_limit(row["usl"])};
    const auto found = want.find(key);
    ASSERT_NE(found, want.end()) << row;
    const CapabilityRow& w = found->second;
    const std::string what = row.dump();
    EXPECT_EQ(row["n"], w.n) << what;
    EXPECT_EQ(row["runs"], w.runs) << what;
    EXPECT_EQ(row["units"], w.units) << what;
    EXPECT_EQ(row["undefined_reason"], w.undefined_reason) << what;
    expect_close(row["mean"], w.mean, what + " mean");
    expect_close(row["sigma_within"], w.sigma_within, what + " sigma_within");
    expect_close(row["sigma_overall"], w.sigma_overall, what + " sigma_overall");
    expect_close(row["cp"], w.cp, what + " cp");
    expect_close(row["cpk"], w.cpk, what + " cpk");
    expect_close(row["pp"], w.pp, what + " pp");
    expect_close(row["ppk"], w.ppk, what + " ppk");
    expect_close(row["cpk_ci_low"], w.cpk_ci_low, what + " cpk_ci_low");
    expect_close(row["cpk_ci_high"], w.cpk_ci_high, what + " cpk_ci_high");
  }
}

// --- the line ---------------------------------------------------------------

StepSpec rail(double v, std::string outcome = "passed", int vector = 0, int retry = 0) {
  return {.path = "Power/Rail", .outcome = outcome, .measurements = {{"v_rail", v, 3.2, 3.4, outcome}},
          .vector = vector, .retry = retry};
}

StepSpec current(double i, double leak) {
  // One-sided: a maximum current and a minimum leakage resistance; and a
  // reading with no limit (counted by Pareto, never by Cpk).
  return {.path = "Power/Current",
          .measurements = {{"i_max", i, std::nullopt, 0.5}, {"r_leak", leak, 1e6, std::nullopt},
                           {"temp", 25 + i, std::nullopt, std::nullopt, "done"}}};
}

StepSpec constant() {
  // σ = 0: every value the same.
  return {.path = "Cal/Ref", .measurements = {{"v_ref", 1.25, 1.2, 1.3}}};
}

void fill(LineBuilder& line) {
  // Day 1 (2026-11-01): a run at midnight exactly, one at noon.
  line.add({.serial = "S1", .start = "2026-11-01T00:00:00Z",
            .steps = {rail(3.30), current(0.20, 2e6), constant()}})
      .add({.serial = "S2", .start = "2026-11-01T12:00:00Z", .outcome = "failed",
            .steps = {rail(3.45, "failed"), current(0.30, 3e6), constant()}})
      // Day 2: a retried vector (the failed attempt, then the pass: one run,
      // two values of one row), a second vector, another station and lot.
      .add({.serial = "S3", .start = "2026-11-02T06:00:00Z",
            .steps = {rail(3.41, "failed", 0, 0), rail(3.31, "passed", 0, 1), rail(3.29, "passed", 1), current(0.25, 1.5e6),
                      constant()}})
      .add({.serial = "S4", .start = "2026-11-02T13:30:00Z", .hostname = "host-b", .lot = "L2",
            .steps = {rail(3.28), current(0.55, 0.9e6), constant()}, })
      .add({.serial = "S5", .start = "2026-11-02T23:59:59Z", .part_number = "PN-2",
            .steps = {rail(3.33), current(0.10, 4e6)}})
      // Development: left out by default.
      .add({.serial = "D1", .start = "2026-11-02T10:00:00Z", .phase = "development", .steps = {rail(3.0, "failed")}})
      // Day 3: an errored run whose step errored with a value (counted by
      // Pareto, not judged), a retried run of S2.
      .add({.serial = "S6", .start = "2026-11-03T00:00:01Z", .outcome = "errored",
            .steps = {{.path = "Power/Rail", .outcome = "errored", .measurements = {{"v_rail", 3.1, 3.2, 3.4, "errored"}}},
                      constant()}})
      .add({.serial = "S2", .start = "2026-11-03T08:00:00Z", .steps = {rail(3.35), current(0.35, 2.5e6), constant()}})
      .add({.serial = "S7", .start = "2026-11-03T17:00:00Z", .hostname = "host-b", .lot = "L2",
            .steps = {rail(3.36), rail(3.38, "passed", 1), current(0.15, 5e6)}})
      // Day 4: a run in flight (no outcome yet: counted nowhere), a finished one.
      .add({.serial = "S8", .start = "2026-11-04T09:00:00Z", .steps = {rail(3.5, "failed")}, .in_flight = true})
      .add({.serial = "S9", .start = "2026-11-04T10:00:00Z", .steps = {rail(3.27), current(0.05, 9e6), constant()}});
}

// Windows: none, whole days, cut in the middle of days, within one day, and
// the other filters.
const std::vector<std::pair<std::string, Parameters>>& windows() {
  static const std::vector<std::pair<std::string, Parameters>> all = {
      {"everything", {}},
      {"every phase", {{"phase", "*"}}},
      {"development", {{"phase", "development"}}},
      {"whole days", {{"since", "2026-11-02"}, {"until", "2026-11-04"}}},
      {"since mid-day", {{"since", "2026-11-01T06:00:00Z"}}},
      {"until mid-day", {{"until", "2026-11-03T12:00:00Z"}}},
      {"cut both ends", {{"since", "2026-11-01T06:00:00Z"}, {"until", "2026-11-03T12:00:00Z"}}},
      {"within one day", {{"since", "2026-11-02T06:00:00Z"}, {"until", "2026-11-02T20:00:00Z"}}},
      {"across one midnight", {{"since", "2026-11-02T20:00:00Z"}, {"until", "2026-11-03T10:00:00Z"}}},
      {"the last second of a day", {{"since", "2026-11-02T23:59:59Z"}, {"until", "2026-11-03T00:00:00Z"}}},
      {"product", {{"product", "PN-2"}}},
      {"station and cut", {{"station", "host-b"}, {"since", "2026-11-02T12:00:00Z"}}},
      {"lot", {{"lot", "L1"}, {"until", "2026-11-03T08:00:00Z"}}},
      {"an empty window", {{"since", "2026-12-01"}}},
  };
  return all;
}

class RollupLenses : public ::testing::Test {
 protected:
  void SetUp() override { fill(line_); }
  store::Database& db() { return line_.store().db(); }
  LineBuilder line_;
};

TEST_F(RollupLenses, TheRollupHoldsTheFinishedRunsOnly) {
  auto q = db().prepare("SELECT count(*), count(DISTINCT day) FROM metric_rollup_runs");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.column_int(0), 10);  // 11 runs but the one in flight
  EXPECT_EQ(q.column_int(1), 4);
  auto stale = db().prepare("SELECT count(*) FROM metric_rollup_stale");
  ASSERT_TRUE(stale.step());
  EXPECT_EQ(stale.column_int(0), 0);
}

TEST_F(RollupLenses, EveryWindowAnswersAsTheRawRowsDo) {
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, label);
}

TEST_F(RollupLenses, EveryDayReadRawAnswersTheSame) {
  db().exec("INSERT INTO metric_rollup_stale(day) SELECT DISTINCT day FROM metric_rollup_runs");
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "raw: " + label);
}

TEST_F(RollupLenses, HandComputedRows) {
  // Pareto by step, default phases: Power/Rail attempts — S1 1, S2 1, S3 3
  // (two attempts of vector 0 and vector 1), S4 1, S5 1, S6 1, S2' 1, S7 2,
  // S9 1 = 12; failures S2, S3's first attempt = 2 (S6 errored).
  const json steps = run_metrics(db(), parse_metrics_request(Lens::pareto, {{"group_by", "step"}}), 0);
  ASSERT_EQ(steps["rows"].size(), 1u);
  EXPECT_EQ(steps["rows"][0]["label"], "Power/Rail");
  EXPECT_EQ(steps["rows"][0]["failures"], 2);
  EXPECT_EQ(steps["rows"][0]["total"], 12);
  // Cut: since 2026-11-02T12:00 — S4, S5 (partial day 2), day 3, day 4.
  const json cut =
      run_metrics(db(), parse_metrics_request(Lens::pareto, {{"group_by", "step"}, {"since", "2026-11-02T12:00:00Z"}}), 0);
  EXPECT_EQ(cut["total_failures"], 0);
  // By measurement: the untested temperature counts (7 readings), never fails.
  const json measurements = run_metrics(
      db(), parse_metrics_request(Lens::pareto, {{"group_by", "measurement"}, {"top", "1"}}), 0);
  EXPECT_EQ(measurements["total_failures"], 2);
  EXPECT_EQ(measurements["rows"][0]["label"], "Power/Rail: v_rail");
  EXPECT_EQ(measurements["rows"][0]["total"], 12);

  const json cpk = run_metrics(db(), parse_metrics_request(Lens::cpk, {{"min_samples", "2"}}), 0);
  const auto row = [&](const std::string& station, const std::string& name, int vector) {
    for (const json& r : cpk["rows"]) {
      if (r["station"] == station && r["name"] == name && r["vector_index"] == vector && r["product"] == "PN-1") return r;
    }
    ADD_FAILURE() << station << " " << name << " " << vector;
    return json();
  };
  // host-a, PN-1, v_rail vector 0: S1 3.30, S2 3.45, S3 3.41 and 3.31, S2' 3.35,
  // S9 3.27 (S6's errored 3.1 is not judged). n 6 over 5 runs; within: only
  // S3 took it twice: (3.41 − 3.36)² + (3.31 − 3.36)² = 0.005 over 1 df.
  const json v = row("host-a", "v_rail", 0);
  EXPECT_EQ(v["n"], 6);
  EXPECT_EQ(v["runs"], 5);
  const double mean = (3.30 + 3.45 + 3.41 + 3.31 + 3.35 + 3.27) / 6;
  EXPECT_NEAR(v["mean"].get<double>(), mean, 1e-12);
  EXPECT_NEAR(v["sigma_within"].get<double>(), std::sqrt(0.005), 1e-12);
  EXPECT_NEAR(v["cpk"].get<double>(), std::min(3.4 - mean, mean - 3.2) / (3 * std::sqrt(0.005)), 1e-9);
  // One-sided: i_max (USL 0.5) over S1 0.20, S2 0.30, S3 0.25, S2' 0.35, S9 0.05.
  const json i = row("host-a", "i_max", 0);
  EXPECT_EQ(i["n"], 5);
  EXPECT_EQ(i["lsl"], nullptr);
  EXPECT_EQ(i["cp"], nullptr);
  const double i_mean = (0.20 + 0.30 + 0.25 + 0.35 + 0.05) / 5;
  double ss = 0;
  for (const double x : {0.20, 0.30, 0.25, 0.35, 0.05}) ss += (x - i_mean) * (x - i_mean);
  EXPECT_NEAR(i["cpk"].get<double>(), (0.5 - i_mean) / (3 * std::sqrt(ss / 4)), 1e-9);
  // σ = 0: v_ref is 1.25 every time.
  const json ref = row("host-a", "v_ref", 0);
  EXPECT_EQ(ref["undefined_reason"], "σ = 0");
  EXPECT_EQ(ref["cpk"], nullptr);
}

TEST_F(RollupLenses, ALateEventMakesItsDayStaleAndTheNextRunEndRebuildsIt) {
  // A measurement of S1's run arriving after its run.ended: day 1 is read
  // raw until another run ends.
  const std::string run_id = "b0000001-0000-4000-8000-000000000000";
  const std::string session = "a0000001-0000-4000-8000-000000000000";
  JournalEntry late;
  late.event.session_id = session;
  late.event.seq = 1000;
  late.event.ts = *parse_timestamp_ns("2026-11-01T00:10:00Z");
  late.event.type = "test.measurement";
  late.event.run_id = run_id;
  late.event.step_path = "Power/Rail";
  late.event.vector_index = 0;
  late.event.payload = json{{"name", "v_rail"}, {"value", 3.6}, {"outcome", "failed"}, {"limit", {{"low", 3.2}, {"high", 3.4}}}}.dump();
  line_.store().ingest(std::vector<JournalEntry>{late}, 0);
  auto stale = db().prepare("SELECT count(*) FROM metric_rollup_stale");
  ASSERT_TRUE(stale.step());
  EXPECT_EQ(stale.column_int(0), 1);
  stale.reset();
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "stale: " + label);
  line_.add({.serial = "S10", .start = "2026-11-04T12:00:00Z", .steps = {rail(3.3)}});
  ASSERT_TRUE(stale.step());
  EXPECT_EQ(stale.column_int(0), 0);
  for (const auto& [label, parameters] : windows()) expect_matches_reference(db(), parameters, "rebuilt: " + label);
}

}  // namespace
}  // namespace litmus::metrics
