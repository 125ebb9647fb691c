#include "sim/scpi_call.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool parse_real(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

int parse_channel(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value; bad channel '" + std::string(text) + "'");
  }
  return value;
}

}  // namespace

bool matches_keyword(std::string_view keyword, std::string_view text) {
  std::size_t short_length = 0;
  while (short_length < keyword.size() && !std::islower(static_cast<unsigned char>(keyword[short_length]))) {
    ++short_length;
  }
  const std::string word = upper(text);
  return word == upper(keyword.substr(0, short_length)) || word == upper(keyword);
}

const std::string& Call::text(std::size_t i) const {
  if (!has(i)) throw ScpiFault(scpi_errors::missing_parameter);
  return args_[i];
}

double Call::number(std::size_t i, const NumericRange& range) const {
  const std::string word = upper(text(i));
  if (matches_keyword("MINimum", word)) return range.min;
  if (matches_keyword("MAXimum", word)) return range.max;
  if (matches_keyword("DEFault", word)) return range.def;
  double value = 0;
  if (!parse_real(word, value)) {
    throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value; not a number: " + text(i));
  }
  if (value < range.min || value > range.max) throw ScpiFault(scpi_errors::data_out_of_range);
  return value;
}

long long Call::integer(std::size_t i, long long min, long long max) const {
  const double value =
      number(i, {static_cast<double>(min), static_cast<double>(max), static_cast<double>(min)});
  if (value != std::floor(value)) throw ScpiFault(scpi_errors::illegal_parameter_value);
  return static_cast<long long>(value);
}

bool Call::boolean(std::size_t i) const {
  const std::string word = upper(text(i));
  if (word == "ON" || word == "1") return true;
  if (word == "OFF" || word == "0") return false;
  throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value; expected ON or OFF: " + text(i));
}

std::size_t Call::choice(std::size_t i, std::initializer_list<std::string_view> keywords) const {
  std::string word = upper(text(i));
  if (word.size() >= 2 && (word.front() == '"' || word.front() == '\'')) word = word.substr(1, word.size() - 2);
  std::size_t index = 0;
  for (auto keyword : keywords) {
    if (matches_keyword(keyword, word)) return index;
    ++index;
  }
  throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value: " + text(i));
}

int Call::numbered(std::size_t i, std::initializer_list<std::string_view> keywords) const {
  const std::string& word = text(i);
  std::size_t letters = 0;
  while (letters < word.size() && std::isalpha(static_cast<unsigned char>(word[letters]))) ++letters;
  const std::string_view name = std::string_view(word).substr(0, letters);
  bool known = false;
  for (auto keyword : keywords) known = known || matches_keyword(keyword, name);
  int number = 0;
  const std::string_view digits = std::string_view(word).substr(letters);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (!known || error != std::errc() || end != digits.data() + digits.size() || number < 1) {
    throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value: " + word);
  }
  return number;
}

std::vector<int> Call::channel_list(std::size_t i) const {
  std::string_view list = text(i);
  if (list.size() < 3 || list.substr(0, 2) != "(@" || list.back() != ')') {
    throw ScpiFault(scpi_errors::illegal_parameter_value, "Illegal parameter value; expected a channel list (@...)");
  }
  list = list.substr(2, list.size() - 3);
  std::vector<int> channels;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      channels.push_back(parse_channel(item));
    } else {
      const int first = parse_channel(item.substr(0, colon));
      const int last = parse_channel(item.substr(colon + 1));
      if (last < first || last - first > 10000) throw ScpiFault(scpi_errors::illegal_parameter_value);
      for (int channel = first; channel <= last; ++channel) channels.push_back(channel);
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return channels;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%+.8E", value);
  return buffer;
}

}  // namespace litmus::sim
