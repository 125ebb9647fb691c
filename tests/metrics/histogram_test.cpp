// The values behind a Cpk row, binned (GET /api/metrics/histogram), and
// what the filters can name (GET /api/metrics/facets): hand-computed bins
// over a real store, the same population as the Cpk row, and the 400s.
#include <gtest/gtest.h>

#include "line_builder.hpp"
#include "litmus/error.hpp"
#include "metrics/histogram.hpp"
#include "metrics/metrics_request.hpp"
#include "server/router.hpp"
#include "server/station_catalog.hpp"

namespace litmus::metrics {
namespace {

using nlohmann::json;
using testing::LineBuilder;
using testing::MeasurementSpec;
using testing::RunSpec;

RunSpec rail_run(std::string serial, std::string start, std::vector<MeasurementSpec> values) {
  return {.serial = std::move(serial), .start = std::move(start),
          .steps = {{.path = "Power/Rail", .measurements = std::move(values)}}};
}

class Histograms : public ::testing::Test {
 protected:
  void SetUp() override {
    // The row PN-1 / host-a / Power/Rail v_rail [0, 4]: 1.0, 1.5, 2.0, 2.25
    // and 3.0 over three runs. Around it, values that must stay out.
    line_.add(rail_run("A", "2026-11-02T08:00:00Z", {{"v_rail", 1.0, 0.0, 4.0}, {"v_rail", 1.5, 0.0, 4.0}}))
        .add(rail_run("B", "2026-11-02T09:00:00Z", {{"v_rail", 2.0, 0.0, 4.0}, {"v_rail", 2.25, 0.0, 4.0}}))
        .add(rail_run("C", "2026-11-03T08:00:00Z",
                      {{"v_rail", 3.0, 0.0, 4.0},
                       {"v_rail", 9.0, 0.0, 5.0, "failed"},     // another limit pair: another row
                       {"v_rail", 2.0, 0.0, 4.0, "errored"},    // not judged
                       {"v_rail", 2.0, std::nullopt, 4.0}}));   // one-sided: another row
    RunSpec other_host = rail_run("D", "2026-11-03T09:00:00Z", {{"v_rail", 2.0, 0.0, 4.0}});
    other_host.hostname = "host-b";
    other_host.lot = "L2";
    RunSpec development = rail_run("E", "2026-11-03T10:00:00Z", {{"v_rail", 2.0, 0.0, 4.0}});
    development.phase = "development";
    line_.add(other_host).add(development);
  }

  json histogram_of(std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> parameters = {
        {"product", "PN-1"}, {"station", "host-a"}, {"step_path", "Power/Rail"}, {"name", "v_rail"},
        {"lsl", "0"},        {"usl", "4"},           {"bins", "4"}};
    parameters.insert(parameters.end(), extra.begin(), extra.end());
    const HistogramRequest request = parse_histogram_request(parameters);
    return histogram_json(request, histogram(line_.store().db(), request));
  }

  LineBuilder line_;
};

TEST_F(Histograms, BinsAreEqualWidthFromMinToMaxWithTheLastClosed) {
  const json h = histogram_of();
  EXPECT_EQ(h["n"], 5);
  EXPECT_EQ(h["edges"], json({1.0, 1.5, 2.0, 2.5, 3.0}));
  EXPECT_EQ(h["counts"], json({1, 1, 2, 1}));  // 1.5 on an edge goes up; 3.0, the max, stays in the last bin
  EXPECT_DOUBLE_EQ(h["mean"].get<double>(), 1.95);
  EXPECT_EQ(h["min"], 1.0);
  EXPECT_EQ(h["max"], 3.0);
  EXPECT_EQ(h["lsl"], 0.0);
  EXPECT_EQ(h["usl"], 4.0);
  EXPECT_EQ(h["units"], "V");
  EXPECT_EQ(h["step_path"], "Power/Rail");
}

TEST_F(Histograms, IsThePopulationOfItsCpkRow) {
  const auto cpk = run_metrics(line_.store().db(), parse_metrics_request(Lens::cpk, {{"min_samples", "2"}}), 0);
  const json h = histogram_of();
  bool found = false;
  for (const auto& row : cpk["rows"]) {
    if (row["station"] != "host-a" || row["lsl"] != 0.0 || row["usl"] != 4.0) continue;
    found = true;
    EXPECT_EQ(row["n"], h["n"]);
    EXPECT_NEAR(row["mean"].get<double>(), h["mean"].get<double>(), 1e-12);
  }
  EXPECT_TRUE(found);
}

TEST_F(Histograms, FiltersAndLimitsChooseTheValues) {
  EXPECT_EQ(histogram_of({{"phase", "*"}})["n"], 6);  // E's 2.0 too: development counts when asked
  const json alone = histogram_of({{"since", "2026-11-03"}});  // C's 3.0 alone: one bin [3, 3]
  EXPECT_EQ(alone["counts"], json({1}));
  EXPECT_EQ(alone["edges"], json({3.0, 3.0}));

  const auto upper_only = parse_histogram_request(
      {{"product", "PN-1"}, {"station", "host-a"}, {"step_path", "Power/Rail"}, {"name", "v_rail"}, {"usl", "4"}});
  EXPECT_EQ(upper_only.bins, 20);
  const json h = histogram_json(upper_only, histogram(line_.store().db(), upper_only));
  EXPECT_EQ(h["n"], 1);  // C's one-sided 2.0
  EXPECT_EQ(h["lsl"], nullptr);

  const json none = histogram_of({{"lot", "L9"}});
  EXPECT_EQ(none["n"], 0);
  EXPECT_EQ(none["mean"], nullptr);
  EXPECT_EQ(none["counts"], json::array());
}

TEST_F(Histograms, FacetsListWhatTheFiltersCanName) {
  const json facets = metrics_facets(line_.store().db());
  EXPECT_EQ(facets["phases"], json({"development", "production"}));
  EXPECT_EQ(facets["products"], json({"PN-1"}));
  EXPECT_EQ(facets["stations"], json({"host-a", "host-b"}));
  EXPECT_EQ(facets["lots"], json({"L1", "L2"}));
}

class HistogramRoute : public Histograms {
 protected:
  HistogramRoute() : stations_(project_.path()), router_(line_.store(), stations_, line_.data_dir()) {}

