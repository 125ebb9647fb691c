#include "litmus/instrument.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "instruments/last_read.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"
#include "litmus/scpi_connection.hpp"
#include "store/channel_store.hpp"

namespace litmus {

Instrument::Instrument(InstrumentBinding binding) : binding_(std::move(binding)) {}

Instrument::~Instrument() = default;

EventContext Instrument::context() const {
  EventContext ctx = binding_.context ? *binding_.context : EventContext{};
  ctx.role = binding_.role;
  return ctx;
}

void Instrument::make_safe() {}

namespace {

// Calls the driver. A failure is recorded as an errored `type` event (the
// payload gets "error" and "duration_ns") and rethrown as an
// InstrumentError prefixed with `call_name` (a read's channel and method, a
// setter's role and method), so the exception says which instrument call
// failed. The transport's own error classes survive the prefixing, so a
// caller can still tell a timeout or an SCPI error queue entry apart.
template <class T>
T call_driver(EventLog& log, const char* type, const EventContext& context, nlohmann::json& payload,
              const std::string& call_name, std::int64_t start, const std::function<T()>& call) {
  auto record = [&](const std::exception& error) {
    payload["duration_ns"] = monotonic_ns() - start;
    payload["error"] = error.what();
    log.emit(type, payload, context);
    return call_name + ": " + error.what();
  };
  try {
    return call();
  } catch (const ScpiError& error) {
    throw ScpiError(record(error), error.entries());
  } catch (const TransportTimeout& error) {
    throw TransportTimeout(record(error));
  } catch (const ConnectionLost& error) {
    throw ConnectionLost(record(error));
  } catch (const std::exception& error) {
    throw InstrumentError(record(error));
  }
}

std::string call_name(std::string_view subject, std::string_view method) {
  return std::string(subject) + " (" + std::string(method) + ")";
}

}  // namespace

double Instrument::record_scalar_read(std::string_view method, std::string_view quantity, std::string_view units,
                                      const std::function<double()>& call) {
  std::lock_guard lock(call_mutex_);
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}, {"units", units}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  const double value =
      call_driver(*binding_.log, event_type::instrument_read, ctx, payload, call_name(channel, method), start, call);
  payload["value"] = value;
  payload["duration_ns"] = monotonic_ns() - start;
  const std::uint64_t seq = binding_.log->emit(event_type::instrument_read, payload, ctx);
  remember_scalar_read(*binding_.log, binding_.role, binding_.resource, channel, seq, value, this);
  return value;
}

void Instrument::record_set(std::string_view method, std::string_view setting, nlohmann::json value,
                            std::string_view units, const std::function<void()>& call) {
  record_set(method, setting, std::move(value), units, nlohmann::json::object(), call);
}

void Instrument::record_set(std::string_view method, std::string_view setting, nlohmann::json value,
                            std::string_view units, nlohmann::json extra, const std::function<void()>& call) {
  std::lock_guard lock(call_mutex_);
  // `value` stays in an errored event too: it is what was asked of the
  // instrument, which is what one needs to know about a refused setting.
  nlohmann::json payload{{"method", method}, {"setting", setting}, {"value", std::move(value)}, {"units", units}};
  payload.update(extra);
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  call_driver(*binding_.log, event_type::instrument_set, ctx, payload, call_name(binding_.role, method), start, call);
  payload["duration_ns"] = monotonic_ns() - start;
  binding_.log->emit(event_type::instrument_set, payload, ctx);
}

void Instrument::record_configure(std::string_view method, nlohmann::json settings, const std::function<void()>& call) {
  std::lock_guard lock(call_mutex_);
  nlohmann::json payload{{"method", method}};
  payload.update(settings);
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  call_driver(*binding_.log, event_type::instrument_configure, ctx, payload, call_name(binding_.role, method), start,
              call);
  payload["duration_ns"] = monotonic_ns() - start;
  binding_.log->emit(event_type::instrument_configure, payload, ctx);
}

