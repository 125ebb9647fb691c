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
#include "metrics/line_builder.hpp"
#include "support/csv_reader.hpp"

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
