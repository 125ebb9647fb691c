#include "core/environment.hpp"

#include <unistd.h>

#include <cstdlib>

#include "litmus/error.hpp"

namespace litmus {

std::string host_name() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof(buffer) - 1) != 0) return "unknown";
  return buffer;
}

std::optional<std::string> env_value(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::string default_operator() {
  if (auto value = env_value("LITMUS_OPERATOR")) return *value;
  if (auto value = env_value("USER")) return *value;
  if (const char* login = ::getlogin()) return login;
  return "unknown";
}

std::optional<bool> env_flag(const char* name) {
  auto value = env_value(name);
  if (!value) return std::nullopt;
  const std::string& v = *value;
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  throw Error(std::string(name) + "='" + v + "' is not a boolean; use 1 or 0");
}

}  // namespace litmus
