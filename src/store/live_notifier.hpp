#pragma once
// Wake-up datagrams from store writers to `litmus serve`, so the server
// learns of new events within milliseconds without polling the disk.
// The socket is <data_dir>/live.sock (AF_UNIX, SOCK_DGRAM). Sending never
// blocks and never fails the caller: without a listener it does nothing.

#include <chrono>
#include <filesystem>

namespace litmus::store {

class LiveNotifier {
 public:
  explicit LiveNotifier(const std::filesystem::path& data_dir);
  ~LiveNotifier();
  LiveNotifier(const LiveNotifier&) = delete;
  LiveNotifier& operator=(const LiveNotifier&) = delete;
  void notify();

 private:
  int fd_ = -1;
  std::filesystem::path socket_path_;
};

class LiveListener {
 public:
  // Binds <data_dir>/live.sock (replacing a stale one).
  explicit LiveListener(const std::filesystem::path& data_dir);
  ~LiveListener();
  LiveListener(const LiveListener&) = delete;
  LiveListener& operator=(const LiveListener&) = delete;
  // Waits up to `timeout` for a datagram; drains all pending ones. Returns
  // true when at least one arrived.
  bool wait(std::chrono::milliseconds timeout);
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  std::filesystem::path socket_path_;
};

}  // namespace litmus::store
