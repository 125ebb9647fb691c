// The exports read back: CSV (RFC 4180) and JSON / JSON Lines carry the
// same rows with their run and step context; JUnit parses as XML with the
// counts and messages a CI system shows; the HTML report escapes what it
// prints.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "export/html_report.hpp"
#include "export/junit_report.hpp"
#include "export/measurement_export.hpp"
#include "core/journal_entry.hpp"
#include "metrics/line_builder.hpp"
#include "store/event_store.hpp"
#include "support/csv_reader.hpp"
#include "support/temp_dir.hpp"

namespace litmus::exporting {
namespace {

using metrics::testing::LineBuilder;
using nlohmann::json;

using litmus::testing::parse_csv;

class Exports : public ::testing::Test {
 protected:
  void SetUp() override {
    line_.add({.serial = "SN <1> & \"2\", x",
               .start = "2026-11-02T08:00:00Z",
               .outcome = "failed",
               .steps = {{.path = "Power/Rail",
                          .outcome = "failed",
                          .measurements = {{"v_rail", 3.5, 3.2, 3.4, "failed"}, {"i_in", 0.125, std::nullopt, 0.5}}},
                         {.path = "Comms/Uart", .outcome = "passed"},
                         {.path = "Late/Never", .started = false}}});
    run_id_ = line_.store().runs({}).at(0).run_id;
  }
  std::string table(TableFormat format, ExportScope scope = {}) {
    if (scope.run_id.empty() && scope.session_id.empty()) scope.run_id = run_id_;
    std::ostringstream out;
    export_measurements(line_.store().db(), scope, format, out);
    return out.str();
  }
  LineBuilder line_;
  std::string run_id_;
};

TEST_F(Exports, CsvQuotesWhatNeedsItAndKeepsEveryDigit) {
  const auto rows = parse_csv(table(TableFormat::csv));
  ASSERT_EQ(rows.size(), 3u);
  const auto& header = rows[0];
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  EXPECT_EQ(rows[1][column("dut_serial")], "SN <1> & \"2\", x");
  EXPECT_EQ(rows[1][column("value")], "3.5");
  EXPECT_EQ(rows[1][column("outcome")], "failed");
  EXPECT_EQ(rows[1][column("ts")], "2026-11-02T08:00:02.000000000Z");
  EXPECT_EQ(rows[2][column("value")], "0.125");
  EXPECT_EQ(rows[2][column("low")], "");  // one-sided
  EXPECT_EQ(rows[2][column("high")], "0.5");
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());
}

TEST_F(Exports, JsonAndJsonLinesHoldTheSameRows) {
  const json array = json::parse(table(TableFormat::json));
  ASSERT_EQ(array.size(), 2u);
  std::istringstream lines(table(TableFormat::jsonl));
  std::string line;
  std::size_t i = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(i, array.size());
    EXPECT_EQ(json::parse(line), array[i++]);
  }
  EXPECT_EQ(i, 2u);
  EXPECT_EQ(array[0]["run_id"], run_id_);
  EXPECT_EQ(array[0]["value"], 3.5);
  EXPECT_EQ(array[1]["low"], nullptr);
  EXPECT_EQ(array[0]["ts"], 1'793'606'402'000'000'000);
  EXPECT_EQ(json::parse(table(TableFormat::json, {.session_id = array[0]["session_id"]})), array);
  EXPECT_EQ(table(TableFormat::json, {.run_id = "nothing"}), "[]\n");
}

