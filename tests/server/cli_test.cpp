// The `litmus` binary as a user runs it: exit codes (0 ok, 1 error, 2
// usage), one-line errors, and a clean stop of `serve` on SIGTERM.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::filesystem::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  return text.str();
}

// Runs `litmus <args>` through the shell (args are trusted test literals).
Run litmus(const std::string& args, const std::string& prefix = {}) {
  const TempDir io;
  const std::string command = prefix + " " LITMUS_CLI_PATH " " + args + " >" + (io / "out").string() + " 2>" +
                              (io / "err").string() + " </dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(io / "out"), slurp(io / "err")};
}

TEST(Cli, Version) {
  const auto run = litmus("version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.out.starts_with("litmus ")) << run.out;
}

TEST(Cli, UsageErrorsExitWith2) {
  EXPECT_EQ(litmus("").exit_code, 2);
  EXPECT_EQ(litmus("frobnicate").exit_code, 2);
  EXPECT_EQ(litmus("serve --port 70000").exit_code, 2);
  EXPECT_EQ(litmus("serve --port eighty").exit_code, 2);
  EXPECT_EQ(litmus("recover --unknown").exit_code, 2);
  EXPECT_EQ(litmus("--help").exit_code, 0);
}

TEST(Cli, RecoverReportsOnAnEmptyDataDir) {
  const TempDir data;
  const auto run = litmus("recover --data-dir " + data.path().string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("journals scanned:   0"), std::string::npos) << run.out;
}

TEST(Cli, ServeOnATakenPortFailsWithOneLine) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  const TempDir data;
  const auto run = litmus("serve --port " + std::to_string(ntohs(address.sin_port)) + " --data-dir " +
                          data.path().string() + " --project " + data.path().string());
  ::close(fd);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("cannot listen on 127.0.0.1:"), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST(Cli, ServeRejectsAMissingProjectDirectory) {
  const TempDir data;
  const auto run = litmus("serve --port 0 --project " + (data / "nope").string() + " --data-dir " +
                          data.path().string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
}

TEST(Cli, ServeStopsCleanlyOnSigterm) {
  const TempDir data;
  const auto run = litmus("serve --port 0 --data-dir " + data.path().string() + " --project " + data.path().string(),
                          "timeout --preserve-status -s TERM 2");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("litmus serve: http://127.0.0.1:")) << run.out;
}

}  // namespace
}  // namespace litmus::testing
