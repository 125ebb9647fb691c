#include "litmus/instrument.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"

namespace litmus {

Instrument::Instrument(InstrumentBinding binding) : binding_(std::move(binding)) {}

Instrument::~Instrument() = default;

EventContext Instrument::context() const {
  EventContext ctx = binding_.context ? *binding_.context : EventContext{};
  ctx.role = binding_.role;
  return ctx;
}

double Instrument::record_scalar_read(std::string_view method, std::string_view quantity, std::string_view units,
                                      const std::function<double()>& call) {
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}, {"units", units}};
  const std::int64_t start = monotonic_ns();
  try {
    const double value = call();
    payload["value"] = value;
    payload["duration_ns"] = monotonic_ns() - start;
    binding_.log->emit(event_type::instrument_read, payload, context());
    return value;
  } catch (const JournalError&) {
    throw;
  } catch (const std::exception& error) {
    payload["duration_ns"] = monotonic_ns() - start;
    payload["error"] = error.what();
    binding_.log->emit(event_type::instrument_read, payload, context());
    throw InstrumentError(channel + " (" + std::string(method) + "): " + error.what());
  }
}

Waveform Instrument::record_waveform_read(std::string_view method, std::string_view quantity,
                                          const std::function<Waveform()>& call) {
  const std::string channel = binding_.role + "." + std::string(quantity);
  nlohmann::json payload{{"method", method}, {"channel", channel}};
  const std::int64_t start = monotonic_ns();
  try {
    Waveform waveform = call();
    waveform.channel = channel;
    payload["duration_ns"] = monotonic_ns() - start;
    payload["x_origin"] = waveform.x_origin;
    payload["x_increment"] = waveform.x_increment;
    payload["x_units"] = waveform.x_units;
    payload["y_units"] = waveform.y_units;
    payload["units"] = waveform.y_units;
    const std::uint64_t seq =
        binding_.log->emit_samples(event_type::instrument_read, payload, channel, waveform.samples, context());
    waveform.ref = "channel://" + channel + "/" + binding_.log->session_id() + "/" + std::to_string(seq);
    return waveform;
  } catch (const JournalError&) {
    throw;
  } catch (const std::exception& error) {
    payload["duration_ns"] = monotonic_ns() - start;
    payload["error"] = error.what();
    binding_.log->emit(event_type::instrument_read, payload, context());
    throw InstrumentError(channel + " (" + std::string(method) + "): " + error.what());
  }
}

}  // namespace litmus
