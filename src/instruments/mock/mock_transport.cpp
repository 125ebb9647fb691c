#include "instruments/mock/mock_transport.hpp"

#include <algorithm>
#include <cctype>

#include "litmus/version.hpp"

namespace litmus {

namespace {

std::string or_default(const std::string& field, std::string fallback) {
  return field.empty() ? std::move(fallback) : field;
}

std::string trimmed(std::string_view text) {
  const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// The spellings drivers use for the error queue (SCPI allows the short and
// long form of every keyword).
bool is_error_query(const std::string& command) {
  const std::string u = upper(command);
  return u == "SYST:ERR?" || u == "SYSTEM:ERROR?" || u == "SYST:ERR:NEXT?" || u == "SYSTEM:ERROR:NEXT?";
}

}  // namespace

MockTransport::MockTransport(const InstrumentBinding& binding, const nlohmann::json& mock_config)
    : role_(binding.role), resource_("mock:" + binding.role) {
  const InstrumentIdentity& id = binding.identity;
  idn_ = or_default(id.manufacturer, "Litmus") + "," + or_default(id.model, "Mock " + binding.type) + "," +
         or_default(id.serial, binding.role) + "," + or_default(id.firmware, std::string(version()));
  if (auto it = mock_config.find("query"); it != mock_config.end()) {
    replies_.emplace(MockValue::parse(*it, MethodKind::query));
  }
}

MockTransport::Answer MockTransport::answer(const std::string& command) {
  if (replies_ && replies_->has_entry(command)) return {replies_->next_text(command) + "\n", {}};
  if (command == "*IDN?") return {idn_ + "\n", {}};
  if (is_error_query(command)) return {"0,\"No error\"\n", {}};
  if (command == "*OPC?") return {"1\n", {}};
  return {{},
          "mock " + role_ + " has no mock_config query entry for '" + command +
              "' (a mock answers *IDN?, SYST:ERR?, *OPC? and the commands under `query:` in the station file)"};
}

void MockTransport::send(std::string_view bytes, Deadline) {
  pending_ += bytes;
  std::size_t end;
  while ((end = pending_.find('\n')) != std::string::npos) {
    const std::string command = trimmed(std::string_view(pending_).substr(0, end));
    pending_.erase(0, end + 1);
    if (!command.empty() && command.back() == '?') answers_.push_back(answer(command));
  }
}

bool MockTransport::receive(std::string& out, std::size_t max_bytes, Deadline) {
  if (answers_.empty()) {
    throw TransportTimeout(resource_ + ": nothing to read: no query is waiting for a reply");
  }
  Answer& front = answers_.front();
  if (!front.error.empty()) {
    const std::string error = std::move(front.error);
    answers_.pop_front();
    throw InstrumentError(error);
  }
  const std::size_t n = std::min(max_bytes, front.reply.size());
  out.append(front.reply, 0, n);
  front.reply.erase(0, n);
  if (front.reply.empty()) answers_.pop_front();
  return false;
}

void MockTransport::clear() {
  pending_.clear();
  answers_.clear();
}

}  // namespace litmus
