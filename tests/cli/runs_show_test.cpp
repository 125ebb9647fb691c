// `litmus runs` and `litmus show`, the real binary on a store filled here:
// tables, JSON, CSV read back, id prefixes, and the error exit codes.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/journal_entry.hpp"
#include "store/event_store.hpp"
#include "support/cli_run.hpp"
#include "support/csv_reader.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

using Output = CliOutput;

// Runs `litmus <args>` with TZ=UTC (so local times are predictable);
// stderr goes to a file the shell opens, stdout through the pipe.
Output litmus(const std::vector<std::string>& args) {
  const TempDir io;
  return run_cli(LITMUS_CLI_PATH, args, {{"TZ", "UTC"}, {"LITMUS_HOME", (io / "home").string()}});
}


constexpr const char* kFirst = "5f0c2a8e-1111-4000-8000-000000000001";   // passed, bench_1
constexpr const char* kSecond = "5f0c2a8e-2222-4000-8000-000000000002";  // live, bench_1
constexpr const char* kThird = "9a8b7c6d-3333-4000-8000-000000000003";   // failed, bench_2
// 2023-11-14 22:13:20 UTC.
constexpr std::int64_t kBase = 1'700'000'000LL * 1'000'000'000LL;

class Events {
 public:
  Events(std::string session, std::string run, std::int64_t start) : session_(session), run_(run), ts_(start) {}
  Events& add(const std::string& type, const json& payload, const std::string& step = {}, int vector = -1) {
    JournalEntry entry;
    Event& e = entry.event;
    e.session_id = session_;
    e.seq = entries_.size() + 1;
    e.run_id = run_;
    e.ts = ts_ += 1'000'000'000;
    e.type = type;
    e.step_path = step;
    e.vector_index = vector;
    e.payload = payload.dump();
    entries_.push_back(std::move(entry));
    return *this;
  }
  const std::vector<JournalEntry>& entries() const { return entries_; }

 private:
  std::string session_;
  std::string run_;
  std::int64_t ts_;
  std::vector<JournalEntry> entries_;
};

json limit() { return {{"low", 3.2}, {"high", 3.4}, {"comparator", "GELE"}, {"units", "V"}}; }

