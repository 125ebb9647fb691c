#pragma once
// Everything outside /api: the embedded web UI (static_assets()). A path
// that names no file gets index.html, so the UI's client-side routes
// (/results/<id>, …) survive a reload.

#include <cstdint>
#include <functional>
#include <string_view>

#include "server/http_types.hpp"

namespace litmus::server {

// The <meta> index.html carries with the id of the store's newest event
// when the page was served: the UI's live stream starts after it, so a
// page needs no round trip before it can fetch its data, and no event
// between the page's data and its stream is missed.
inline constexpr std::string_view kEventCursorMeta = "litmus-event-cursor";

// What a run page (/results/<id>, /live/<id>) fetches first, after
// "/api/runs/<id>": web/src/components/run-model.ts asks exactly these
// (FIRST_MEASUREMENTS = 200), and index.html preloads them.
inline constexpr std::string_view kRunPagePreloads[] = {"", "/steps", "/measurements?offset=0&limit=200"};

// `newest_event_id` is asked only when index.html is served.
Response serve_static(std::string_view path, const std::function<std::int64_t()>& newest_event_id);

}  // namespace litmus::server
