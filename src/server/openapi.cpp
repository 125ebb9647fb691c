#include "server/openapi.hpp"

#include <string>

#include "litmus/version.hpp"

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
      "NotFound": {"description": "No such session or channel",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  }
})json";

nlohmann::json build() {
  auto document = nlohmann::json::parse(kDocument);
  document["info"]["version"] = std::string(version());
  return document;
}

}  // namespace

const nlohmann::json& openapi_document() {
  static const nlohmann::json document = build();
  return document;
}

}  // namespace litmus::server
