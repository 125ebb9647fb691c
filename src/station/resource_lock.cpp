#include "station/resource_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "core/file_lock.hpp"
#include "litmus/error.hpp"

namespace litmus {

namespace {

// How long to sleep between attempts while waiting for a busy resource:
// short enough that a released lock is picked up promptly, long enough not
// to spin.
constexpr std::chrono::milliseconds kRetryInterval{50};

// VISA resource names are case-insensitive in their keywords and board
// numbers default to 0, so "TCPIP0::10.0.0.5::5025::SOCKET" and
// "tcpip::10.0.0.5::5025::socket" are one instrument. Serial device paths
// are case-sensitive, so only the text outside a path is folded.
std::string canonical_resource(std::string_view resource) {
  std::string out;
  out.reserve(resource.size());
  bool in_path = false;
  for (std::size_t i = 0; i < resource.size(); ++i) {
    const char c = resource[i];
    if (c == '/') in_path = true;
    if (in_path && c == ':' && resource.substr(i, 2) == "::") in_path = false;
    out.push_back(in_path ? c : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  for (const char* interface : {"TCPIP", "USB", "GPIB"}) {
    const std::string prefix = std::string(interface) + "0::";
    if (out.rfind(prefix, 0) == 0) out.erase(std::strlen(interface), 1);
  }
  return out;
}

std::string file_name_for(const std::string& canonical) {
  std::string name;
  for (const char c : canonical) {
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_');
  }
  // Different resources can fold to one readable name ("a::b" and "a_b"):
  // the hash of the canonical text keeps their files apart.
  std::ostringstream hashed;
  hashed << name << '-' << std::hex << std::hash<std::string>{}(canonical) << ".lock";
  return hashed.str();
}

std::string holder_of(int fd) {
  char buffer[256] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  std::string text = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "another process" : text;
}

void write_holder(int fd) {
  std::string program;
  std::ifstream comm("/proc/self/comm");
  std::getline(comm, program);
  const std::string text = "pid " + std::to_string(::getpid()) + (program.empty() ? "" : " (" + program + ")") + "\n";
  if (::ftruncate(fd, 0) != 0) return;  // the holder text is informative only
  [[maybe_unused]] const ssize_t written = ::pwrite(fd, text.data(), text.size(), 0);
}

}  // namespace

std::filesystem::path ResourceLock::directory() {
  if (const char* dir = std::getenv("LITMUS_LOCK_DIR"); dir && *dir) return dir;
  return "/tmp/litmus-locks";
}

std::filesystem::path ResourceLock::file_for(std::string_view resource) {
  return directory() / file_name_for(canonical_resource(resource));
}

ResourceLock ResourceLock::acquire(std::string_view resource, std::chrono::milliseconds wait) {
  const auto dir = directory();
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    std::filesystem::create_directories(dir, error);
    // Every user of the bench machine shares the directory; the sticky bit
    // stops one from deleting another's lock file.
    if (!error) ::chmod(dir.c_str(), 01777);
  }
  const auto file = file_for(resource);
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw InstrumentError(std::string(resource) + ": cannot create the lock file " + file.string() + ": " +
                          std::strerror(errno) + " (set LITMUS_LOCK_DIR to a writable directory)");
  }
  ::fchmod(fd, 0666);  // another user's process must be able to open it too
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (!try_lock_exclusive(fd)) {
    if (std::chrono::steady_clock::now() >= deadline) {
      const std::string holder = holder_of(fd);
      ::close(fd);
      std::string message = std::string(resource) + ": resource in use by " + holder;
      message += wait.count() > 0 ? " (waited " + std::to_string(wait.count()) + " ms)"
                                  : "; wait for it with --instrument-timeout SECONDS";
      throw InstrumentError(message);
    }
    std::this_thread::sleep_for(kRetryInterval);
  }
  write_holder(fd);
  return ResourceLock(fd, file);
}

ResourceLock::ResourceLock(ResourceLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), file_(std::move(other.file_)) {}

ResourceLock& ResourceLock::operator=(ResourceLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    file_ = std::move(other.file_);
  }
  return *this;
}

ResourceLock::~ResourceLock() {
  // Closing the descriptor releases the flock. The file stays: removing it
  // would race with a process that has it open and is about to lock it.
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace litmus
