// OutputCapture in-process: fds 1 and 2 point at files for each test, so
// what passes through to "the terminal" can be read back next to what the
// sink was given.
#include "gtest/output_capture.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

#include "support/temp_dir.hpp"

namespace litmus::gtest_runner {
namespace {

class OutputCaptureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::fflush(nullptr);
    saved_[0] = ::dup(1);
    saved_[1] = ::dup(2);
    for (int i = 0; i < 2; ++i) {
      const int fd = ::open(file(i).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ASSERT_GE(fd, 0);
      ::dup2(fd, i + 1);
      ::close(fd);
    }
  }
  void TearDown() override {
    std::fflush(nullptr);
    for (int i = 0; i < 2; ++i) {
      ::dup2(saved_[i], i + 1);
      ::close(saved_[i]);
    }
  }

  std::string file(int i) const { return (dir_ / (i == 0 ? "stdout" : "stderr")).string(); }
  std::string terminal(int i) const {
    std::stringstream text;
    text << std::ifstream(file(i)).rdbuf();
    return text.str();
  }
  OutputCapture::Sink sink() {
    return [this](const OutputChunk& chunk) {
      std::lock_guard lock(mutex_);
      chunks_.push_back(chunk);
    };
  }
  // Every chunk of `stream` joined back into lines.
  std::string recorded(const std::string& stream) {
    std::lock_guard lock(mutex_);
    std::string text;
    for (const auto& chunk : chunks_) {
      if (chunk.stream == stream && !chunk.truncated) text += (text.empty() ? "" : "\n") + chunk.text;
    }
    return text;
  }

  static void say(int fd, const std::string& text) { ASSERT_EQ(::write(fd, text.data(), text.size()), ssize_t(text.size())); }

  testing::TempDir dir_;
  int saved_[2] = {-1, -1};
  std::mutex mutex_;
  std::vector<OutputChunk> chunks_;
};

TEST_F(OutputCaptureTest, LinesReachTheSinkAndStillTheTerminal) {
  OutputCapture capture(sink());
  say(1, "first\nsecond\r\n");
  say(2, "an error\n");
  std::printf("no newline at the end");  // in stdio's buffer until stop() flushes it
  capture.stop();
  EXPECT_EQ(recorded("stdout"), "first\nsecond\nno newline at the end");
  EXPECT_EQ(recorded("stderr"), "an error");
  EXPECT_EQ(terminal(0), "first\nsecond\r\nno newline at the end");  // byte for byte
  EXPECT_EQ(terminal(1), "an error\n");
}

TEST_F(OutputCaptureTest, ManyLinesGoOutInFewChunks) {
  OutputCapture capture(sink(), {.batch_delay = std::chrono::milliseconds(10'000)});
  for (int i = 0; i < 1000; ++i) say(1, "line " + std::to_string(i) + "\n");
  capture.stop();
  std::lock_guard lock(mutex_);
  // 16 KiB batches: ~9 bytes a line makes 1 chunk, not 1000 events.
  EXPECT_LE(chunks_.size(), 2u);
  ASSERT_FALSE(chunks_.empty());
  EXPECT_EQ(chunks_.front().text.substr(0, 14), "line 0\nline 1\n");
}

TEST_F(OutputCaptureTest, LongLineIsCutInTheEventButNotOnTheTerminal) {
  OutputCapture capture(sink(), {.max_line_bytes = 8});
  say(1, "0123456789abcdef\nshort\n");
  capture.stop();
  EXPECT_EQ(recorded("stdout"), "01234567 [line cut at 8 bytes]\nshort");
  EXPECT_EQ(terminal(0), "0123456789abcdef\nshort\n");
}

TEST_F(OutputCaptureTest, CapEndsTheRecordingWithOneTruncatedChunk) {
  OutputCapture capture(sink(), {.max_bytes = 12});
  say(1, "12345\n67890\nbeyond the cap\nmore\n");
  capture.stop();
  std::lock_guard lock(mutex_);
  ASSERT_EQ(chunks_.size(), 2u);
  EXPECT_EQ(chunks_[0].text, "12345\n67890");
  EXPECT_TRUE(chunks_[1].truncated);
  EXPECT_EQ(chunks_[1].text, "");
  EXPECT_EQ(terminal(0), "12345\n67890\nbeyond the cap\nmore\n");
}

TEST_F(OutputCaptureTest, SinkThatThrowsStopsTheRecordingNotTheProgram) {
  int calls = 0;
  OutputCapture capture(
      [&calls](const OutputChunk&) {
        ++calls;
        throw std::runtime_error("journal full");
      },
      {.batch_delay = std::chrono::milliseconds(0)});
  say(1, "one\n");
  say(1, "two\n");
  capture.stop();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(terminal(0), "one\ntwo\n");
}

TEST_F(OutputCaptureTest, ChildStillHoldingThePipeDoesNotHoldUpStop) {
  OutputCapture capture(sink());
  const pid_t child = ::fork();
  if (child == 0) {
    [[maybe_unused]] const auto written = ::write(1, "from the child\n", 15);
    ::pause();  // keeps its copy of fd 1, the pipe, open
    ::_exit(0);
  }
  ASSERT_GT(child, 0);
  for (int i = 0; i < 200 && terminal(0).empty(); ++i) ::usleep(10'000);
  capture.stop();  // returns although the pipe never reaches end of file
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_EQ(recorded("stdout"), "from the child");
  say(1, "after stop\n");  // fd 1 is the terminal again
  EXPECT_EQ(terminal(0), "from the child\nafter stop\n");
}

}  // namespace
}  // namespace litmus::gtest_runner
