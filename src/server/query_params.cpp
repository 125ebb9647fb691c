#include "server/query_params.hpp"

#include <algorithm>

#include "core/parse_integer.hpp"
#include "core/timestamp.hpp"

namespace litmus::server {
namespace {

nlohmann::json names(std::span<const std::string_view> list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto name : list) out.push_back(std::string(name));
  return out;
}

}  // namespace

QueryParams::QueryParams(const Request& request, std::initializer_list<std::string_view> allowed)
    : request_(request) {
  for (auto it = request.query.begin(); it != request.query.end(); ++it) {
    const std::string& name = it->first;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw HttpError(400, "unknown query parameter '" + name + "'",
                      {{"parameter", name}, {"allowed", names(allowed)}});
    }
    const auto again = std::find_if(std::next(it), request.query.end(), [&](const auto& p) { return p.first == name; });
    if (again != request.query.end()) {
      throw HttpError(400, "query parameter '" + name + "' is given more than once", {{"parameter", name}});
    }
  }
}

const std::string* QueryParams::find(std::string_view name) const {
  for (const auto& [key, value] : request_.query) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::optional<std::string> QueryParams::text(std::string_view name) const {
  const std::string* value = find(name);
  if (!value || value->empty()) return std::nullopt;
  return *value;
}

std::optional<std::int64_t> QueryParams::integer(std::string_view name, std::int64_t min, std::int64_t max) const {
  const std::string* value = find(name);
  if (!value) return std::nullopt;
  const auto parsed = parse_integer(*value);
  if (!parsed || *parsed < min || *parsed > max) {
    throw HttpError(400,
                    "query parameter '" + std::string(name) + "' must be an integer from " + std::to_string(min) +
                        " to " + std::to_string(max),
                    {{"parameter", std::string(name)}, {"value", *value}, {"min", min}, {"max", max}});
  }
  return parsed;
}

std::optional<std::int64_t> QueryParams::timestamp(std::string_view name) const {
  const std::string* value = find(name);
  if (!value) return std::nullopt;
  const auto parsed = parse_timestamp_ns(*value);
  if (!parsed) {
    throw HttpError(400,
                    "query parameter '" + std::string(name) + "' must be " + std::string(kTimestampForms),
                    {{"parameter", std::string(name)}, {"value", *value}});
  }
  return parsed;
}

std::optional<std::string> QueryParams::choice(std::string_view name,
                                               std::initializer_list<std::string_view> choices) const {
  return choice(name, std::span<const std::string_view>(choices.begin(), choices.size()));
}

std::optional<std::string> QueryParams::choice(std::string_view name,
                                               std::span<const std::string_view> choices) const {
  const std::string* value = find(name);
  if (!value) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    throw HttpError(400, "query parameter '" + std::string(name) + "' must be one of the allowed values",
                    {{"parameter", std::string(name)}, {"value", *value}, {"allowed", names(choices)}});
  }
  return *value;
}

}  // namespace litmus::server
