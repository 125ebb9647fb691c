#pragma once
// Typed, never-throwing reads of event payload members. Payloads come from
// any process (and any version of it): a missing key or a member of the
// wrong type reads as "absent" so a malformed event still gets stored and
// projects what it can.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace litmus::store::fields {

using nlohmann::json;

// Payload text as a JSON object; null for anything else (a corrupt or
// foreign payload is stored raw but projects nothing of its own).
inline json parse_object(const std::string& text) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return value.is_object() ? value : json();
}

// Whether `text` is one JSON object (and nothing after it), checked
// without building it.
inline bool is_json_object_text(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{' && json::accept(text);
}

// `object[key]` when `object` is an object holding it; nullptr otherwise.
inline const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it != object.end() ? &*it : nullptr;
}

inline std::string string_field(const json& object, const char* key) {
  const json* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

inline std::optional<std::int64_t> optional_int(const json& object, const char* key) {
  const json* value = member(object, key);
  if (!value || !value->is_number_integer()) return std::nullopt;
  // An unsigned above INT64_MAX is not a value any Litmus field can hold.
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

inline std::int64_t int_field(const json& object, const char* key) { return optional_int(object, key).value_or(0); }

inline std::optional<bool> optional_bool(const json& object, const char* key) {
  const json* value = member(object, key);
  return value && value->is_boolean() ? std::optional<bool>(value->get<bool>()) : std::nullopt;
}

inline bool bool_field(const json& object, const char* key) { return optional_bool(object, key).value_or(false); }

inline std::optional<double> optional_number(const json& object, const char* key) {
  const json* value = member(object, key);
  return value && value->is_number() ? std::optional<double>(value->get<double>()) : std::nullopt;
}

inline double number_field(const json& object, const char* key, double fallback) {
  return optional_number(object, key).value_or(fallback);
}

// The member re-serialised as JSON text when it has the wanted kind
// (object or array), for the projections' JSON text columns.
inline std::optional<std::string> object_text(const json& object, const char* key) {
  const json* value = member(object, key);
  return value && value->is_object() ? std::optional<std::string>(value->dump()) : std::nullopt;
}

inline std::optional<std::string> array_text(const json& object, const char* key) {
  const json* value = member(object, key);
  return value && value->is_array() ? std::optional<std::string>(value->dump()) : std::nullopt;
}

// JSON null for an unset optional (the JSON API's spelling of SQL NULL).
template <class T>
json value_or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

inline json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// Stored JSON text parsed back; null for "", and the raw text itself when
// it does not parse (shown, never a failure).
inline json parse_stored(const std::string& text) {
  if (text.empty()) return nullptr;
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return value.is_discarded() ? json(text) : value;
}

}  // namespace litmus::store::fields
