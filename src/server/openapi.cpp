#include "server/openapi.hpp"

#include <string>

#include "litmus/version.hpp"
#include "metrics/metrics_request.hpp"

namespace litmus::server {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "Litmus HTTP API",
    "description": "Read-only JSON API of `litmus serve`. Timestamps (*_ts) are integer ns since the Unix epoch, UTC. Errors are {\"error\": message, \"detail\": ...}. See docs/http-api.md.",
    "version": ""
  },
  "paths": {
    "/api/health": {
      "get": {"summary": "Server status, version and data dir",
              "responses": {"200": {"description": "{status, version, data_dir}"}}}
    },
    "/api/sessions": {
      "get": {"summary": "Sessions, newest first",
              "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0}}],
              "responses": {"200": {"description": "{sessions: [Session], total}"},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/sessions/{id}": {
      "get": {"summary": "One session and its instruments",
              "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "Full session id or a unique prefix of at least 8 characters", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "Session plus instruments: [Instrument]"},
                            "400": {"description": "Ambiguous id prefix", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/events": {
      "get": {"summary": "Stored events, oldest first unless order=desc",
              "parameters": [
                {"name": "session_id", "in": "query", "description": "Full id or unique prefix of at least 8 characters", "schema": {"type": "string"}},
                {"name": "type", "in": "query", "description": "Exact type, or a family such as instrument.*", "schema": {"type": "string"}},
                {"name": "role", "in": "query", "schema": {"type": "string"}},
                {"name": "since", "in": "query", "description": "ts >= since; integer ns or ISO-8601 with zone", "schema": {"$ref": "#/components/schemas/Timestamp"}},
                {"name": "after", "in": "query", "description": "Event id cursor (exclusive), oldest first", "schema": {"type": "integer", "format": "int64", "minimum": 0}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 100}},
                {"name": "order", "in": "query", "description": "desc cannot be combined with after", "schema": {"type": "string", "enum": ["asc", "desc"], "default": "asc"}}],
              "responses": {"200": {"description": "{events: [StoredEvent]}"},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/channels": {
      "get": {"summary": "Channels with their latest value",
              "responses": {"200": {"description": "{channels: [Channel]}"}}}
    },
    "/api/channels/{id}": {
      "get": {"summary": "One channel's series or arrays, LTTB-decimated with max_points",
              "parameters": [
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "session_id", "in": "query", "description": "Full id or unique prefix of at least 8 characters", "schema": {"type": "string"}},
                {"name": "since", "in": "query", "schema": {"$ref": "#/components/schemas/Timestamp"}},
                {"name": "until", "in": "query", "description": "Not before since", "schema": {"$ref": "#/components/schemas/Timestamp"}},
                {"name": "last_n", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000}},
                {"name": "max_points", "in": "query", "schema": {"type": "integer", "minimum": 3, "maximum": 100000}}],
              "responses": {"200": {"description": "{channel, x, y, total_points, arrays}"},
                            "400": {"$ref": "#/components/responses/BadRequest"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/runs": {
      "get": {"summary": "Test runs (in-flight included), filtered, sorted and paged in SQL, with stats over the filters",
              "parameters": [
                {"name": "sort", "in": "query", "description": "Sort key; ties by started_ts, then run_id, in the same order", "schema": {"type": "string", "enum": ["outcome", "serial", "part_number", "hostname", "project", "phase", "started", "steps", "measurements"], "default": "started"}},
                {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"], "default": "desc"}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}},
                {"name": "station", "in": "query", "schema": {"type": "string"}},
                {"name": "dut_serial", "in": "query", "schema": {"type": "string"}},
                {"name": "outcome", "in": "query", "description": "A run outcome, or running for runs without run.ended", "schema": {"type": "string", "enum": ["passed", "failed", "errored", "skipped", "terminated", "aborted", "done", "running"]}},
                {"name": "project", "in": "query", "schema": {"type": "string"}},
                {"name": "phase", "in": "query", "schema": {"type": "string"}},
                {"name": "since", "in": "query", "description": "Runs started at or after", "schema": {"$ref": "#/components/schemas/Timestamp"}},
                {"name": "until", "in": "query", "description": "Runs started before; after since", "schema": {"$ref": "#/components/schemas/Timestamp"}}],
              "responses": {"200": {"description": "{runs: [Run], total, offset, limit, sort, order, stats: RunStats}"},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/runs/{id}": {
      "get": {"summary": "One run with its session, instruments, step and measurement stats",
              "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "Full run id or a unique prefix of at least 8 characters", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "Run plus session: Session, instruments: [Instrument], step_stats, measurement_stats"},
                            "400": {"description": "Ambiguous id prefix", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/runs/{id}/steps": {
      "get": {"summary": "Every attempt of every vector of the run's steps, in discovery order (never-ran ones included)",
              "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "Full run id or a unique prefix of at least 8 characters", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "{run_id, steps: [Step]}"},
                            "400": {"description": "Ambiguous id prefix", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/runs/{id}/measurements": {
      "get": {"summary": "The run's measurements in the order they were taken, paged",
              "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "Full run id or a unique prefix of at least 8 characters", "schema": {"type": "string"}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 10000}}],
              "responses": {"200": {"description": "{run_id, measurements: [Measurement], total, offset, limit}"},
                            "400": {"$ref": "#/components/responses/BadRequest"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/active": {
      "get": {"summary": "Runs in flight (no run.ended yet), newest first, with their progress",
              "responses": {"200": {"description": "{runs: [{run_id, session_id, station, hostname, dut_serial, dut_part_number, program, phase, operator, started_ts, steps_total, steps_finished, current_step, dialogs_waiting}]}"}}}
    },
    "/api/duts/{serial}/runs": {
      "get": {"summary": "One DUT's runs, newest first",
              "parameters": [
                {"name": "serial", "in": "path", "required": true, "description": "The DUT serial, percent-encoded ('/' as %2F)", "schema": {"type": "string"}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}}],
              "responses": {"200": {"description": "{serial, runs: [Run], total, offset, limit}"},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/stations": {
      "get": {"summary": "The project's stations (stations/*.yaml)",
              "responses": {"200": {"description": "{stations: [Station]}"},
                            "500": {"description": "The station configuration is invalid", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/api/stream": {
      "get": {"summary": "Live events as Server-Sent Events (id: <event id>, event: event, data: StoredEvent JSON)",
              "parameters": [
                {"name": "cursor", "in": "query", "description": "Replay stored events with a greater id first; absent: from now on", "schema": {"type": "integer", "format": "int64", "minimum": 0}},
                {"name": "Last-Event-ID", "in": "header", "description": "Sent by EventSource on reconnect; wins over cursor", "schema": {"type": "integer", "format": "int64", "minimum": 0}}],
              "responses": {"200": {"description": "text/event-stream", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/metrics/histogram": {
      "get": {"summary": "The values behind one Cpk row, binned, with its limits and mean (docs/metrics.md)",
              "parameters": [
                {"name": "product", "in": "query", "required": true, "description": "The row's product key (part number)", "schema": {"type": "string"}},
                {"name": "station", "in": "query", "required": true, "description": "The row's station key (hostname)", "schema": {"type": "string"}},
                {"name": "step_path", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "name", "in": "query", "required": true, "description": "The measurement name", "schema": {"type": "string"}},
                {"name": "vector_index", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647, "default": 0}},
                {"name": "lsl", "in": "query", "description": "The row's lower limit; leave out when it has none (at least one of lsl, usl)", "schema": {"type": "number"}},
                {"name": "usl", "in": "query", "description": "The row's upper limit; leave out when it has none", "schema": {"type": "number"}},
                {"name": "bins", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}}],
              "responses": {"200": {"description": "{metric, product, station, step_path, name, vector_index, units, lsl, usl, n, mean, min, max, edges: [bins + 1 numbers], counts: [bins integers], filter}"},
                            "400": {"$ref": "#/components/responses/BadRequest"}}}
    },
    "/api/metrics/facets": {
      "get": {"summary": "What the Metrics filters can name: phases, products, stations and lots of every finished run",
              "responses": {"200": {"description": "{phases: [string], products: [string], stations: [string], lots: [string]}"}}}
    },
    "/api/compare": {
      "get": {"summary": "Two runs side by side: what differs in context, steps, measurements and instruments",
              "parameters": [
                {"name": "run_a", "in": "query", "required": true, "description": "Full run id or a unique prefix of at least 8 characters", "schema": {"type": "string"}},
                {"name": "run_b", "in": "query", "required": true, "description": "Full run id or a unique prefix of at least 8 characters", "schema": {"type": "string"}}],
              "responses": {"200": {"description": "{run_a: RunContext, run_b: RunContext, differences: {run: [{field, a, b}], steps: [{step_path, vector_index, a, b}], measurements: [{step_path, vector_index, name, changed, a, b}], instruments: [{role, changed, a, b}]}}"},
                            "400": {"$ref": "#/components/responses/BadRequest"},
                            "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/api/openapi.json": {
      "get": {"summary": "This document",
              "responses": {"200": {"description": "OpenAPI 3 description"}}}
    }
  },
  "components": {
    "schemas": {
      "Error": {"type": "object", "required": ["error", "detail"],
                "properties": {"error": {"type": "string"}, "detail": {}}},
      "Timestamp": {"oneOf": [{"type": "integer", "format": "int64", "minimum": 0},
                              {"type": "string", "format": "date-time"}]}
    },
    "responses": {
      "BadRequest": {"description": "Unknown, repeated or invalid parameter",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such session, channel or run",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  }
})json";

// The filters every metrics route takes (docs/metrics.md), and the
// options of the lenses. Every lens accepts every option, as `litmus
// metrics` does; each one says which lenses it changes.
constexpr const char* kMetricsFilters = R"json([
  {"name": "phase", "in": "query", "description": "Phases, repeatable or comma-separated; * for every phase (default: every phase but development)", "schema": {"type": "string"}},
  {"name": "product", "in": "query", "description": "Product keys (part numbers), repeatable or comma-separated", "schema": {"type": "string"}},
  {"name": "station", "in": "query", "description": "Station keys (hostnames), repeatable or comma-separated", "schema": {"type": "string"}},
  {"name": "lot", "in": "query", "description": "DUT lot numbers, repeatable or comma-separated", "schema": {"type": "string"}},
  {"name": "since", "in": "query", "description": "Runs started at or after", "schema": {"$ref": "#/components/schemas/Timestamp"}},
  {"name": "until", "in": "query", "description": "Runs started before (exclusive); after since", "schema": {"$ref": "#/components/schemas/Timestamp"}}
])json";

constexpr const char* kLensOptions = R"json([
  {"name": "period", "in": "query", "description": "trend, retest, time-loss: UTC day, ISO week or month", "schema": {"type": "string", "enum": ["day", "week", "month"], "default": "day"}},
  {"name": "group_by", "in": "query", "description": "pareto", "schema": {"type": "string", "enum": ["product", "step", "measurement"], "default": "product"}},
  {"name": "top", "in": "query", "description": "pareto, retest: rows", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 15}},
  {"name": "min_samples", "in": "query", "description": "cpk: fewest values for an index", "schema": {"type": "integer", "minimum": 2, "maximum": 1000000, "default": 10}}
])json";

// Each lens: its summary and the shape of its answer (all of them also
// carry "metric" and "filter").
struct LensDocument {
  metrics::Lens lens;
  const char* summary;
  const char* answer;
};

const LensDocument kLenses[] = {
    {metrics::Lens::summary, "Yield: runs by outcome, first pass and final yield, run time",
      "{runs, passed, failed, errored, aborted, terminated, other, pass_rate, serials, first_pass_passed, "
      "final_passed, first_pass_yield, final_yield, untested_serials, runs_without_serial, duration: {count, "
      "average_s, min_s, max_s, p95_s} | null, metric, filter}"},
    {metrics::Lens::trend, "Runs and yield per period", "{period, points: [{period, start, runs, passed, failed, errored, yield}], metric, filter}"},
    {metrics::Lens::pareto, "Failures grouped by product, step or measurement, most first",
      "{group_by, top, total_failures, rows: [{label, step_path, name, failures, total, fail_rate, cumulative_share}], "
      "metric, filter}"},
    {metrics::Lens::cpk, "Process capability per measurement, worst first",
      "{min_samples, rows: [{product, station, step_path, name, vector_index, units, lsl, usl, n, runs, mean, "
      "sigma_within, sigma_overall, cp, cpk, pp, ppk, cpk_ci_low, cpk_ci_high, undefined_reason}], metric, filter}"},
    {metrics::Lens::retest, "Retest rates per period and likely no-fault-found serials",
      "{period, periods: [{period, start, serials, retested, rate, average_retries}], no_fault_found: [{serial, "
      "product, station, count, failed_run_id, passed_run_id, passed_ts}], metric, filter}"},
    {metrics::Lens::time_loss, "Run time per period by outcome, in seconds",
      "{period, periods: [{period, start, passed_s, failed_s, errored_s, other_s, total_s}], metric, filter}"},
    {metrics::Lens::assets, "Instrument use per role and resource",
      "{connected_s, rows: [{role, resource, type, mocked, sessions, connected_s, share, manufacturer, model, "
      "serial, calibration_due}], metric, filter}"},
};

nlohmann::json build() {
  using nlohmann::json;
  auto document = json::parse(kDocument);
  document["info"]["version"] = std::string(version());
  const json filters = json::parse(kMetricsFilters);
  json lens_parameters = filters;
  for (const auto& option : json::parse(kLensOptions)) lens_parameters.push_back(option);
  json& paths = document["paths"];
  for (const auto& lens : kLenses) {
    paths["/api/metrics/" + std::string(metrics::to_string(lens.lens))]["get"] = {
        {"summary", lens.summary},
        {"parameters", lens_parameters},
        {"responses",
         {{"200", {{"description", lens.answer}}}, {"400", {{"$ref", "#/components/responses/BadRequest"}}}}}};
  }
  // A histogram is of one product and station (its own parameters); the
  // other filters narrow its runs as they narrow a lens's.
  json& histogram = paths["/api/metrics/histogram"]["get"]["parameters"];
  for (const auto& filter : filters) {
    if (filter["name"] != "product" && filter["name"] != "station") histogram.push_back(filter);
  }
  return document;
}

}  // namespace

const nlohmann::json& openapi_document() {
  static const nlohmann::json document = build();
  return document;
}

}  // namespace litmus::server
