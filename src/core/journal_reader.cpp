#include "core/journal_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/crc32c.hpp"
#include "core/fd_io.hpp"
#include "litmus/error.hpp"

namespace litmus {

namespace {
constexpr std::size_t kReadChunk = 1 << 20;

std::uint32_t get_u32(const char* p) {
  std::uint32_t value;
  std::memcpy(&value, p, 4);
  return value;
}
}  // namespace

JournalReader::JournalReader(const std::filesystem::path& path, std::uint64_t start) : path_(path), pos_(start) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw JournalError("journal " + path.string() + ": cannot open: " + std::strerror(errno));
}

JournalReader::~JournalReader() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t JournalReader::file_size() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw JournalError("journal " + path_.string() + ": cannot stat: " + std::strerror(errno));
  return static_cast<std::uint64_t>(st.st_size);
}

bool JournalReader::fetch(std::uint64_t offset, std::size_t size, std::uint64_t limit, std::string_view& out) {
  if (offset + size > limit) return false;
  const std::uint64_t window_end = window_start_ + window_.size();
  if (offset < window_start_ || offset + size > window_end) {
    // Refill from `offset`, reading ahead so sequential records are cheap.
    const std::uint64_t want_end = std::min<std::uint64_t>(limit, offset + std::max(size, kReadChunk));
    window_.resize(want_end - offset);
    const fd_io::ReadResult read = fd_io::pread_full(fd_, window_.data(), window_.size(), offset);
    if (read.error != 0) throw JournalError("journal " + path_.string() + ": read failed: " + std::strerror(read.error));
    // Short when the file is shorter than `limit` said.
    const std::size_t got = read.bytes;
    window_.resize(got);
    window_start_ = offset;
    if (got < size) return false;
  }
  out = std::string_view(window_.data() + (offset - window_start_), size);
  return true;
}

bool JournalReader::record_at(std::uint64_t offset, std::uint64_t limit, Record& out) {
  std::string_view header;
  if (!fetch(offset, journal::kHeaderSize, limit, header)) return false;
  const std::uint32_t length = get_u32(header.data() + 4);
  const auto kind = static_cast<std::uint8_t>(header[8]);
  if (!journal::is_known_kind(kind) || length > journal::kMaxRecordBody) return false;
  const std::uint32_t stored_crc = crc32c::unmask(get_u32(header.data()));
  std::string_view record;
  if (!fetch(offset, journal::kHeaderSize + length, limit, record)) return false;
  if (crc32c::value(record.data() + 4, record.size() - 4) != stored_crc) return false;
  out.kind = static_cast<journal::RecordKind>(kind);
  out.body = record.substr(journal::kHeaderSize);
  out.offset = offset;
  out.end = offset + record.size();
  return true;
}

bool JournalReader::next(Record& out, std::uint64_t limit) {
  if (record_at(pos_, limit, out)) {
    pos_ = out.end;
    return true;
  }
  // Bad or incomplete record at pos_: look for the next good one, no
  // further than the file goes (a caller may pass "no limit").
  limit = std::min(limit, file_size());
  for (std::uint64_t candidate = pos_ + 1; candidate + journal::kHeaderSize <= limit; ++candidate) {
    if (record_at(candidate, limit, out)) {
      corruptions_.push_back({pos_, candidate - pos_});
      pos_ = out.end;
      return true;
    }
  }
  return false;  // nothing valid before `limit`: a torn (or still growing) tail
}

bool JournalReader::next(Record& out) { return next(out, file_size()); }

}  // namespace litmus
