#include "core/fd_io.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <cerrno>

namespace litmus::fd_io {
namespace {

// The one loop behind both reads: `read_at(buffer, count, done)` is one
// system call for the part not yet read.
template <typename ReadOnce>
ReadResult read_loop(char* out, std::size_t size, ReadOnce read_at) {
  ReadResult result;
  while (result.bytes < size) {
    const ssize_t n = read_at(out + result.bytes, size - result.bytes, result.bytes);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.error = errno;
      break;
    }
    if (n == 0) break;  // the file's end
    result.bytes += static_cast<std::size_t>(n);
  }
  return result;
}

}  // namespace

int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

ReadResult read_full(int fd, char* out, std::size_t size) {
  return read_loop(out, size, [fd](char* at, std::size_t count, std::size_t) { return ::read(fd, at, count); });
}

ReadResult pread_full(int fd, char* out, std::size_t size, std::uint64_t offset) {
  return read_loop(out, size, [fd, offset](char* at, std::size_t count, std::size_t done) {
    return ::pread(fd, at, count, static_cast<off_t>(offset + done));
  });
}

}  // namespace litmus::fd_io
