#include "litmus/scpi_connection.hpp"

#include <string>
#include <utility>

#include "transport/ieee_block.hpp"
#include "transport/scpi_reply.hpp"

namespace litmus {

namespace {

// Asked of the transport per receive(): a stack buffer's worth.
constexpr std::size_t kReceiveChunk = 64 * 1024;
// An error queue that never reports 0 is a broken instrument, not a long
// queue: SCPI instruments hold a few dozen entries at most.
constexpr int kMaxErrorEntries = 32;

using transport::quote_reply;

}  // namespace

struct ScpiConnection::Impl {
  std::unique_ptr<Transport> transport;
  ScpiOptions options;
  // Received bytes not yet returned: the front is the start of the next
  // reply.
  std::string pending;
  // pending[0, end_mark) was ended by the transport's END (VXI-11, USBTMC):
  // a reply stops there even without a terminator. npos when not.
  std::size_t end_mark = std::string::npos;
  // What read() names when it fails.
  std::string last_command;
  // Reused for command + terminator, so a write does not allocate.
  std::string outgoing;
  // Why the connection was lost; empty while it is not.
  std::string lost_cause;

  std::string prefix(std::string_view command) const {
    return transport->resource() + ": " + std::string(command) + ": ";
  }

  [[noreturn]] void fail(std::string_view command, const std::string& what, std::string_view reply) const {
    throw InstrumentError(prefix(command) + what + " (reply: '" + quote_reply(reply) + "')");
  }

  void check_alive(std::string_view command) const {
    if (!lost_cause.empty()) throw ConnectionLost(prefix(command) + "connection lost earlier: " + lost_cause);
  }

  // The transport's message without its leading "<resource>: ".
  std::string cause(const std::exception& error) const {
    std::string_view text = error.what();
    const std::string& name = transport->resource();
    if (text.starts_with(name) && text.substr(name.size()).starts_with(": ")) text.remove_prefix(name.size() + 2);
    return std::string(text);
  }

  void forget_input() {
    pending.clear();
    end_mark = std::string::npos;
  }

  // After a timeout or a malformed reply the stream is mid-message: drop
  // what is buffered here and in the transport, so the next command starts
  // clean.
  void resync() {
    forget_input();
    try {
      transport->clear();
    } catch (const ConnectionLost& error) {
      lost_cause = cause(error);
    } catch (const std::exception&) {
      // The timeout being reported is the more useful error.
    }
  }

  // Runs transport I/O for `command`, turning its failures into errors
  // that name the command. `waiting_for` is what did not happen in time.
  template <typename Io>
  auto guarded(std::string_view command, std::string_view waiting_for, Io&& io) -> decltype(io()) {
    try {
      return io();
    } catch (const TransportTimeout&) {
      std::string message = prefix(command) + std::string(waiting_for) + " within " +
                            std::to_string(options.timeout.count()) + " ms";
      if (!pending.empty()) message += " (received so far: '" + quote_reply(pending) + "')";
      resync();
      throw TransportTimeout(message);
    } catch (const ConnectionLost& error) {
      lost_cause = cause(error);
      forget_input();
      throw ConnectionLost(prefix(command) + "connection lost: " + lost_cause);
    } catch (const InstrumentError& error) {
      // Any other transport failure (a USB protocol error ...): the same
      // error, naming the command, with the stream realigned.
      resync();
      throw InstrumentError(prefix(command) + cause(error));
    }
  }

  Deadline deadline() const { return std::chrono::steady_clock::now() + options.timeout; }

  void send(std::string_view command, Deadline until) {
    check_alive(command);
    last_command.assign(command);
    outgoing.assign(command);
    outgoing += options.write_terminator;
    guarded(command, "could not send", [&] { transport->send(outgoing, until); });
  }

  void receive_more(std::string_view command, Deadline until) {
    guarded(command, "no reply", [&] {
      if (transport->receive(pending, kReceiveChunk, until)) end_mark = pending.size();
    });
  }

  void consume(std::size_t count) {
    pending.erase(0, count);
    end_mark = end_mark != std::string::npos && end_mark > count ? end_mark - count : std::string::npos;
  }

  // One reply: up to the terminator or the transport's END.
  std::string read_message(std::string_view command, Deadline until) {
    check_alive(command);
    std::size_t scanned = 0;
    while (true) {
      const std::size_t limit = std::min(pending.size(), end_mark);
      const auto at = std::string_view(pending).substr(0, limit).find(options.read_terminator, scanned);
      if (at != std::string_view::npos || end_mark != std::string::npos) {
        const std::size_t length = at != std::string_view::npos ? at : end_mark;
        std::string reply = pending.substr(0, length);
        consume(at != std::string_view::npos ? at + 1 : end_mark);
        if (!reply.empty() && reply.back() == '\r') reply.pop_back();
        return reply;
      }
      scanned = limit;
      if (pending.size() > options.max_reply_bytes) {
        const std::string start = pending.substr(0, 64);
        resync();
        fail(command, "reply longer than " + std::to_string(options.max_reply_bytes) + " bytes without a terminator",
             start);
      }
      receive_more(command, until);
    }
  }