Waveform Instrument::record_waveform_read(std::string_view method, std::string_view quantity,
                                          const std::function<Waveform()>& call) {
  std::lock_guard lock(call_mutex_);
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  Waveform waveform =
      call_driver(*binding_.log, event_type::instrument_read, ctx, payload, call_name(channel, method), start, call);
  waveform.channel = channel;
  payload["duration_ns"] = monotonic_ns() - start;
  payload["x_origin"] = waveform.x_origin;
  payload["x_increment"] = waveform.x_increment;
  payload["x_units"] = waveform.x_units;
  payload["y_units"] = waveform.y_units;
  payload["units"] = waveform.y_units;
  // The codes are stored when they are what the test got, bit for bit;
  // otherwise (no codes, or samples changed after scaling) the doubles.
  const bool store_codes = waveform.codes && waveform.codes->encoding != SampleEncoding::float64 &&
                           samples_match_codes(waveform.codes->encoding, waveform.codes->bytes,
                                               waveform.codes->scaling, waveform.samples);
  const std::uint64_t seq =
      store_codes ? binding_.log->emit_samples(event_type::instrument_read, payload, channel, *waveform.codes, ctx)
                  : binding_.log->emit_samples(event_type::instrument_read, payload, channel, waveform.samples, ctx);
  waveform.ref = store::make_channel_ref(channel, binding_.log->session_id(), seq);
  return waveform;
}

ScpiConnection& Instrument::connection() {
  if (!binding_.io) throw InstrumentError(binding_.role + ": has no connection for raw SCPI");
  return *binding_.io;
}

namespace {

// How a raw call's error names it: role, what was sent and to which
// resource, e.g. `dmm (query "MEAS:VOLT?" on TCPIP::10.0.0.5::5025::SOCKET)`.
std::string raw_call_name(const InstrumentBinding& binding, std::string_view method, std::string_view command) {
  std::string name = binding.role + " (" + std::string(method);
  if (!command.empty()) name += " \"" + std::string(command) + "\"";
  return name + " on " + binding.resource + ")";
}

// How a raw read's reply is recorded: the text itself, or (a binary block)
// only its length.
enum class ReplyKind { text, block };

// query(), read() and read_block() differ only in the call and in how the
// reply is recorded.
std::string record_raw_read(const InstrumentBinding& binding, const EventContext& ctx, std::string_view method,
                            std::string_view command, ReplyKind kind, const std::function<std::string()>& call) {
  nlohmann::json payload{{"method", method}};
  if (!command.empty()) payload["command"] = command;
  const std::int64_t start = monotonic_ns();
  std::string reply = call_driver(*binding.log, event_type::instrument_read, ctx, payload,
                                  raw_call_name(binding, method, command), start, call);
  if (kind == ReplyKind::text) {
    payload["reply"] = reply;
  } else {
    payload["reply_bytes"] = reply.size();
  }
  payload["duration_ns"] = monotonic_ns() - start;
  binding.log->emit(event_type::instrument_read, payload, ctx);
  return reply;
}

}  // namespace

void Instrument::write(std::string_view command) {
  std::lock_guard lock(call_mutex_);
  nlohmann::json payload{{"method", "write"}, {"command", command}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  call_driver<void>(*binding_.log, event_type::instrument_configure, ctx, payload,
                    raw_call_name(binding_, "write", command), start, [&] { connection().write(command); });
  payload["duration_ns"] = monotonic_ns() - start;
  binding_.log->emit(event_type::instrument_configure, payload, ctx);
}

std::string Instrument::query(std::string_view command) {
  std::lock_guard lock(call_mutex_);
  return record_raw_read(binding_, context(), "query", command, ReplyKind::text,
                         [&] { return connection().query(command); });
}

std::string Instrument::read() {
  std::lock_guard lock(call_mutex_);
  return record_raw_read(binding_, context(), "read", {}, ReplyKind::text, [&] { return connection().read(); });
}

std::string Instrument::read_block() {
  std::lock_guard lock(call_mutex_);
  return record_raw_read(binding_, context(), "read_block", {}, ReplyKind::block,
                         [&] { return connection().read_block(); });
}

}  // namespace litmus
