#pragma once
// Starts `litmus serve --port 0 --data-dir D` as a child process (cwd: a
// scratch directory, output to <cwd>/serve.out), learns the port from its
// banner line ("litmus serve: http://127.0.0.1:P/ ..."),
// and stops it (SIGTERM, then SIGKILL) when destroyed.

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace litmus::bench {

class ServeProcess {
 public:
  ServeProcess(const std::filesystem::path& litmus_binary, const std::filesystem::path& data_dir,
               const std::filesystem::path& cwd) {
    if (!std::filesystem::exists(litmus_binary)) {
      throw std::runtime_error("litmus binary " + litmus_binary.string() + " not found (build litmus_cli first)");
    }
    // stdout goes to a file, so a chatty server can never block on a full pipe.
    const std::filesystem::path log = cwd / "serve.out";
    // Absolute paths, resolved before the child changes directory.
    const std::string bin = std::filesystem::absolute(litmus_binary).string();
    const std::string dir = std::filesystem::absolute(data_dir).string();
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
      ::close(fd);
      ::execl(bin.c_str(), bin.c_str(), "serve", "--port", "0", "--data-dir", dir.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for the banner line (10 s at most).
    std::string line;
    std::string::size_type at = std::string::npos;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
      std::ifstream in(log);
      std::getline(in, line);
      at = line.find("127.0.0.1:");
      if (at != std::string::npos && !in.eof()) break;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("litmus serve exited before listening: " + line);
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        throw std::runtime_error("litmus serve printed no banner within 10 s: " + line);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    port_ = std::stoi(line.substr(at + 10));
  }

  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      for (int i = 0; i < 50; ++i) {
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
          pid_ = -1;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
      }
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  pid_t pid() const { return pid_; }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// A blocking TCP connection to 127.0.0.1:port, TCP_NODELAY set.
inline int connect_local(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

}  // namespace litmus::bench
