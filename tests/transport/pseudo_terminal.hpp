#pragma once
// A pseudo-terminal pair standing in for a serial (or tty-like) instrument:
// the transport under test opens slave_path(); the test plays the
// instrument on the master side.

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace litmus::testing {

class PseudoTerminal {
 public:
  PseudoTerminal() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    char name[128];
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0 ||
        ::ptsname_r(master_, name, sizeof(name)) != 0) {
      throw std::runtime_error("cannot create a pseudo-terminal");
    }
    slave_path_ = name;
    // Raw from the start, so a transport that does not configure the line
    // (the USBTMC stream fallback) sees no echo or newline translation.
    termios tio{};
    ::tcgetattr(master_, &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(master_, TCSANOW, &tio);
  }
  ~PseudoTerminal() { close_master(); }
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;

  const std::string& slave_path() const { return slave_path_; }
  int master() const { return master_; }

  // One line the transport sent, '\n' stripped; throws after `timeout`.
  std::string read_line(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      if (const auto end = input_.find('\n'); end != std::string::npos) {
        std::string line = input_.substr(0, end);
        input_.erase(0, end + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      pollfd entry{master_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&entry, 1, static_cast<int>(left.count())) <= 0) {
        throw std::runtime_error("pseudo-terminal: no line within the timeout (have '" + input_ + "')");
      }
      char buffer[256];
      const ssize_t n = ::read(master_, buffer, sizeof(buffer));
      if (n <= 0) throw std::runtime_error("pseudo-terminal: the slave side is closed");
      input_.append(buffer, static_cast<std::size_t>(n));
    }
  }

  void write(const std::string& bytes) {
    if (::write(master_, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
      throw std::runtime_error("pseudo-terminal: short write");
    }
  }

  // The instrument goes away: the slave side sees a hang-up.
  void close_master() {
    if (master_ >= 0) ::close(master_);
    master_ = -1;
  }

 private:
  int master_ = -1;
  std::string slave_path_;
  std::string input_;
};

}  // namespace litmus::testing
