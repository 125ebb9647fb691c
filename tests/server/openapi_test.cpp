// /api/openapi.json against the router: every documented route answers, and
// every route accepts exactly the query parameters it documents.

#include "server/openapi.hpp"

#include <gtest/gtest.h>

#include <set>

#include "litmus/version.hpp"
#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

// A documented path with its {id} filled in with something that exists.
std::string concrete(std::string path) {
  const auto brace = path.find("{id}");
  if (brace == std::string::npos) return path;
  return path.replace(brace, 4, path.starts_with("/api/sessions/") ? kSessionA : "dmm.voltage");
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

std::set<std::string> query_parameters(const json& operation) {
  std::set<std::string> names;
  for (const auto& parameter : operation.value("parameters", json::array())) {
    if (parameter["in"] == "query") names.insert(parameter["name"]);
  }
  return names;
}

TEST_F(RouterTest, OpenApiIsServedWithTheVersion) {
  const auto response = get("/api/openapi.json");
  ASSERT_EQ(response.status, 200);
  const auto body = json::parse(response.body);
  EXPECT_EQ(body["openapi"], "3.0.3");
  EXPECT_EQ(body["info"]["version"], std::string(version()));
}

TEST_F(RouterTest, EveryDocumentedRouteAndParameterIsAccepted) {
  for (const auto& [path, item] : server::openapi_document()["paths"].items()) {
    const json& operation = item["get"];
    const std::string target = concrete(path);
    EXPECT_EQ(get(target).status, 200) << target;
    for (const auto& parameter : operation.value("parameters", json::array())) {
      if (parameter["in"] != "query") continue;
      const std::string with = target + "?" + parameter["name"].get<std::string>() + "=" + valid_value(parameter);
      EXPECT_EQ(get(with).status, 200) << with << ": " << get(with).body;
    }
  }
}

TEST_F(RouterTest, EveryRouteRejectsWhatItDoesNotDocument) {
  for (const auto& [path, item] : server::openapi_document()["paths"].items()) {
    const auto response = get(concrete(path) + "?undocumented=1");
    ASSERT_EQ(response.status, 400) << path;
    const auto detail = json::parse(response.body)["detail"];
    EXPECT_EQ(detail["allowed"].get<std::set<std::string>>(), query_parameters(item["get"])) << path;
  }
}

}  // namespace
}  // namespace litmus::testing