  std::string read_block(std::string_view command, Deadline until) {
    check_alive(command);
    transport::IeeeBlockParser parser(options.read_terminator);
    while (true) {
      const std::size_t limit = std::min(pending.size(), end_mark);
      try {
        consume(parser.feed(std::string_view(pending).substr(0, limit), end_mark != std::string::npos));
      } catch (const transport::IeeeBlockError& error) {
        const std::string start = pending.substr(0, 64);
        resync();
        fail(command, std::string("malformed block: ") + error.what(), start);
      }
      if (parser.done()) break;
      receive_more(command, until);
    }
    // The terminator (or END) after the block; anything else is not a block
    // reply and would shift every later reply by one.
    const std::string rest = read_message(command, until);
    if (!rest.empty()) {
      resync();
      fail(command, "unexpected bytes after a block of " + std::to_string(parser.payload().size()) + " bytes", rest);
    }
    return parser.take_payload();
  }

  double parse_number(std::string_view command, const std::string& reply) const {
    const auto value = transport::parse_scpi_number(reply);
    if (!value) fail(command, "reply is not a number", reply);
    if (transport::is_scpi_overflow(*value)) {
      fail(command, "the instrument reports overflow or not-a-number (9.9E37), not a reading", reply);
    }
    return *value;
  }
};

ScpiConnection::ScpiConnection(std::unique_ptr<Transport> transport, ScpiOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->transport = std::move(transport);
  impl_->options = std::move(options);
}

ScpiConnection::~ScpiConnection() = default;

const std::string& ScpiConnection::resource() const { return impl_->transport->resource(); }

std::chrono::milliseconds ScpiConnection::timeout() const { return impl_->options.timeout; }

void ScpiConnection::set_timeout(std::chrono::milliseconds timeout) { impl_->options.timeout = timeout; }

void ScpiConnection::write(std::string_view command) { impl_->send(command, impl_->deadline()); }

std::string ScpiConnection::read() {
  const std::string command = impl_->last_command.empty() ? "read" : impl_->last_command;
  return impl_->read_message(command, impl_->deadline());
}

std::string ScpiConnection::query(std::string_view command) {
  // One deadline for both halves: "no reply within N ms" means N ms.
  const Deadline until = impl_->deadline();
  impl_->send(command, until);
  return impl_->read_message(command, until);
}

double ScpiConnection::query_number(std::string_view command) { return impl_->parse_number(command, query(command)); }

std::vector<double> ScpiConnection::query_numbers(std::string_view command) {
  const std::string reply = query(command);
  std::vector<double> values;
  if (reply.find_first_not_of(" \t") == std::string::npos) return values;
  std::size_t start = 0;
  while (true) {
    const auto comma = reply.find(',', start);
    const auto item = std::string_view(reply).substr(start, comma == std::string::npos ? comma : comma - start);
    const auto value = transport::parse_scpi_number(item);
    if (!value) {
      impl_->fail(command, "item " + std::to_string(values.size() + 1) + " ('" + quote_reply(item, 40) +
                               "') is not a number", reply);
    }
    values.push_back(*value);
    if (comma == std::string::npos) return values;
    start = comma + 1;
  }
}

std::string ScpiConnection::read_block() {
  const std::string command = impl_->last_command.empty() ? "read" : impl_->last_command;
  return impl_->read_block(command, impl_->deadline());
}

std::string ScpiConnection::query_block(std::string_view command) {
  const Deadline until = impl_->deadline();
  impl_->send(command, until);
  return impl_->read_block(command, until);
}

std::vector<std::string> ScpiConnection::read_error_queue() {
  std::vector<std::string> entries;
  for (int i = 0; i < kMaxErrorEntries; ++i) {
    std::string entry = query("SYST:ERR?");
    const auto code = transport::error_entry_code(entry);
    if (!code) impl_->fail("SYST:ERR?", "reply is not an error queue entry (code,\"message\")", entry);
    if (*code == 0) break;
    entries.push_back(std::move(entry));
  }
  return entries;
}

void ScpiConnection::check_errors(std::string_view after_command) {
  auto entries = read_error_queue();
  if (entries.empty()) return;
  std::string message = resource() + ": SCPI error after " + std::string(after_command) + ": ";
  for (std::size_t i = 0; i < entries.size(); ++i) message += (i > 0 ? "; " : "") + entries[i];
  throw ScpiError(message, std::move(entries));
}

ScpiConnection::Identity ScpiConnection::identify() {
  std::string raw = query("*IDN?");
  auto fields = transport::split_idn(raw);
  return {std::move(fields.manufacturer), std::move(fields.model), std::move(fields.serial),
          std::move(fields.firmware), std::move(raw)};
}

bool ScpiConnection::lost() const { return !impl_->lost_cause.empty(); }

}  // namespace litmus
