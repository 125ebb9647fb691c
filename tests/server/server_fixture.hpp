#pragma once
// A data dir with a small, known store for exercising the API without
// sockets: two sessions whose ids share an 8-character prefix (so that
// prefix is ambiguous), instrument reads on the scalar channel dmm.voltage,
// and a project directory without stations. RunsRouterTest adds the
// sample runs of store/sample_runs.hpp.

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "server/router.hpp"
#include "server/station_catalog.hpp"
#include "store/event_store.hpp"
#include "store/sample_runs.hpp"
#include "store/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {

// The JSON body of a response that must be a 200.
inline nlohmann::json body_of(const server::Response& response) {
  EXPECT_EQ(response.status, 200) << response.body;
  return nlohmann::json::parse(response.body);
}

inline constexpr const char* kSessionA = "aaaaaaaa-0000-4000-8000-000000000001";
inline constexpr const char* kSessionB = "aaaaaaaa-0000-4000-8000-000000000002";
inline constexpr int kReads = 20;

inline void fill_store(store::EventStore& store) {
  for (const char* session : {kSessionA, kSessionB}) {
    std::vector<JournalEntry> entries;
    entries.push_back(make_entry(session, 1, "session.started", {{"station", "bench_1"}}));
    entries.push_back(make_entry(session, 2, "instrument.connected", {{"type", "dmm"}, {"mock", true}}, "dmm"));
    for (int i = 0; i < kReads; ++i) {
      entries.push_back(make_entry(session, 3 + static_cast<std::uint64_t>(i), "instrument.read",
                                   {{"channel", "dmm.voltage"}, {"value", 3.3 + i / 100.0}, {"units", "V"}}, "dmm"));
    }
    store.ingest(entries, 1);
  }
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : store_(store::EventStore::open(data_.path())), stations_(project_.path()) {
    fill_store(*store_);
    router_ = std::make_unique<server::Router>(*store_, stations_, data_.path());
  }

  server::Response get(std::string_view target, std::map<std::string, std::string> headers = {}) {
    return router_->handle("GET", target, std::move(headers));
  }

  TempDir data_;
  TempDir project_;
  std::unique_ptr<store::EventStore> store_;
  server::StationCatalog stations_;
  std::unique_ptr<server::Router> router_;
};

class RunsRouterTest : public RouterTest {
 protected:
  RunsRouterTest() { add_sample_runs(*store_); }
};

}  // namespace litmus::testing
