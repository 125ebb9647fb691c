#pragma once
// The files `litmus init --starter` and `litmus new-test` write, compiled
// into the binary from templates/ (paths "/starter/...", "/new_test/...").

#include <span>

#include "core/embedded_file.hpp"

namespace litmus::cli {

std::span<const EmbeddedFile> project_templates();

}  // namespace litmus::cli