// Three runs, the newest last: kFirst passed, kSecond still live, kThird
// failed with measurements whose names and inputs need CSV quoting.
void fill_store(const std::filesystem::path& data_dir) {
  auto store = store::EventStore::open(data_dir);
  const json discovered = {
      {"steps", {{{"step_path", "Power/Rail"}, {"vectors", 2}}, {{"step_path", "Comms/Uart"}, {"vectors", 1}}}}};
  auto started = [](const char* station, const char* serial) {
    return json{{"station", station}, {"dut_serial", serial}, {"project", "demo"}, {"operator", "ann"}};
  };
  Events first("aaaaaaaa-0000-4000-8000-000000000001", kFirst, kBase);
  first.add("run.started", started("bench_1", "SN-1"))
      .add("test.steps_discovered", {{"steps", {{{"step_path", "Power/Rail"}, {"vectors", 1}}}}})
      .add("test.step_started", {{"inputs", json::object()}, {"vector_retry", 0}}, "Power/Rail", 0)
      .add("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}, {"duration_ns", 1'500'000}}, "Power/Rail", 0)
      .add("run.ended", {{"outcome", "passed"}, {"counts", {{"passed", 1}}}});
  store->ingest(first.entries(), 1);

  Events second("aaaaaaaa-0000-4000-8000-000000000002", kSecond, kBase + 3600'000'000'000LL);
  second.add("run.started", started("bench_1", "SN-2"));
  store->ingest(second.entries(), 1);

  Events third("aaaaaaaa-0000-4000-8000-000000000003", kThird, kBase + 7200'000'000'000LL);
  third.add("run.started", started("bench_2", "SN-3"))
      .add("test.steps_discovered", discovered)
      .add("test.step_started", {{"inputs", {{"v", 3.3}, {"load", "10 mA"}}}, {"vector_retry", 0}}, "Power/Rail", 0)
      .add("test.measurement",
           {{"name", "v_rail, \"loaded\""},
            {"value", 3.31},
            {"units", "V"},
            {"outcome", "passed"},
            {"vector_retry", 0},
            {"limit", limit()},
            {"characteristic_id", "CH-1"},
            {"instrument", {{"role", "dmm"}, {"channel", "dmm.voltage"}}}},
           "Power/Rail", 0)
      .add("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}, {"duration_ns", 2'000'000}}, "Power/Rail", 0)
      .add("test.step_started", {{"inputs", {{"v", 5.0}, {"load", "20 mA"}}}, {"vector_retry", 0}}, "Power/Rail", 1)
      .add("test.measurement",
           {{"name", "v_rail"}, {"value", 3.6}, {"outcome", "failed"}, {"vector_retry", 0}, {"limit", limit()}},
           "Power/Rail", 1)
      .add("test.step_ended", {{"outcome", "failed"}, {"vector_retry", 0}, {"duration_ns", 3'000'000}}, "Power/Rail", 1)
      .add("run.ended", {{"outcome", "failed"}, {"counts", {{"passed", 1}, {"failed", 1}}}});
  store->ingest(third.entries(), 1);
}

class RunsShow : public ::testing::Test {
 protected:
  void SetUp() override { fill_store(data_.path()); }
  std::string dir() const { return data_.path().string(); }
  TempDir data_;
};

TEST_F(RunsShow, RunsPrintsATableNewestFirst) {
  const auto run = litmus({"runs", "--data-dir", dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string header, newest, live, oldest;
  std::getline(lines, header);
  std::getline(lines, newest);
  std::getline(lines, live);
  std::getline(lines, oldest);
  for (const char* column : {"Run ID", "Started", "DUT Serial", "Project", "Station", "Outcome"}) {
    EXPECT_NE(header.find(column), std::string::npos) << header;
  }
  EXPECT_TRUE(newest.starts_with("9a8b7c6d  2023-11-15 00:13:2")) << newest;
  EXPECT_NE(newest.find("SN-3"), std::string::npos);
  EXPECT_NE(newest.find("bench_2"), std::string::npos);
  EXPECT_TRUE(newest.ends_with("failed")) << newest;
  EXPECT_TRUE(live.starts_with("5f0c2a8e")) << live;
  EXPECT_TRUE(live.ends_with("running")) << live;
  EXPECT_TRUE(oldest.ends_with("passed")) << oldest;
  EXPECT_EQ(oldest.find(kFirst), std::string::npos);  // ids shortened to 8 characters
}

TEST_F(RunsShow, RunsFiltersAndLimits) {
  auto run = litmus({"runs", "--data-dir", dir(), "--station", "bench_1", "--outcome", "running"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("SN-2"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("SN-1"), std::string::npos) << run.out;
  run = litmus({"runs", "--data-dir", dir(), "--dut-serial", "SN-1"});
  EXPECT_NE(run.out.find("5f0c2a8e"), std::string::npos) << run.out;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2) << run.out;
  run = litmus({"runs", "--data-dir", dir(), "--limit", "1"});
  EXPECT_NE(run.out.find("(1 of 3 runs"), std::string::npos) << run.out;
  run = litmus({"runs", "--data-dir", dir(), "--station", "nowhere"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("no runs match"), std::string::npos) << run.out;
}

// Run starts: kFirst 22:13:21, kSecond 23:13:21, kThird 00:13:21 (UTC).
TEST_F(RunsShow, RunsFilterByTimeSerialAndPhase) {
  auto ids = [](const Output& run) {
    std::vector<std::string> found;
    for (const auto& row : json::parse(run.out)) found.push_back(row["run_id"]);
    return found;
  };
  auto run = litmus({"runs", "--json", "--data-dir", dir(), "--since", std::to_string(kBase + 3600'000'000'000LL)});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ids(run), (std::vector<std::string>{kThird, kSecond}));
  run = litmus({"runs", "--json", "--data-dir", dir(), "--until", "2023-11-14T23:13:20Z"});
  EXPECT_EQ(ids(run), (std::vector<std::string>{kFirst}));
  run = litmus({"runs", "--json", "--data-dir", dir(), "--since", "2023-11-15"});
  EXPECT_EQ(ids(run), (std::vector<std::string>{kThird}));
  run = litmus({"runs", "--json", "--data-dir", dir(), "--since", "2023-11-15T00:00:00+01:00", "--until",
                "2023-11-15T00:00:00Z", "--station", "bench_1"});
  EXPECT_EQ(ids(run), (std::vector<std::string>{kSecond}));
  run = litmus({"runs", "--json", "--data-dir", dir(), "--serial", "SN-3", "--project", "demo"});
  EXPECT_EQ(ids(run), (std::vector<std::string>{kThird}));
  run = litmus({"runs", "--data-dir", dir(), "--phase", "production"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("no runs match"), std::string::npos) << run.out;
}

TEST_F(RunsShow, RunsRejectsBadTimes) {
  auto run = litmus({"runs", "--data-dir", dir(), "--since", "yesterday"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("'yesterday' is not a time"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--since"), std::string::npos) << run.err;
  run = litmus({"runs", "--data-dir", dir(), "--since", "2023-11-15", "--until", "2023-11-14"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--since must be before --until"), std::string::npos) << run.err;
}

TEST_F(RunsShow, RunsJsonHasTheFullRows) {
  const auto run = litmus({"runs", "--json", "--data-dir", dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json rows = json::parse(run.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["run_id"], kThird);
  EXPECT_EQ(rows[0]["counts"]["failed"], 1);
  EXPECT_EQ(rows[0]["measurement_count"], 2);
  EXPECT_TRUE(rows[1]["outcome"].is_null());
  EXPECT_TRUE(rows[1]["ended_ts"].is_null());
}

// A store of the previous release (schema 1): the first read upgrades it.
TEST_F(RunsShow, RunsUpgradesASchema1Store) {
  store::EventStore::open(data_.path())
      ->db()
      .exec("DROP TABLE runs; DROP TABLE steps; DROP TABLE measurements; "
            "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  const auto run = litmus({"runs", "--data-dir", dir()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("9a8b7c6d"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("5f0c2a8e"), std::string::npos) << run.out;
}

TEST(RunsEmpty, SaysSoAndSucceeds) {
  const TempDir data;
  auto run = litmus({"runs", "--data-dir", data.path().string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "no runs in " + (data.path() / "litmus.db").string() + "\n");
  EXPECT_FALSE(std::filesystem::exists(data.path() / "litmus.db"));  // reading creates nothing
  store::EventStore::open(data.path());
  run = litmus({"runs", "--data-dir", data.path().string()});
  EXPECT_EQ(run.out, "no runs in " + (data.path() / "litmus.db").string() + "\n");
  run = litmus({"runs", "--json", "--data-dir", data.path().string()});
  EXPECT_EQ(json::parse(run.out), json::array());
}

TEST(RunsUsage, ABadOutcomeListsTheValidOnes) {
  const TempDir data;
  const auto run = litmus({"runs", "--outcome", "great", "--data-dir", data.path().string()});
  EXPECT_EQ(run.exit_code, 2);
  for (const char* valid : {"passed", "failed", "errored", "aborted", "running"}) {
    EXPECT_NE(run.err.find(valid), std::string::npos) << run.err;
  }
  EXPECT_EQ(litmus({"runs", "--limit", "0"}).exit_code, 2);
  EXPECT_EQ(litmus({"show"}).exit_code, 2);
  EXPECT_EQ(litmus({"show", kFirst, "-f", "xml"}).exit_code, 2);
}

TEST_F(RunsShow, ShowTextByPrefix) {
  const auto run = litmus({"show", "9a8b7c6d", "--data-dir", dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(std::string("Run:") + "           " + kThird), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Outcome:"), std::string::npos);
  EXPECT_NE(run.out.find("DUT serial:"), std::string::npos);
  EXPECT_EQ(run.out.find("DUT revision:"), std::string::npos);  // unset fields are left out
  EXPECT_NE(run.out.find("Step        Vector  Retry  Inputs"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("{\"load\":\"20 mA\",\"v\":5.0}"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("3.0 ms"), std::string::npos) << run.out;
  const auto uart = run.out.find("Comms/Uart");
  ASSERT_NE(uart, std::string::npos) << run.out;
  EXPECT_EQ(run.out.substr(run.out.find('\n', uart) - 10, 10), " never-ran") << run.out;
  EXPECT_NE(run.out.find("v_rail, \"loaded\"  3.31"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("GELE"), std::string::npos);
}

TEST_F(RunsShow, ShowRejectsUnknownAndAmbiguousIds) {
  auto run = litmus({"show", "deadbeef", "--data-dir", dir()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "litmus show: no run deadbeef in " + (data_.path() / "litmus.db").string() + "\n");
  run = litmus({"show", "5f0c2a8e", "--data-dir", dir()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(kFirst), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(kSecond), std::string::npos) << run.err;
  EXPECT_EQ(litmus({"show", "5f0c2a8e-2222", "--data-dir", dir()}).exit_code, 0);
  EXPECT_EQ(litmus({"show", kFirst, "--data-dir", (data_.path() / "elsewhere").string()}).exit_code, 1);
}

TEST_F(RunsShow, ShowJson) {
  const auto run = litmus({"show", kThird, "-f", "json", "--data-dir", dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json shown = json::parse(run.out);
  EXPECT_EQ(shown["run"]["run_id"], kThird);
  EXPECT_EQ(shown["run"]["outcome"], "failed");
  ASSERT_EQ(shown["steps"].size(), 3u);
  EXPECT_EQ(shown["steps"][1]["inputs"]["load"], "20 mA");
  EXPECT_EQ(shown["steps"][2]["status"], "never_ran");
  ASSERT_EQ(shown["measurements"].size(), 2u);
  EXPECT_EQ(shown["measurements"][1]["high"], 3.4);
}

TEST_F(RunsShow, ShowCsvReadsBack) {
  const auto run = litmus({"show", kThird, "--format", "csv", "--data-dir", dir()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto rows = parse_csv(run.out);
  ASSERT_EQ(rows.size(), 3u) << run.out;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
            "run_id,dut_serial,station,step_path,vector_index,vector_retry,inputs,name,value,units,low,high,nominal,"
            "comparator,outcome,characteristic_id,spec_ref,instrument_role,instrument_channel,ts,session_id,seq,"
            "dut_part_number,instrument_resource,instrument_serial,calibration_due,dut_pin");
  const std::size_t columns = rows[0].size();
  for (const auto& row : rows) ASSERT_EQ(row.size(), columns) << run.out;
  const auto& first = rows[1];
  EXPECT_EQ(first[0], kThird);
  EXPECT_EQ(first[1], "SN-3");
  EXPECT_EQ(first[2], "bench_2");
  EXPECT_EQ(first[3], "Power/Rail");
  EXPECT_EQ(first[4], "0");
  EXPECT_EQ(json::parse(first[6])["load"], "10 mA");
  EXPECT_EQ(first[7], "v_rail, \"loaded\"");
  EXPECT_EQ(first[8], "3.31");
  EXPECT_EQ(first[9], "V");
  EXPECT_EQ(first[10], "3.2");
  EXPECT_EQ(first[12], "");  // no nominal
  EXPECT_EQ(first[15], "CH-1");
  EXPECT_EQ(first[18], "dmm.voltage");
  EXPECT_EQ(first[19], "2023-11-15T00:13:24.000000000Z");
  EXPECT_EQ(rows[2][9], "V");  // units from the limit when the call gave none
  EXPECT_EQ(rows[2][14], "failed");
}

}  // namespace
}  // namespace litmus::testing
