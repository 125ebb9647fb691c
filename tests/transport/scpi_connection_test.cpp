#include "litmus/scpi_connection.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "loopback_responder.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;
using testing::LoopbackResponder;

std::string block(const std::string& payload) {
  const std::string length = std::to_string(payload.size());
  return "#" + std::to_string(length.size()) + length + payload + "\n";
}

// Every byte value, '\n' and '\0' among them, several times over.
std::string binary_payload(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 7 % 256);
  return bytes;
}

class ScpiConnectionTest : public ::testing::Test {
 protected:
  ScpiConnection connect(std::chrono::milliseconds timeout = 1000ms) {
    ScpiOptions options;
    options.timeout = timeout;
    return ScpiConnection(open_transport(responder.resource(), timeout), options);
  }

  template <typename Call>
  static std::string error_of(Call&& call) {
    try {
      call();
    } catch (const InstrumentError& error) {
      return error.what();
    }
    return "(no error)";
  }

  LoopbackResponder responder;
};

TEST_F(ScpiConnectionTest, QueryRoundTrip) {
  responder.on("*IDN?", LoopbackResponder::text("ACME,Meter,1,2"));
  auto io = connect();
  EXPECT_EQ(io.resource(), responder.resource());
  EXPECT_EQ(io.query("*IDN?"), "ACME,Meter,1,2");
  io.write("*RST");
  EXPECT_EQ(io.query("*IDN?"), "ACME,Meter,1,2");
  EXPECT_EQ(responder.received(), (std::vector<std::string>{"*IDN?", "*RST", "*IDN?"}));
}

TEST_F(ScpiConnectionTest, StripsCarriageReturnAndKeepsCompoundReplies) {
  responder.on("VOLT?;CURR?", LoopbackResponder::text("+1.5E+00;+2.5E-01\r"));
  auto io = connect();
  EXPECT_EQ(io.query("VOLT?;CURR?"), "+1.5E+00;+2.5E-01");
}

TEST_F(ScpiConnectionTest, TwoMessagesInOneSegmentAreTwoReads) {
  responder.on("TWO?", LoopbackResponder::raw("first\nsecond\n"));
  auto io = connect();
  EXPECT_EQ(io.query("TWO?"), "first");
  EXPECT_EQ(io.read(), "second");
}

TEST_F(ScpiConnectionTest, ReplySplitAcrossWrites) {
  responder.on("SLOW?", LoopbackResponder::trickle("hello, world\n", 2, 2ms));
  auto io = connect();
  EXPECT_EQ(io.query("SLOW?"), "hello, world");
}

TEST_F(ScpiConnectionTest, QueryNumber) {
  responder.on("MEAS?", LoopbackResponder::text("+1.23456789E+00"));
  responder.on("ZERO?", LoopbackResponder::text(" 0 "));
  auto io = connect();
  EXPECT_DOUBLE_EQ(io.query_number("MEAS?"), 1.23456789);
  EXPECT_DOUBLE_EQ(io.query_number("ZERO?"), 0.0);
}

TEST_F(ScpiConnectionTest, QueryNumberRejectsGarbageQuotingTheReply) {
  responder.on("MEAS?", LoopbackResponder::text("OVLD"));
  responder.on("UNIT?", LoopbackResponder::text("1.5V"));
  responder.on("OVER?", LoopbackResponder::text("9.9E37"));
  responder.on("EMPTY?", LoopbackResponder::text(""));
  auto io = connect();
  const std::string where = responder.resource() + ": ";
  EXPECT_EQ(error_of([&] { io.query_number("MEAS?"); }), where + "MEAS?: reply is not a number (reply: 'OVLD')");
  EXPECT_EQ(error_of([&] { io.query_number("UNIT?"); }), where + "UNIT?: reply is not a number (reply: '1.5V')");
  EXPECT_EQ(error_of([&] { io.query_number("EMPTY?"); }), where + "EMPTY?: reply is not a number (reply: '')");
  const std::string overflow = error_of([&] { io.query_number("OVER?"); });
  EXPECT_NE(overflow.find("OVER?: the instrument reports overflow"), std::string::npos) << overflow;
  EXPECT_NE(overflow.find("(reply: '9.9E37')"), std::string::npos) << overflow;
}

