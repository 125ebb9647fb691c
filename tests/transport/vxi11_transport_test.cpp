#include <gtest/gtest.h>

#include <chrono>

#include "litmus/transport.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;

// No VXI-11 server in the test environment: only the failure path, which
// must name the resource and respect the timeout.
TEST(Vxi11Transport, UnreachableDeviceNamesTheResource) {
  const std::string resource = "TCPIP::127.0.0.1::inst0::INSTR";
  const auto start = std::chrono::steady_clock::now();
  try {
    open_transport(resource, 500ms);
    FAIL() << "connected";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find(resource + ": cannot open a VXI-11 link to device 'inst0'"),
              std::string::npos)
        << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

}  // namespace
}  // namespace litmus
