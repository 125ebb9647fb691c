#include "drivers/scpi_text.hpp"

#include <array>
#include <charconv>

#include "litmus/error.hpp"

namespace litmus::drivers {

std::string scpi_number(double value) {
  // Shortest text that round-trips: full precision without trailing noise.
  std::array<char, 32> text{};
  auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{}) throw Error("cannot format number for SCPI");
  return std::string(text.data(), end);
}

std::string_view on_off(bool on) { return on ? "ON" : "OFF"; }

int channel_number(std::string_view role, std::string_view channel, int count) {
  auto fail = [&]() -> Error {
    return Error(std::string(role) + ": unknown channel '" + std::string(channel) + "': expected ch1 … ch" +
                 std::to_string(count));
  };
  if (channel.size() < 3 || (channel[0] != 'c' && channel[0] != 'C') || (channel[1] != 'h' && channel[1] != 'H')) {
    throw fail();
  }
  int number = 0;
  std::string_view digits = channel.substr(2);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc{} || end != digits.data() + digits.size() || number < 1 || number > count) throw fail();
  return number;
}

}  // namespace litmus::drivers