TEST_F(ScpiConnectionTest, QueryNumbers) {
  responder.on("LIST?", LoopbackResponder::text("1.0,2.5,-3e-3"));
  responder.on("NONE?", LoopbackResponder::text(""));
  responder.on("BAD?", LoopbackResponder::text("1.0,x,3"));
  auto io = connect();
  EXPECT_EQ(io.query_numbers("LIST?"), (std::vector<double>{1.0, 2.5, -3e-3}));
  EXPECT_TRUE(io.query_numbers("NONE?").empty());
  const std::string bad = error_of([&] { io.query_numbers("BAD?"); });
  EXPECT_NE(bad.find("BAD?: item 2 ('x') is not a number (reply: '1.0,x,3')"), std::string::npos) << bad;
}

TEST_F(ScpiConnectionTest, DefiniteBlockWithNewlinesInThePayload) {
  const std::string payload = "line one\nline two\n\n";
  responder.on("DATA?", LoopbackResponder::text(block(payload).substr(0, block(payload).size() - 1)));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  auto io = connect();
  EXPECT_EQ(io.query_block("DATA?"), payload);
  // The terminator after the block was consumed: the next reply is aligned.
  EXPECT_EQ(io.query("*OPC?"), "1");
}

TEST_F(ScpiConnectionTest, EmptyBlock) {
  responder.on("DATA?", LoopbackResponder::text("#10"));
  auto io = connect();
  EXPECT_EQ(io.query_block("DATA?"), "");
}

TEST_F(ScpiConnectionTest, BlockSplitAcrossManySmallWrites) {
  const std::string payload = binary_payload(3000);
  responder.on("WAV:DATA?", LoopbackResponder::trickle(block(payload), 7, 1ms));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  auto io = connect(5000ms);
  EXPECT_EQ(io.query_block("WAV:DATA?"), payload);
  EXPECT_EQ(io.query("*OPC?"), "1");
}

TEST_F(ScpiConnectionTest, LargeBlockBeyondMaxReplyBytes) {
  // A definite block announces its length: max_reply_bytes does not cut it.
  const std::string payload = binary_payload((1 << 20) + 5000);
  responder.on("WAV:DATA?", LoopbackResponder::raw(block(payload)));
  auto io = connect(5000ms);
  EXPECT_EQ(io.query_block("WAV:DATA?"), payload);
}

TEST_F(ScpiConnectionTest, IndefiniteBlock) {
  responder.on("DATA?", LoopbackResponder::trickle("#0some bytes\n", 3, 1ms));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  auto io = connect();
  EXPECT_EQ(io.query_block("DATA?"), "some bytes");
  EXPECT_EQ(io.query("*OPC?"), "1");
}

