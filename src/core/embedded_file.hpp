#pragma once
// A file compiled into the binary by tools/embed_assets (the web UI, the
// project templates of `litmus init`).

#include <string_view>

namespace litmus {

struct EmbeddedFile {
  std::string_view path;          // "/index.html", "/starter/litmus.yaml"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view body;
};

}  // namespace litmus