// A session of three runs, steps with inputs and vectors, 6 000
// measurements over ~8 000 seqs: two readers cut it into chunks of seqs
// and must write the bytes one reader writes, in every format.
TEST(ExportReaders, TwoReadersWriteWhatOneWrites) {
  const litmus::testing::TempDir dir;
  auto store = store::EventStore::open(dir.path());
  const std::string session = "c0c0c0c0-0000-4000-8000-000000000001";
  std::vector<JournalEntry> entries;
  const auto add = [&](const std::string& type, const json& payload, const std::string& run = {},
                       const std::string& step = {}, int vector = -1) {
    Event& e = entries.emplace_back().event;
    e.session_id = session;
    e.seq = entries.size();
    e.ts = 1'790'000'000'000'000'000 + static_cast<std::int64_t>(e.seq) * 1'000'000;
    e.type = type;
    e.run_id = run;
    e.step_path = step;
    e.vector_index = vector;
    e.payload = payload.dump();
  };
  add("session.started", {{"station", "bench_1"}});
  int measured = 0;
  for (int r = 0; r < 3; ++r) {
    const std::string run = "c0c0c0c0-1111-4000-8000-00000000000" + std::to_string(r);
    add("run.started", {{"dut_serial", "SN,\"" + std::to_string(r)}, {"station", "bench_1"}}, run);
    for (int s = 0; s < 10; ++s) {
      const std::string step = "Sweep/Point" + std::to_string(s);
      for (int v = 0; v < 2; ++v) {
        add("test.step_started", {{"inputs", {{"v_in", 5.0 + v}, {"label", "a,b"}}}, {"vector_retry", 0}}, run, step, v);
        for (int m = 0; m < 100; ++m, ++measured) {
          json payload = {{"name", m % 7 == 0 ? "odd \"name\", here" : "v_" + std::to_string(m)},
                          {"value", 3.3 + m * 1e-3},
                          {"outcome", "passed"},
                          {"vector_retry", 0}};
          if (m % 3 != 0) payload["limit"] = {{"low", 3.0}, {"high", 3.6}};
          add("test.measurement", payload, run, step, v);
          if (m % 4 == 0) add("instrument.read", {{"value", 1}}, {}, {}, -1);  // seqs without a measurement
        }
        add("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}}, run, step, v);
      }
    }
    add("run.ended", {{"outcome", "passed"}}, run);
  }
  store->ingest(entries, 0);
  for (const auto format : {TableFormat::csv, TableFormat::json, TableFormat::jsonl}) {
    std::ostringstream one, two;
    EXPECT_EQ(export_measurements(store->db(), {.session_id = session}, format, one, 1), measured);
    EXPECT_EQ(export_measurements(store->db(), {.session_id = session}, format, two, 2), measured);
    EXPECT_EQ(two.str(), one.str()) << "format " << static_cast<int>(format);
  }
  std::ostringstream csv;
  export_measurements(store->db(), {.session_id = session}, TableFormat::csv, csv);
  EXPECT_EQ(parse_csv(csv.str()).size(), static_cast<std::size_t>(measured) + 1);
}

TEST_F(Exports, JunitParsesWithCountsAndMessages) {
  std::ostringstream out;
  write_junit(line_.store(), {run_id_}, out);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(out.str().c_str())) << out.str();
  const auto suites = document.child("testsuites");
  EXPECT_EQ(suites.attribute("tests").as_int(), 3);
  EXPECT_EQ(suites.attribute("failures").as_int(), 1);
  EXPECT_EQ(suites.attribute("skipped").as_int(), 1);
  const auto suite = suites.child("testsuite");
  EXPECT_STREQ(suite.attribute("id").value(), run_id_.c_str());
  EXPECT_STREQ(suite.child("properties").find_child_by_attribute("property", "name", "dut_serial").attribute("value").value(),
               "SN <1> & \"2\", x");
  const auto rail = suite.find_child_by_attribute("testcase", "name", "Power/Rail");
  ASSERT_TRUE(rail);
  EXPECT_STREQ(rail.child("failure").attribute("message").value(), "v_rail = 3.5 V (limits 3.2 .. 3.4): failed");
  EXPECT_TRUE(suite.find_child_by_attribute("testcase", "name", "Late/Never").child("skipped"));
  EXPECT_FALSE(suite.find_child_by_attribute("testcase", "name", "Comms/Uart").child("failure"));
}

TEST_F(Exports, HtmlReportEscapesWhatItShows) {
  std::ostringstream out;
  write_html_report(line_.store(), run_id_, out);
  const std::string html = out.str();
  EXPECT_EQ(html.find("<1>"), std::string::npos);  // never raw markup from data
  EXPECT_NE(html.find("SN &lt;1&gt; &amp; &quot;2&quot;, x"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"failed\"><td>Power/Rail</td>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained and inert
}

}  // namespace
}  // namespace litmus::exporting
