#pragma once
// The built web UI (web/dist), embedded into the `litmus` binary at build
// time by cmake/EmbedWeb.cmake; the generated static_assets.cpp defines
// static_assets().

#include <span>
#include <string_view>

namespace litmus::server {

struct StaticAsset {
  std::string_view path;          // "/index.html", "/assets/index-abc123.js"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view body;
};

std::span<const StaticAsset> static_assets();

}  // namespace litmus::server
