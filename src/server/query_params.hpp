#pragma once
// Strict access to a request's query parameters: a route names the
// parameters it accepts, and anything else — an unknown name, a repeated
// one, a value that is not an integer in range — is a 400 naming the
// parameter, never a silent default.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_types.hpp"

namespace litmus::server {

class QueryParams {
 public:
  QueryParams(const Request& request, std::initializer_list<std::string_view> allowed);

  // The value, or nullopt when absent or empty (an empty filter filters nothing).
  std::optional<std::string> text(std::string_view name) const;
  // Absent → nullopt; present → an integer within [min, max] or a 400.
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max) const;
  // Integer ns since the epoch or an ISO-8601 UTC timestamp; else a 400.
  std::optional<std::int64_t> timestamp(std::string_view name) const;
  // One of `choices`, else a 400.
  std::optional<std::string> choice(std::string_view name, std::initializer_list<std::string_view> choices) const;
  std::optional<std::string> choice(std::string_view name, std::span<const std::string_view> choices) const;

 private:
  const std::string* find(std::string_view name) const;

  const Request& request_;
};

}  // namespace litmus::server
