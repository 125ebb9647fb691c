// Bad input over every route, without sockets: each case must give its 4xx
// and a JSON body {"error": "...", "detail": ...}, never a 500. The store
// holds the sample runs (ids c5c5c5c5-… are an ambiguous prefix).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

struct BadInput {
  const char* method;
  const char* target;
  int status;
  const char* error_mentions;  // a fragment the "error" text must contain
};

std::ostream& operator<<(std::ostream& out, const BadInput& c) { return out << c.method << ' ' << c.target; }

class BadInputTest : public RunsRouterTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, IsAJsonClientError) {
  const BadInput& c = GetParam();
  const auto response = router_->handle(c.method, c.target);
  EXPECT_EQ(response.status, c.status) << response.body;
  EXPECT_EQ(response.content_type, "application/json");
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << response.body;
  ASSERT_TRUE(body.contains("error") && body["error"].is_string()) << response.body;
  EXPECT_TRUE(body.contains("detail")) << response.body;
  EXPECT_NE(body["error"].get<std::string>().find(c.error_mentions), std::string::npos) << response.body;
}

INSTANTIATE_TEST_SUITE_P(
    Routes, BadInputTest,
    ::testing::Values(
        // unknown things
        BadInput{"GET", "/api/sessions/ffffffff-0000-4000-8000-00000000dead", 404, "session not found"},
        BadInput{"GET", "/api/sessions/aaaaaaaa", 400, "more than one"},
        BadInput{"GET", "/api/channels/no.such.channel", 404, "channel not found"},
        BadInput{"GET", "/api/channels/dmm.voltage?session_id=ffffffff-0000-4000-8000-00000000dead", 404,
                 "session not found"},
        BadInput{"GET", "/api/channels/dmm.voltage?session_id=aaaaaaaa", 400, "more than one"},
        BadInput{"GET", "/api/channels/dmm.voltage?session_id=aaaa", 400, "'session_id'"},
        BadInput{"GET", "/api/events?session_id=aaaa", 400, "'session_id'"},
        BadInput{"GET", "/api/events?session_id=aaaaaaaa", 400, "more than one"},
        BadInput{"GET", "/api/nope", 404, "no such API route"},
        BadInput{"GET", "/api", 404, "no such API route"},
        BadInput{"GET", "/api/sessions/aaaaaaaa/extra", 404, "no such API route"},
        // methods
        BadInput{"POST", "/api/sessions", 405, "POST"},
        BadInput{"DELETE", "/api/events", 405, "DELETE"},
        BadInput{"PUT", "/", 405, "PUT"},
        // unknown, repeated and malformed parameters
        BadInput{"GET", "/api/events?bogus=1", 400, "'bogus'"},
        BadInput{"GET", "/api/health?verbose=1", 400, "'verbose'"},
        BadInput{"GET", "/api/channels?limit=5", 400, "'limit'"},
        BadInput{"GET", "/api/events?limit=1&limit=2", 400, "more than once"},
        BadInput{"GET", "/api/events?type=%zz", 400, "percent-encoding"},
        // integers
        BadInput{"GET", "/api/sessions?limit=-1", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=0", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=1001", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=99999999999999999999", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=5x", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?limit=+5", 400, "'limit'"},
        BadInput{"GET", "/api/sessions?offset=-5", 400, "'offset'"},
        BadInput{"GET", "/api/events?limit=0", 400, "'limit'"},
        BadInput{"GET", "/api/events?limit=10001", 400, "'limit'"},
        BadInput{"GET", "/api/events?limit=abc", 400, "'limit'"},
        BadInput{"GET", "/api/events?after=-1", 400, "'after'"},
        BadInput{"GET", "/api/events?after=99999999999999999999", 400, "'after'"},
        BadInput{"GET", "/api/events?order=sideways", 400, "'order'"},
        BadInput{"GET", "/api/events?order=desc&after=3", 400, "'after'"},
        BadInput{"GET", "/api/channels/dmm.voltage?max_points=abc", 400, "'max_points'"},
        BadInput{"GET", "/api/channels/dmm.voltage?max_points=2", 400, "'max_points'"},
        BadInput{"GET", "/api/channels/dmm.voltage?max_points=100001", 400, "'max_points'"},
        BadInput{"GET", "/api/channels/dmm.voltage?last_n=0", 400, "'last_n'"},
        BadInput{"GET", "/api/channels/dmm.voltage?last_n=1000001", 400, "'last_n'"},
        BadInput{"GET", "/api/stream?cursor=-3", 400, "'cursor'"},
        BadInput{"GET", "/api/stream?cursor=abc", 400, "'cursor'"},
        // timestamps
        BadInput{"GET", "/api/events?since=yesterday", 400, "'since'"},
        BadInput{"GET", "/api/events?since=-1", 400, "'since'"},
        BadInput{"GET", "/api/events?since=99999999999999999999", 400, "'since'"},
        BadInput{"GET", "/api/events?since=2026-13-01T00:00:00Z", 400, "'since'"},
        BadInput{"GET", "/api/events?since=2026-02-30T00:00:00Z", 400, "'since'"},
        BadInput{"GET", "/api/events?since=2026-11-28T08:00:00", 400, "'since'"},
        BadInput{"GET", "/api/events?since=2026-11-28T25:00:00Z", 400, "'since'"},
        BadInput{"GET", "/api/events?since=9999-11-28T08:00:00Z", 400, "'since'"},
        BadInput{"GET", "/api/channels/dmm.voltage?until=noon", 400, "'until'"},
        BadInput{"GET", "/api/channels/dmm.voltage?since=5&until=4", 400, "'until'"},
        // runs: unknown, ambiguous, shorter than a prefix, routes that are not
        BadInput{"GET", "/api/runs/ffffffff-0000-4000-8000-00000000dead", 404, "run not found"},
        BadInput{"GET", "/api/runs/c5c5c5c", 404, "run not found"},
        BadInput{"GET", "/api/runs/c5c5c5c5", 400, "more than one"},
        BadInput{"GET", "/api/runs/c5c5c5c5/steps", 400, "more than one"},
        BadInput{"GET", "/api/runs/c5c5c5c5/measurements", 400, "more than one"},
        BadInput{"GET", "/api/runs/ffffffff/steps", 404, "run not found"},
        BadInput{"GET", "/api/runs/ffffffff/measurements", 404, "run not found"},
        BadInput{"GET", "/api/runs/c1c1c1c1/events", 404, "no such API route"},
        BadInput{"GET", "/api/runs//steps", 404, "no such API route"},
        BadInput{"GET", "/api/duts//runs", 404, "no such API route"},
        BadInput{"GET", "/api/duts/SN-1", 404, "no such API route"},
        // runs: parameters
        BadInput{"GET", "/api/runs?sort=duration", 400, "'sort'"},
        BadInput{"GET", "/api/runs?sort=", 400, "'sort'"},
        BadInput{"GET", "/api/runs?order=up", 400, "'order'"},
        BadInput{"GET", "/api/runs?limit=0", 400, "'limit'"},
        BadInput{"GET", "/api/runs?limit=1001", 400, "'limit'"},
        BadInput{"GET", "/api/runs?offset=-1", 400, "'offset'"},
        BadInput{"GET", "/api/runs?offset=2147483648", 400, "'offset'"},
        BadInput{"GET", "/api/runs?outcome=great", 400, "'outcome'"},
        BadInput{"GET", "/api/runs?serial=SN-1", 400, "'serial'"},
        BadInput{"GET", "/api/runs?sort=serial&sort=phase", 400, "more than once"},
        BadInput{"GET", "/api/runs/c1c1c1c1?limit=1", 400, "'limit'"},
        BadInput{"GET", "/api/runs/c1c1c1c1/steps?limit=1", 400, "'limit'"},
        BadInput{"GET", "/api/runs/c1c1c1c1/measurements?limit=0", 400, "'limit'"},
        BadInput{"GET", "/api/runs/c1c1c1c1/measurements?limit=100001", 400, "'limit'"},
        BadInput{"GET", "/api/runs/c1c1c1c1/measurements?offset=x", 400, "'offset'"},
        BadInput{"GET", "/api/active?limit=1", 400, "'limit'"},
        BadInput{"GET", "/api/duts/SN-1/runs?limit=1001", 400, "'limit'"},
        BadInput{"GET", "/api/duts/SN-1/runs?offset=-1", 400, "'offset'"},
        BadInput{"GET", "/api/duts/SN-1/runs?sort=serial", 400, "'sort'"}));

// The 404 of an unknown run names it, as the UI's "Run not found." needs.
TEST_F(RunsRouterTest, UnknownRunIsA404NamingIt) {
  const auto response = get("/api/runs/ffffffff-0000-4000-8000-00000000dead");
  ASSERT_EQ(response.status, 404);
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"error", "run not found"},
                            {"detail", {{"run_id", "ffffffff-0000-4000-8000-00000000dead"}}}}));
}

TEST_F(RouterTest, BadLastEventIdHeaderIsAClientError) {
  const auto response = get("/api/stream", {{"last-event-id", "x1"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("Last-Event-ID"), std::string::npos);
}

TEST_F(RouterTest, MethodNotAllowedNamesTheAllowedMethod) {
  const auto response = router_->handle("POST", "/api/events");
  ASSERT_EQ(response.status, 405);
  EXPECT_EQ(response.headers, (std::vector<std::pair<std::string, std::string>>{{"Allow", "GET"}}));
}

}  // namespace
}  // namespace litmus::testing
