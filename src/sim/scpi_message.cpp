#include "sim/scpi_message.hpp"

#include <cctype>

#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Splits `text` at `separator` where it is outside quotes and parentheses.
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  char quote = 0;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == separator && depth == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (quote || depth != 0) throw ScpiFault(scpi_errors::syntax, "Syntax error; unbalanced quotes or parentheses");
  parts.push_back(text.substr(start));
  return parts;
}

HeaderNode parse_node(std::string_view text) {
  std::size_t letters = 0;
  while (letters < text.size() && (std::isalpha(static_cast<unsigned char>(text[letters])) || text[letters] == '_')) {
    ++letters;
  }
  HeaderNode node;
  for (char c : text.substr(0, letters)) node.mnemonic += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string_view digits = text.substr(letters);
  bool all_digits = !digits.empty() && digits.size() <= 6;
  for (char c : digits) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  if (node.mnemonic.empty() || (!digits.empty() && !all_digits)) {
    throw ScpiFault(scpi_errors::syntax, "Syntax error; bad header '" + std::string(text) + "'");
  }
  if (!digits.empty()) node.suffix = std::stoi(std::string(digits));
  return node;
}

}  // namespace

std::vector<std::string_view> split_commands(std::string_view message) {
  std::vector<std::string_view> commands;
  for (std::string_view part : split_outside_quotes(message, ';')) {
    part = trim(part);
    if (!part.empty()) commands.push_back(part);
  }
  return commands;
}

std::vector<std::string> split_arguments(std::string_view text) {
  std::vector<std::string> args;
  text = trim(text);
  if (text.empty()) return args;
  for (std::string_view part : split_outside_quotes(text, ',')) {
    part = trim(part);
    if (part.empty()) throw ScpiFault(scpi_errors::syntax, "Syntax error; empty parameter");
    args.emplace_back(part);
  }
  return args;
}

ScpiCommand parse_command(std::string_view text, std::vector<HeaderNode>& prefix) {
  text = trim(text);
  std::size_t end = 0;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
  std::string_view header = text.substr(0, end);
  ScpiCommand command;
  command.args = split_arguments(text.substr(end));
  if (!header.empty() && header.back() == '?') {
    command.query = true;
    header.remove_suffix(1);
  }
  if (!header.empty() && header.front() == '*') {
    command.common = true;
    command.path.push_back(parse_node(header.substr(1)));
    return command;  // common commands leave the path where it was
  }
  const bool absolute = !header.empty() && header.front() == ':';
  if (absolute) header.remove_prefix(1);
  if (header.empty()) throw ScpiFault(scpi_errors::syntax, "Syntax error; empty header");
  if (!absolute) command.path = prefix;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = header.find(':', start);
    command.path.push_back(parse_node(header.substr(start, colon - start)));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  prefix.assign(command.path.begin(), command.path.end() - 1);
  return command;
}

}  // namespace litmus::sim
