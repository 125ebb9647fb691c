#pragma once
// Writing JSON text directly, for hot paths that would otherwise build a
// nlohmann::json object only to dump it (EventLog::emit_json takes the
// text). Always valid JSON: strings escaped (quotes, backslash, control
// characters) and each maximal invalid UTF-8 subpart replaced by one
// U+FFFD, byte for byte as nlohmann::json::dump() with
// error_handler_t::replace writes them; doubles in the shortest form that
// reads back to the same bits (std::to_chars; dump() may choose another
// form of the same number, 70000000.0 for 7e+07); NaN and
// infinities as null.
//
//   std::string text;
//   json_text::Object payload(text);
//   payload.string("name", "v_rail");
//   payload.number("value", 3.3);
//   payload.close();  // text == R"({"name":"v_rail","value":3.3})"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace litmus::json_text {

// `text` as a JSON string literal, quotes included.
void append_string(std::string& out, std::string_view text);

// The same bytes as append_string; from `split_from` bytes up the second
// half is escaped by a second thread (an MCP answer's text copy of a
// megabytes-long JSON answer).
inline constexpr std::size_t kSplitStringFrom = 1 << 20;
void append_long_string(std::string& out, std::string_view text, std::size_t split_from = kSplitStringFrom);

// `value` in the shortest form that round-trips ("3.3", "1e+20"), with
// ".0" added to an integral one ("1.0") so it reads back as a floating
// point number; null when NaN or infinite.
void append_number(std::string& out, double value);

void append_integer(std::string& out, std::int64_t value);
void append_unsigned(std::string& out, std::uint64_t value);

// One JSON object appended to a string: '{' on construction, '}' on
// close(). Members are written in call order; a caller wanting the key
// order of nlohmann::json::dump() writes them sorted.
class Object {
 public:
  explicit Object(std::string& out);

  void string(std::string_view key, std::string_view value);
  void number(std::string_view key, double value);
  void integer(std::string_view key, std::int64_t value);
  void unsigned_integer(std::string_view key, std::uint64_t value);
  void boolean(std::string_view key, bool value);
  void null(std::string_view key);
  // `json` must already be valid JSON text (a stored JSON column); it is
  // written as it is.
  void raw(std::string_view key, std::string_view json);
  // A nested object: the returned Object writes into the same text and
  // must be closed before this one is written to again.
  Object object(std::string_view key);
  void close();

 private:
  void key(std::string_view name);

  std::string& out_;
  bool first_ = true;
};

}  // namespace litmus::json_text
