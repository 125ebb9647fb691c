#include "server/request_target.hpp"

#include <optional>

namespace litmus::server {
namespace {

std::optional<int> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

// `plus_is_space`: in a query string (form encoding) '+' stands for a space;
// in a path it is a literal '+'.
std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      const auto hi = i + 1 < text.size() ? hex_digit(text[i + 1]) : std::nullopt;
      const auto lo = i + 2 < text.size() ? hex_digit(text[i + 2]) : std::nullopt;
      if (!hi || !lo) {
        throw HttpError(400, "malformed percent-encoding in the request URL", std::string(text));
      }
      out += static_cast<char>(*hi * 16 + *lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Request make_request(std::string method, std::string_view target, std::map<std::string, std::string> headers) {
  Request request;
  request.method = std::move(method);
  request.headers = std::move(headers);
  const auto question = target.find('?');
  request.path = percent_decode(target.substr(0, question), false);
  if (question == std::string_view::npos) return request;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2" and a trailing '&' carry nothing
    const auto eq = pair.find('=');
    std::string name = percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
    request.query.emplace_back(std::move(name), std::move(value));
  }
  return request;
}

}  // namespace litmus::server
