#include "store/array_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/crc32c.hpp"
#include "core/fd_io.hpp"
#include "core/uuid.hpp"
#include "litmus/error.hpp"

namespace litmus::store {

namespace {

constexpr std::string_view kSuffix = ".bin";

std::string system_error_text() { return std::strerror(errno); }

// Closes on every path out, so an error thrown mid-write leaks no descriptor.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // close(2) reports a failed delayed write on some file systems.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// A new directory entry is durable only once its parent is synced.
void sync_directory(const std::filesystem::path& dir) {
  FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
    throw StoreError("cannot sync the arrays directory " + dir.string() + ": " + system_error_text());
  }
}

// Names come back from the store's rows, which other tools can write: only
// "<uuid>/<digits>.bin" is opened, so a row can never point outside the
// arrays directory.
bool is_valid_name(std::string_view name) {
  const auto slash = name.find('/');
  if (slash == std::string_view::npos || !is_uuid(name.substr(0, slash))) return false;
  std::string_view file = name.substr(slash + 1);
  if (!file.ends_with(kSuffix)) return false;
  file.remove_suffix(kSuffix.size());
  if (file.empty() || file.size() > 20) return false;
  for (char c : file) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

ArrayFiles::ArrayFiles(std::filesystem::path data_dir) : dir_(std::move(data_dir) / "arrays") {}

std::optional<std::string> ArrayFiles::name_for(std::string_view session_id, std::uint64_t seq) {
  if (!is_uuid(session_id)) return std::nullopt;
  std::string name(session_id);
  name.append("/").append(std::to_string(seq)).append(kSuffix);
  return name;
}

void ArrayFiles::write(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = dir_ / name;
  const std::string session_dir = path.parent_path().string();
  if (session_dir != known_session_dir_) {
    std::error_code error;
    const bool made_arrays = std::filesystem::create_directory(dir_, error);
    if (error) throw StoreError("cannot create the arrays directory " + dir_.string() + ": " + error.message());
    if (made_arrays) sync_directory(dir_.parent_path());
    if (std::filesystem::create_directory(session_dir, error)) sync_directory(dir_);
    if (error) throw StoreError("cannot create the arrays directory " + session_dir + ": " + error.message());
    known_session_dir_ = session_dir;
  }
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw StoreError("cannot create array file " + path.string() + ": " + system_error_text());
  if (const int error = fd_io::write_all(fd.get(), bytes); error != 0) {
    throw StoreError("cannot write array file " + path.string() + ": " + std::strerror(error));
  }
  // Before the row naming it commits (see the header). On ext4 the sync of
  // a new file also commits its directory entry, which is in the same
  // journal transaction.
  if (::fdatasync(fd.get()) != 0 || !fd.close()) {
    throw StoreError("cannot sync array file " + path.string() + ": " + system_error_text());
  }
}

std::string ArrayFiles::read(const std::string& name, std::size_t expected_bytes, std::uint32_t expected_crc,
                             std::string_view what) const {
  if (!is_valid_name(name)) {
    throw StoreError(std::string(what) + ": its row names the array file '" + name +
                     "', which is not <session>/<seq>.bin");
  }
  const std::filesystem::path path = dir_ / name;
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    throw StoreError(std::string(what) + ": cannot open its array file " + path.string() + ": " + system_error_text());
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    throw StoreError(std::string(what) + ": cannot stat its array file " + path.string() + ": " + system_error_text());
  }
  if (static_cast<std::uint64_t>(st.st_size) != expected_bytes) {
    throw StoreError(std::string(what) + ": its array file " + path.string() + " holds " +
                     std::to_string(st.st_size) + " bytes, its row says " + std::to_string(expected_bytes));
  }
  std::string bytes(expected_bytes, '\0');
  if (const fd_io::ReadResult read = fd_io::read_full(fd.get(), bytes.data(), bytes.size()); read.bytes < bytes.size()) {
    throw StoreError(std::string(what) + ": cannot read its array file " + path.string() + ": " +
                     (read.error == 0 ? std::string("it ended early") : std::strerror(read.error)));
  }
  if (crc32c::value(bytes.data(), bytes.size()) != expected_crc) {
    throw StoreError(std::string(what) + ": its array file " + path.string() +
                     " is damaged (its CRC32C is not the one its row recorded)");
  }
  return bytes;
}

}  // namespace litmus::store
