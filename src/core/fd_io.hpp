#pragma once
// Whole reads and writes on a file descriptor. read(2), pread(2) and
// write(2) may do part of the work, or none when a signal arrives first;
// these loop until everything is done, the file ends, or a real error.
// They report errors as errno values and leave the wording to the caller,
// who knows which file it was and what it was for.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace litmus::fd_io {

// Writes all of `bytes` at the descriptor's position. 0 once done, else the
// errno of the write that failed (EIO for one that wrote nothing).
int write_all(int fd, std::string_view bytes);

struct ReadResult {
  std::size_t bytes = 0;  // read into the buffer; fewer than asked only at the file's end or on error
  int error = 0;          // 0, or the errno of the read that failed
};

// Reads `size` bytes into `out` from the descriptor's position.
ReadResult read_full(int fd, char* out, std::size_t size);

// Reads `size` bytes into `out` from `offset`, leaving the position alone.
ReadResult pread_full(int fd, char* out, std::size_t size, std::uint64_t offset);

}  // namespace litmus::fd_io
