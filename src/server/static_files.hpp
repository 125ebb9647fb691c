#pragma once
// Everything outside /api: the embedded web UI (static_assets()). A path
// that names no file gets index.html, so the UI's client-side routes
// (/results/<id>, …) survive a reload.

#include <string_view>

#include "server/http_types.hpp"

namespace litmus::server {

Response serve_static(std::string_view path);

}  // namespace litmus::server
