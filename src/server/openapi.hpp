#pragma once
// The OpenAPI 3 description of the JSON API (SPEC E1), served at
// GET /api/openapi.json. Written by hand beside the handlers; a test checks
// that its routes and parameters are exactly what the router accepts.

#include <nlohmann/json.hpp>

namespace litmus::server {

const nlohmann::json& openapi_document();

}  // namespace litmus::server
