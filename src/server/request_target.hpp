#pragma once
// Turns a raw request line target ("/api/events?limit=5&type=run.%2A") into
// a Request's decoded path and query parameters.

#include <map>
#include <string>
#include <string_view>

#include "server/http_types.hpp"

namespace litmus::server {

// Throws HttpError(400) for malformed percent-encoding.
Request make_request(std::string method, std::string_view target, std::map<std::string, std::string> headers = {});

}  // namespace litmus::server
