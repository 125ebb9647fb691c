#pragma once
// One process at a time per instrument resource (SPEC A5): two test
// programs talking to the same supply would interleave commands and each
// record the other's settings as its own.
//
// The lock is flock() on a file named after the resource in the lock
// directory ($LITMUS_LOCK_DIR, else /tmp/litmus-locks, shared by every
// user of the machine). The kernel releases it when the process dies, so a
// SIGKILLed run never leaves a resource locked. The file holds the holder's
// pid and program name, only to say who holds it.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace litmus {

class ResourceLock {
 public:
  // Takes the lock on `resource`, waiting up to `wait` (zero: not at all).
  // Throws InstrumentError "resource R is in use by pid N (program)" when
  // another process still holds it after `wait`, or naming the lock file
  // when it cannot be created.
  static ResourceLock acquire(std::string_view resource, std::chrono::milliseconds wait);

  ResourceLock(ResourceLock&& other) noexcept;
  ResourceLock& operator=(ResourceLock&& other) noexcept;
  ResourceLock(const ResourceLock&) = delete;
  ResourceLock& operator=(const ResourceLock&) = delete;
  ~ResourceLock();

  const std::filesystem::path& file() const { return file_; }

  // The lock directory in use.
  static std::filesystem::path directory();
  // The lock file of `resource`: aliases of one resource ("TCPIP0::h::5025
  // ::SOCKET", "tcpip::h::5025::socket") share one file.
  static std::filesystem::path file_for(std::string_view resource);

 private:
  ResourceLock(int fd, std::filesystem::path file) : fd_(fd), file_(std::move(file)) {}
  int fd_ = -1;  // holds the flock; -1 once moved from
  std::filesystem::path file_;
};

}  // namespace litmus
