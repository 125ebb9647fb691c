// /api/openapi.json against the router: every documented route answers, and
// every route accepts exactly the query parameters it documents (over a
// store with runs, so the run and metrics routes have something to answer).

#include "server/openapi.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "litmus/version.hpp"
#include "metrics/metrics_request.hpp"
#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

// A documented path with its {id} or {serial} filled in with something
// that exists.
std::string concrete(std::string path) {
  if (const auto brace = path.find("{serial}"); brace != std::string::npos) return path.replace(brace, 8, "SN-1");
  const auto brace = path.find("{id}");
  if (brace == std::string::npos) return path;
  const char* id = path.starts_with("/api/sessions/") ? kSessionA
                   : path.starts_with("/api/runs/")   ? kRunPassed
                                                      : "dmm.voltage";
  return path.replace(brace, 4, id);
}

// A value the parameter's schema admits.
std::string valid_value(const json& parameter) {
  if (parameter["name"] == "session_id") return kSessionA;
  const json& schema = parameter["schema"];
  if (schema.contains("$ref")) return "0";  // Timestamp
  if (schema.contains("enum")) return schema["enum"][0];
  if (schema["type"] == "integer") return schema["minimum"].dump();  // every integer has one
  return "x";
}

// The parameters of a request the route answers with 200 over the sample
// runs: the required ones (and for a histogram, a limit), filled in.
using Query = std::vector<std::pair<std::string, std::string>>;
Query needed_query(const std::string& path) {
  if (path == "/api/compare") return {{"run_a", kRunPassed}, {"run_b", kRunFailed}};
  if (path == "/api/metrics/histogram") {
    return {{"product", "PN-A"}, {"station", "host-a"}, {"step_path", "Power/Rail"},
            {"name", "v_rail"},  {"lsl", "3.2"},         {"usl", "3.4"}};
  }
  return {};
}

// "target?a=1&b=2", leaving out the parameter `without`.
std::string with_query(const std::string& target, const Query& query, const std::string& without = "") {
  std::string out = target;
  for (const auto& [name, value] : query) {
    if (name != without) out += (out.size() == target.size() ? "?" : "&") + name + "=" + value;
  }
  return out;
}

bool names(const Query& query, const std::string& name) {
  return std::any_of(query.begin(), query.end(), [&](const auto& p) { return p.first == name; });
}

std::set<std::string> query_parameters(const json& operation) {
  std::set<std::string> names;
  for (const auto& parameter : operation.value("parameters", json::array())) {
    if (parameter["in"] == "query") names.insert(parameter["name"]);
  }
  return names;
}

TEST_F(RunsRouterTest, OpenApiIsServedWithTheVersion) {
  const auto response = get("/api/openapi.json");
  ASSERT_EQ(response.status, 200);
  const auto body = json::parse(response.body);
  EXPECT_EQ(body["openapi"], "3.0.3");
  EXPECT_EQ(body["info"]["version"], std::string(version()));
}

TEST_F(RunsRouterTest, EveryDocumentedRouteAndParameterIsAccepted) {
  for (const auto& [path, item] : server::openapi_document()["paths"].items()) {
    const json& operation = item["get"];
    const Query needed = needed_query(path);
    const std::string target = with_query(concrete(path), needed);
    EXPECT_EQ(get(target).status, 200) << target << ": " << get(target).body;
    for (const auto& parameter : operation.value("parameters", json::array())) {
      const std::string name = parameter["name"];
      if (parameter["in"] != "query" || names(needed, name)) continue;
      Query with = needed;
      with.emplace_back(name, valid_value(parameter));
      const std::string request = with_query(concrete(path), with);
      EXPECT_EQ(get(request).status, 200) << request << ": " << get(request).body;
    }
  }
}

TEST_F(RunsRouterTest, ARequiredParameterIsRequired) {
  for (const auto& [path, item] : server::openapi_document()["paths"].items()) {
    for (const auto& parameter : item["get"].value("parameters", json::array())) {
      if (parameter["in"] != "query" || !parameter.value("required", false)) continue;
      const auto response = get(with_query(concrete(path), needed_query(path), parameter["name"]));
      EXPECT_EQ(response.status, 400) << path << " without " << parameter["name"];
      EXPECT_TRUE(json::parse(response.body).contains("error")) << path;
    }
  }
}

TEST_F(RunsRouterTest, TheAnalysisRoutesAreDocumented) {
  const json& paths = server::openapi_document()["paths"];
  for (const char* lens : {"summary", "trend", "pareto", "cpk", "retest", "time-loss", "assets"}) {
    const std::string path = "/api/metrics/" + std::string(metrics::to_string(metrics::parse_lens(lens)));
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_EQ(query_parameters(paths[path]["get"]),
              std::set<std::string>(metrics::metrics_parameter_names().begin(), metrics::metrics_parameter_names().end()));
  }
  for (const char* path : {"/api/metrics/histogram", "/api/metrics/facets", "/api/compare"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
}

TEST_F(RunsRouterTest, TheRunRoutesAreDocumented) {
  const json& paths = server::openapi_document()["paths"];
  for (const char* path : {"/api/runs", "/api/runs/{id}", "/api/runs/{id}/steps", "/api/runs/{id}/measurements",
                           "/api/active", "/api/duts/{serial}/runs"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  // The sort and outcome enums are the store's, so the UI can offer them.
  for (const auto& parameter : paths["/api/runs"]["get"]["parameters"]) {
    if (parameter["name"] == "sort") {
      EXPECT_EQ(parameter["schema"]["enum"].get<std::vector<std::string>>(),
                std::vector<std::string>(store::run_sort_names().begin(), store::run_sort_names().end()));
    }
    if (parameter["name"] == "outcome") {
      EXPECT_EQ(parameter["schema"]["enum"].get<std::vector<std::string>>(),
                std::vector<std::string>(store::run_outcome_filters().begin(), store::run_outcome_filters().end()));
    }
  }
}

TEST_F(RunsRouterTest, EveryRouteRejectsWhatItDoesNotDocument) {
  for (const auto& [path, item] : server::openapi_document()["paths"].items()) {
    const auto response = get(concrete(path) + "?undocumented=1");
    ASSERT_EQ(response.status, 400) << path;
    const auto detail = json::parse(response.body)["detail"];
    EXPECT_EQ(detail["allowed"].get<std::set<std::string>>(), query_parameters(item["get"])) << path;
  }
}

}  // namespace
}  // namespace litmus::testing
