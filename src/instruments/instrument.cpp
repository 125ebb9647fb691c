#include "litmus/instrument.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "instruments/last_read.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"
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
// InstrumentError naming `subject` (a read's channel, a setter's role) and
// the method, so the exception says which instrument call failed.
template <class T>
T call_driver(EventLog& log, const char* type, const EventContext& context, nlohmann::json& payload,
              std::string_view subject, std::int64_t start, const std::function<T()>& call) {
  try {
    return call();
  } catch (const std::exception& error) {
    payload["duration_ns"] = monotonic_ns() - start;
    payload["error"] = error.what();
    log.emit(type, payload, context);
    throw InstrumentError(std::string(subject) + " (" + payload["method"].get<std::string>() + "): " + error.what());
  }
}

}  // namespace

double Instrument::record_scalar_read(std::string_view method, std::string_view quantity, std::string_view units,
                                      const std::function<double()>& call) {
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}, {"units", units}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  const double value = call_driver(*binding_.log, event_type::instrument_read, ctx, payload, channel, start, call);
  payload["value"] = value;
  payload["duration_ns"] = monotonic_ns() - start;
  const std::uint64_t seq = binding_.log->emit(event_type::instrument_read, payload, ctx);
  remember_scalar_read(*binding_.log, binding_.role, binding_.resource, channel, seq, value);
  return value;
}

void Instrument::record_set(std::string_view method, std::string_view setting, nlohmann::json value,
                            std::string_view units, const std::function<void()>& call) {
  // `value` stays in an errored event too: it is what was asked of the
  // instrument, which is what one needs to know about a refused setting.
  nlohmann::json payload{{"method", method}, {"setting", setting}, {"value", std::move(value)}, {"units", units}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  call_driver(*binding_.log, event_type::instrument_set, ctx, payload, binding_.role, start, call);
  payload["duration_ns"] = monotonic_ns() - start;
  binding_.log->emit(event_type::instrument_set, payload, ctx);
}

Waveform Instrument::record_waveform_read(std::string_view method, std::string_view quantity,
                                          const std::function<Waveform()>& call) {
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}};
  const EventContext ctx = context();
  const std::int64_t start = monotonic_ns();
  Waveform waveform = call_driver(*binding_.log, event_type::instrument_read, ctx, payload, channel, start, call);
  waveform.channel = channel;
  payload["duration_ns"] = monotonic_ns() - start;
  payload["x_origin"] = waveform.x_origin;
  payload["x_increment"] = waveform.x_increment;
  payload["x_units"] = waveform.x_units;
  payload["y_units"] = waveform.y_units;
  payload["units"] = waveform.y_units;
  const std::uint64_t seq = binding_.log->emit_samples(event_type::instrument_read, payload, channel, waveform.samples, ctx);
  waveform.ref = store::make_channel_ref(channel, binding_.log->session_id(), seq);
  return waveform;
}

}  // namespace litmus
