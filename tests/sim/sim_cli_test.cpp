// `litmus sim` as a user runs it: the resource lines it prints, an
// instrument answering on one, and a clean exit on SIGTERM.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <sstream>

#include "scpi_socket.hpp"
#include "support/process.hpp"

namespace litmus::sim {
namespace {

using namespace std::chrono_literals;

// Reads the child's stdout until it printed `lines` lines (or 30 s pass).
std::vector<std::string> read_lines(litmus::testing::Process& process, std::size_t lines) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) < lines &&
         std::chrono::steady_clock::now() < deadline) {
    text += process.read_some(500ms);
  }
  std::vector<std::string> out;
  std::stringstream stream(text);
  for (std::string line; std::getline(stream, line);) out.push_back(line);
  return out;
}

const std::regex kLine(R"((\w+) +TCPIP::127\.0\.0\.1::(\d+)::SOCKET  \((.+)\))");

TEST(SimCli, ServesTheChosenInstrumentUntilSigterm) {
  litmus::testing::Process process({LITMUS_CLI_PATH, "sim", "--dmm", "0", "--seed", "3"});
  const auto lines = read_lines(process, 1);
  ASSERT_EQ(lines.size(), 1u);
  std::smatch match;
  ASSERT_TRUE(std::regex_match(lines[0], match, kLine)) << lines[0];
  EXPECT_EQ(match[1], "dmm");
  EXPECT_EQ(match[3], "Keysight Technologies 34461A");
  testing::ScpiSocket dmm(static_cast<std::uint16_t>(std::stoi(match[2])));
  EXPECT_EQ(dmm.query("*IDN?").substr(0, 28), "Keysight Technologies,34461A");
  process.kill(SIGTERM);
  EXPECT_EQ(process.wait(), 0);
}

TEST(SimCli, ServesTheDefaultBenchUntilSigint) {
  litmus::testing::Process process({LITMUS_CLI_PATH, "sim"});
  const auto lines = read_lines(process, 4);
  ASSERT_EQ(lines.size(), 4u);
  std::vector<std::string> names;
  for (const auto& line : lines) {
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, kLine)) << line;
    names.push_back(match[1]);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"dmm", "psu", "scope", "eload"}));
  process.kill(SIGINT);
  EXPECT_EQ(process.wait(), 0);
}

}  // namespace
}  // namespace litmus::sim
