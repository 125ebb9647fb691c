#include "server/static_files.hpp"

#include "server/static_assets.hpp"

namespace litmus::server {
namespace {

const StaticAsset* find_asset(std::string_view path) {
  for (const auto& asset : static_assets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace

Response serve_static(std::string_view path) {
  const StaticAsset* asset = path == "/" ? nullptr : find_asset(path);
  // A missing hashed asset is a stale page asking for an old build: HTML in
  // its place would only fail later as a confusing script error.
  if (!asset && path.starts_with("/assets/")) return error_response(404, "not found", std::string(path));
  if (!asset) asset = find_asset("/index.html");
  if (!asset) return error_response(404, "not found", std::string(path));
  Response response;
  response.content_type = std::string(asset->content_type);
  response.body = std::string(asset->body);
  // Vite puts a content hash in every name under /assets/, so they never
  // change; index.html names the current ones and must always be refetched.
  response.headers.emplace_back(
      "Cache-Control", asset->path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace litmus::server
