#include "core/data_dir.hpp"

#include <cstdlib>
#include <system_error>

#include "litmus/error.hpp"

namespace litmus {

std::filesystem::path resolve_data_dir(const std::filesystem::path& explicit_dir) {
  if (!explicit_dir.empty()) return std::filesystem::absolute(explicit_dir);
  if (const char* home = std::getenv("LITMUS_HOME"); home && *home) return std::filesystem::absolute(home);
  const char* user_home = std::getenv("HOME");
  if (!user_home || !*user_home) {
    throw Error("cannot choose a data dir: neither --data-dir, LITMUS_HOME nor HOME is set");
  }
  return std::filesystem::path(user_home) / ".local" / "share" / "litmus";
}

std::filesystem::path journal_dir(const std::filesystem::path& data_dir) { return data_dir / "journal"; }
std::filesystem::path store_path(const std::filesystem::path& data_dir) { return data_dir / "litmus.db"; }
std::filesystem::path live_socket_path(const std::filesystem::path& data_dir) { return data_dir / "live.sock"; }

void ensure_data_dir(const std::filesystem::path& data_dir) {
  std::error_code error;
  std::filesystem::create_directories(journal_dir(data_dir), error);
  if (error) throw Error("cannot create data dir " + data_dir.string() + ": " + error.message());
}

}  // namespace litmus