  server::Response get(std::string_view target) { return router_.handle("GET", target, {}); }

  // A bad request: 400 with a JSON error containing `text`.
  void rejects(const std::string& query, const std::string& text) {
    const auto response = get("/api/metrics/histogram?" + query);
    EXPECT_EQ(response.status, 400) << query;
    const json body = json::parse(response.body);
    EXPECT_NE(body["error"].get<std::string>().find(text), std::string::npos) << query << ": " << body["error"];
  }

  litmus::testing::TempDir project_;
  server::StationCatalog stations_;
  server::Router router_;
};

constexpr const char* kRow = "product=PN-1&station=host-a&step_path=Power%2FRail&name=v_rail&lsl=0&usl=4";

TEST_F(HistogramRoute, AnswersTheRow) {
  const auto response = get(std::string("/api/metrics/histogram?") + kRow + "&bins=2");
  ASSERT_EQ(response.status, 200) << response.body;
  const json h = json::parse(response.body);
  EXPECT_EQ(h["metric"], "histogram");
  EXPECT_EQ(h["counts"], json({2, 3}));  // [1, 2) and [2, 3]
  EXPECT_EQ(h["filter"]["products"], json({"PN-1"}));
}

TEST_F(HistogramRoute, BadParametersAreA400SayingWhatIsExpected) {
  const std::string row = kRow;
  rejects("product=PN-1&station=host-a&step_path=Power%2FRail&lsl=0", "name is required");
  rejects("product=PN-1&station=host-a&step_path=Power%2FRail&name=&lsl=0", "name: must not be empty");
  rejects("product=PN-1&station=host-a&step_path=Power%2FRail&name=v_rail", "lsl or usl is required");
  rejects(row + "&bins=0", "bins '0': expected a whole number from 1 to 200");
  rejects(row + "&bins=201", "bins '201'");
  rejects(row + "&vector_index=-1", "vector_index '-1'");
  rejects("product=PN-1&station=host-a&step_path=S&name=v&lsl=abc", "lsl 'abc': expected a finite number");
  rejects("product=PN-1&station=host-a&step_path=S&name=v&lsl=inf", "lsl 'inf'");
  rejects("product=PN-1&station=host-a&step_path=S&name=v&lsl=2&usl=1", "lsl must not be above usl");
  rejects(row + "&product=PN-2", "product: given more than once");
  rejects(row + "&since=2026-11-03&until=2026-11-02", "since must be before until");
  rejects(row + "&since=yesterday", "since 'yesterday'");
  rejects(row + "&period=day", "unknown query parameter 'period'");
  const json detail = json::parse(get("/api/metrics/histogram?colour=red").body)["detail"];
  EXPECT_EQ(detail["parameter"], "colour");
  EXPECT_EQ(detail["allowed"].size(), histogram_parameter_names().size());
}

TEST_F(HistogramRoute, FacetsTakeNoParametersAndLensesListTheirs) {
  EXPECT_EQ(get("/api/metrics/facets").status, 200);
  EXPECT_EQ(get("/api/metrics/facets?phase=production").status, 400);
  const auto response = get("/api/metrics/summary?colour=red");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["detail"]["allowed"].size(), metrics_parameter_names().size());
  EXPECT_EQ(get("/api/metrics/summary?phase=production&phase=development").status, 200);  // a filter may repeat
}

}  // namespace
}  // namespace litmus::metrics
