#include "gtest/measurement_recording.hpp"

#include <cmath>
#include <sstream>
#include <string>
#include <utility>

#include "core/json_text.hpp"
#include "config/fixture_config.hpp"
#include "instruments/last_read.hpp"
#include "litmus/instrument.hpp"
#include "litmus/error.hpp"

namespace litmus::gtest_runner {

namespace {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// The instrument's own channel a read went through, from the event channel
// "<role>.<channel>.<quantity>" ("psu.ch2.voltage" → "ch2"); empty for a
// read of the instrument as a whole ("dmm.voltage").
std::string_view instrument_channel_of(std::string_view channel, std::string_view role) {
  if (channel.size() <= role.size() + 1 || channel.substr(0, role.size()) != role) return {};
  const std::string_view rest = channel.substr(role.size() + 1);
  const auto dot = rest.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : rest.substr(0, dot);
}

// Identity and calibration as the station connected the instrument (SPEC
// B5: every measurement says which instrument, and whether it was in
// calibration).
void write_instrument(json_text::Object& payload, const ScalarReadTrace& read) {
  json_text::Object instrument = payload.object("instrument");
  if (read.instrument) {
    const Instrument& source = *read.instrument;
    if (!source.asset().empty()) instrument.string("asset", source.asset());
    if (!source.calibration().due.empty()) instrument.string("calibration_due", source.calibration().due);
    if (!source.calibration().last.empty()) instrument.string("calibration_last", source.calibration().last);
  }
  instrument.string("channel", read.channel);
  if (read.instrument) {
    const InstrumentIdentity& identity = read.instrument->identity();
    if (!identity.firmware.empty()) instrument.string("firmware", identity.firmware);
    if (!identity.manufacturer.empty()) instrument.string("manufacturer", identity.manufacturer);
    if (!identity.model.empty()) instrument.string("model", identity.model);
  }
  instrument.string("resource", read.resource);
  instrument.string("role", read.role);
  instrument.unsigned_integer("seq", read.seq);
  if (read.instrument && !read.instrument->identity().serial.empty()) {
    instrument.string("serial", read.instrument->identity().serial);
  }
  instrument.close();
}

}  // namespace

ResolvedLimit resolve_measurement_limit(std::string_view name, const Limit& explicit_limit,
                                        const std::source_location& where, const StepPlan& plan,
                                        std::string_view profile, const LimitContext& context) {
  if (!explicit_limit.empty()) {
    LimitSpec spec{.limit = explicit_limit, .bands = {}, .origin = "verify() call at "};
    spec.origin.append(where.file_name()).append(":").append(std::to_string(where.line()));
    return resolve_limit(std::move(spec), context, name);
  }
  if (plan.config != nullptr) {
    if (const LimitSpec* spec = config::find_limit(*plan.config, plan.suite, plan.name, profile, name)) {
      return resolve_limit(*spec, context, name);
    }
  }
  if (context.product != nullptr && context.product->characteristics.count(std::string(name)) != 0) {
    return resolve_characteristic(*context.product, name, context);
  }
  std::string looked = "not in the verify() call";
  looked += plan.config != nullptr ? ", not in " + config::searched_places(*plan.config, plan.suite, plan.name, profile)
                                   : ", no test YAML beside " + plan.file;
  looked += context.product != nullptr
                ? ", no characteristic " + quoted(name) + " in product " + context.product->id
                : ", no product selected (--product)";
  throw Error("verify(" + quoted(name) + ") in " + plan.step_path + ": no limit: " + looked);
}

void claim_measurement_name(Attempt& attempt, std::string_view name, const MeasurementOptions& options) {
  if (options.repeated) return;
  if (!attempt.measurement_names.emplace(name).second) {
    throw Error("measurement " + quoted(name) + " recorded twice in " + attempt.plan->step_path + " vector " +
                std::to_string(attempt.vector_index) +
                "; give each its own name, or pass litmus::MeasurementOptions{.repeated = true}");
  }
}

std::string failure_message(std::string_view name, double value, const ResolvedLimit& limit) {
  std::ostringstream out;
  out.precision(10);
  out << name << " = " << value;
  if (!limit.units.empty()) out << ' ' << limit.units;
  out << " is out of limits: " << describe(limit);
  if (!limit.source.empty()) out << " (limit from " << limit.source << ')';
  return out.str();
}

MeasurementPayload::MeasurementPayload(std::string_view name, double value, const Attempt& attempt,
                                       const MeasurementOptions& options, const EventLog& log,
                                       const config::FixtureConfig* fixture)
    : name_(name),
      value_(value),
      vector_retry_(attempt.vector_retry),
      repeated_(options.repeated),
      instrument_(scalar_read_matching(log, value)),
      fixture_(fixture) {}

void MeasurementPayload::set_units(std::string_view units) {
  has_units_ = true;
  units_ = units;
}

void MeasurementPayload::set_limit(const ResolvedLimit& limit, bool passed) {
  outcome_ = passed ? "passed" : "failed";
  set_units(limit.units);
  limit_ = &limit;
}

void MeasurementPayload::set_error(std::string message) {
  outcome_ = "errored";
  errored_ = true;
  error_ = std::move(message);
}

std::string_view MeasurementPayload::text() {
  text_.clear();
  text_.reserve(512);
  json_text::Object payload(text_);
  const std::string_view instrument_channel =
      instrument_ ? instrument_channel_of(instrument_->channel, instrument_->role) : std::string_view();
  const config::FixtureConnection* connection =
      instrument_ && fixture_ ? config::find_connection(*fixture_, instrument_->role, instrument_channel) : nullptr;
  if (limit_) payload.string("characteristic_id", limit_->characteristic_id);
  if (connection) payload.string("dut_pin", connection->dut_pin);
  if (errored_) payload.string("error", error_);
  if (instrument_) write_instrument(payload, *instrument_);
  if (!instrument_channel.empty()) payload.string("instrument_channel", instrument_channel);
  if (limit_) {
    json_text::Object limit = payload.object("limit");
    write_json(limit, *limit_);
    limit.close();
  }
  payload.string("name", name_);
  payload.string("outcome", outcome_);
  if (repeated_) payload.boolean("repeated", true);
  if (limit_) payload.string("spec_ref", limit_->spec_ref);
  if (has_units_) payload.string("units", units_);
  payload.number("value", value_);  // null when not finite: JSON has no NaN or infinity
  if (!std::isfinite(value_)) payload.string("value_text", std::to_string(value_));
  payload.integer("vector_retry", vector_retry_);
  payload.close();
  return text_;
}

}  // namespace litmus::gtest_runner
