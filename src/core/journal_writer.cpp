#include "core/journal_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/clock.hpp"
#include "core/crc32c.hpp"
#include "core/event_codec.hpp"
#include "core/fd_io.hpp"
#include "core/file_lock.hpp"
#include "litmus/error.hpp"

namespace litmus {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int error) {
  throw JournalError("journal " + path.string() + ": " + std::string(what) + ": " + std::strerror(error));
}

void sync_directory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void put_u32(char* dest, std::uint32_t value) { std::memcpy(dest, &value, 4); }

}  // namespace

JournalWriter::JournalWriter(std::filesystem::path path, int fd, std::uint64_t size)
    : path_(std::move(path)), fd_(fd), size_(size) {}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::unique_ptr<JournalWriter> JournalWriter::create(const std::filesystem::path& path, const std::string& session_id) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create", errno);
  if (!try_lock_exclusive(fd)) {
    int error = errno;
    ::close(fd);
    fail(path, "cannot lock", error);
  }
  std::unique_ptr<JournalWriter> writer(new JournalWriter(path, fd, 0));
  std::string body;
  codec::encode_header({session_id, now_ns()}, body);
  writer->append_body(journal::RecordKind::header, body);
  writer->sync();
  sync_directory(path.parent_path());
  return writer;
}

std::unique_ptr<JournalWriter> JournalWriter::reopen(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open", errno);
  if (!try_lock_exclusive(fd)) {
    ::close(fd);
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    fail(path, "cannot stat", error);
  }
  return std::unique_ptr<JournalWriter>(new JournalWriter(path, fd, static_cast<std::uint64_t>(st.st_size)));
}

void JournalWriter::cut_tail(std::uint64_t offset) {
  if (offset >= size_) return;
  std::string tail(size_ - offset, '\0');
  const fd_io::ReadResult read = fd_io::pread_full(fd_, tail.data(), tail.size(), offset);
  if (read.bytes < tail.size()) fail(path_, "cannot read the tail to save it", read.error != 0 ? read.error : EIO);
  const auto saved = std::filesystem::path(path_.string() + ".torn-" + std::to_string(offset));
  int out = ::open(saved.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) fail(saved, "cannot create", errno);
  int error = fd_io::write_all(out, tail);
  if (error == 0 && ::fsync(out) != 0) error = errno;
  ::close(out);
  if (error != 0) fail(saved, "cannot write", error);
  if (::ftruncate(fd_, static_cast<off_t>(offset)) != 0) fail(path_, "cannot cut the torn tail", errno);
  size_ = offset;
}

std::uint64_t JournalWriter::append(journal::RecordKind kind, std::string& record) {
  const std::size_t body_size = record.size() - journal::kHeaderSize;
  if (body_size > journal::kMaxRecordBody) {
    throw JournalError("journal " + path_.string() + ": record of " + std::to_string(body_size) +
                       " bytes exceeds the maximum of " + std::to_string(journal::kMaxRecordBody));
  }
  char* header = record.data();
  put_u32(header + 4, static_cast<std::uint32_t>(body_size));
  header[8] = static_cast<char>(kind);
  const std::uint32_t crc = crc32c::value(header + 4, record.size() - 4);
  put_u32(header, crc32c::mask(crc));

  if (const int error = fd_io::write_all(fd_, record); error != 0) {
    // A partial record in the middle would read as corruption once later
    // records follow it: cut the file back to the last record boundary.
    if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
      // Nothing more to do: the reader will report and skip it.
    }
    fail(path_, "write failed", error);
  }
  size_ += record.size();
  return size_;
}

std::uint64_t JournalWriter::append_body(journal::RecordKind kind, std::string_view body) {
  std::string record(journal::kHeaderSize, '\0');
  record.append(body);
  return append(kind, record);
}

void JournalWriter::sync() {
  while (::fdatasync(fd_) != 0) {
    if (errno != EINTR) fail(path_, "fsync failed", errno);
  }
}

}  // namespace litmus
