#pragma once
// The built web UI (web/dist), embedded into the `litmus` binary at build
// time by cmake/EmbedWeb.cmake; the generated static_assets.cpp defines
// static_assets().

#include <span>

#include "core/embedded_file.hpp"

namespace litmus::server {

using StaticAsset = EmbeddedFile;

std::span<const StaticAsset> static_assets();

}  // namespace litmus::server