TEST_F(ScpiConnectionTest, MalformedBlockQuotesTheReply) {
  responder.on("DATA?", LoopbackResponder::text("1.5,2.5"));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  auto io = connect();
  const std::string message = error_of([&] { io.query_block("DATA?"); });
  EXPECT_NE(message.find(responder.resource() + ": DATA?: malformed block: expected a block starting with '#'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("(reply: '1.5,2.5"), std::string::npos) << message;
}

TEST_F(ScpiConnectionTest, TimeoutNamesResourceAndCommand) {
  auto io = connect(150ms);
  const auto start = std::chrono::steady_clock::now();
  try {
    io.query("MEAS:VOLT:DC?");
    FAIL() << "no timeout";
  } catch (const TransportTimeout& error) {
    EXPECT_EQ(std::string(error.what()), responder.resource() + ": MEAS:VOLT:DC?: no reply within 150 ms");
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, 150ms);
  EXPECT_LT(took, 1000ms);
  EXPECT_FALSE(io.lost());
}

TEST_F(ScpiConnectionTest, DroppedReplyThenTheNextQueryWorks) {
  responder.on("MEAS?", LoopbackResponder::silence());
  responder.on("MEAS?", LoopbackResponder::text("+4.2"));
  auto io = connect(150ms);
  EXPECT_THROW(io.query("MEAS?"), TransportTimeout);
  EXPECT_DOUBLE_EQ(io.query_number("MEAS?"), 4.2);
}

TEST_F(ScpiConnectionTest, PartialReplyIsClearedAfterTimeout) {
  responder.on("HALF?", LoopbackResponder::raw("half a rep"));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  auto io = connect(150ms);
  const std::string message = error_of([&] { io.query("HALF?"); });
  EXPECT_EQ(message, responder.resource() + ": HALF?: no reply within 150 ms (received so far: 'half a rep')");
  EXPECT_EQ(io.query("*OPC?"), "1");
}

TEST_F(ScpiConnectionTest, PeerCloseIsConnectionLostAndLaterCallsFailAtOnce) {
  responder.on("BYE?", LoopbackResponder::hang_up());
  auto io = connect(2000ms);
  try {
    io.query("BYE?");
    FAIL() << "no error";
  } catch (const ConnectionLost& error) {
    EXPECT_EQ(std::string(error.what()), responder.resource() + ": BYE?: connection lost: closed by the instrument");
  }
  EXPECT_TRUE(io.lost());
  const auto start = std::chrono::steady_clock::now();
  try {
    io.query("*IDN?");
    FAIL() << "no error";
  } catch (const ConnectionLost& error) {
    EXPECT_EQ(std::string(error.what()),
              responder.resource() + ": *IDN?: connection lost earlier: closed by the instrument");
  }
  EXPECT_THROW(io.write("*RST"), ConnectionLost);
  EXPECT_THROW(io.read(), ConnectionLost);
  EXPECT_THROW(io.read_block(), ConnectionLost);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 100ms);
}

TEST_F(ScpiConnectionTest, RunawayReplyIsAnError) {
  responder.on("RUN?", LoopbackResponder::raw(std::string(300, 'x')));
  responder.on("*OPC?", LoopbackResponder::text("1"));
  ScpiOptions options;
  options.max_reply_bytes = 100;
  ScpiConnection io(open_transport(responder.resource(), 1000ms), options);
  const std::string message = error_of([&] { io.query("RUN?"); });
  EXPECT_NE(message.find("RUN?: reply longer than 100 bytes without a terminator"), std::string::npos) << message;
}

TEST_F(ScpiConnectionTest, ErrorQueue) {
  responder.on("SYST:ERR?", LoopbackResponder::text("-113,\"Undefined header\""));
  responder.on("SYST:ERR?", LoopbackResponder::text("+0,\"No error\""));
  auto io = connect();
  try {
    io.check_errors("VOLT:RANG 1e9");
    FAIL() << "no ScpiError";
  } catch (const ScpiError& error) {
    EXPECT_EQ(error.entries(), (std::vector<std::string>{"-113,\"Undefined header\""}));
    EXPECT_EQ(std::string(error.what()),
              responder.resource() + ": SCPI error after VOLT:RANG 1e9: -113,\"Undefined header\"");
  }
  // The queue is empty now.
  EXPECT_TRUE(io.read_error_queue().empty());
  EXPECT_NO_THROW(io.check_errors("*RST"));
}

TEST_F(ScpiConnectionTest, ErrorQueueThatNeverEmptiesStopsAt32) {
  responder.on("SYST:ERR?", LoopbackResponder::text("-350,\"Queue overflow\""));
  auto io = connect();
  EXPECT_EQ(io.read_error_queue().size(), 32u);
}

TEST_F(ScpiConnectionTest, Identify) {
  responder.on("*IDN?", LoopbackResponder::text("Keysight Technologies,34461A,MY53012345,A.03.01-02.40-03.01"));
  auto io = connect();
  const auto id = io.identify();
  EXPECT_EQ(id.manufacturer, "Keysight Technologies");
  EXPECT_EQ(id.model, "34461A");
  EXPECT_EQ(id.serial, "MY53012345");
  EXPECT_EQ(id.firmware, "A.03.01-02.40-03.01");
  EXPECT_EQ(id.raw, "Keysight Technologies,34461A,MY53012345,A.03.01-02.40-03.01");
}

TEST(TcpSocketTransport, RefusedConnectionNamesTheResource) {
  int port = 0;
  {
    LoopbackResponder closed_soon;
    port = closed_soon.port();
  }
  const std::string resource = "TCPIP::127.0.0.1::" + std::to_string(port) + "::SOCKET";
  try {
    open_transport(resource, 500ms);
    FAIL() << "connected";
  } catch (const InstrumentError& error) {
    EXPECT_EQ(std::string(error.what()), resource + ": cannot connect: Connection refused");
  }
}

TEST(TcpSocketTransport, UnknownHost) {
  try {
    open_transport("TCPIP::no-such-host.invalid::5025::SOCKET", 500ms);
    FAIL() << "connected";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("TCPIP::no-such-host.invalid::5025::SOCKET: cannot resolve host"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace litmus
