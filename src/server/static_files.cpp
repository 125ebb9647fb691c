#include "server/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "server/static_assets.hpp"

namespace litmus::server {
namespace {

const StaticAsset* find_asset(std::string_view path) {
  for (const auto& asset : static_assets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

// A run page's id from its path ("/results/<id>", "/live/<id>"), when it
// is one plain segment that URL-encodes to itself; else empty.
std::string_view run_page_id(std::string_view path) {
  for (const std::string_view prefix : {"/results/", "/live/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view id = path.substr(prefix.size());
    const bool plain = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
    return plain ? id : std::string_view{};
  }
  return {};
}

// index.html with, at the end of <head>, the stream's starting point and,
// on a run page, preloads of the requests its RunModel makes first (the
// same URLs, so the browser hands them to its fetches): they leave right
// after the script and stylesheet instead of after the script has run.
// After them, because the server answers one request at a time.
std::string page_html(std::string_view html, std::string_view path, std::int64_t cursor) {
  std::string head = "<meta name=\"" + std::string(kEventCursorMeta) + "\" content=\"" + std::to_string(cursor) + "\" />";
  if (const std::string_view id = run_page_id(path); !id.empty()) {
    for (const std::string_view suffix : kRunPagePreloads) {
      head += "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/api/runs/";
      head += id;
      head += suffix;
      head += "\" />";
    }
  }
  std::string out(html);
  const std::size_t at = out.find("</head>");
  out.insert(at == std::string::npos ? 0 : at, head);
  return out;
}

}  // namespace

Response serve_static(std::string_view path, const std::function<std::int64_t()>& newest_event_id) {
  const StaticAsset* asset = path == "/" ? nullptr : find_asset(path);
  // A missing hashed asset is a stale page asking for an old build: HTML in
  // its place would only fail later as a confusing script error.
  if (!asset && path.starts_with("/assets/")) return error_response(404, "not found", std::string(path));
  if (!asset) asset = find_asset("/index.html");
  if (!asset) return error_response(404, "not found", std::string(path));
  Response response;
  response.content_type = std::string(asset->content_type);
  response.body =
      asset->path == "/index.html" ? page_html(asset->body, path, newest_event_id()) : std::string(asset->body);
  // Vite puts a content hash in every name under /assets/, so they never
  // change; index.html names the current ones and must always be refetched.
  response.headers.emplace_back(
      "Cache-Control", asset->path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace litmus::server
