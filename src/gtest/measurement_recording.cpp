#include "gtest/measurement_recording.hpp"

#include <cmath>
#include <sstream>
#include <string>
#include <utility>

#include "core/json_text.hpp"
#include "instruments/last_read.hpp"
#include "litmus/error.hpp"

namespace litmus::gtest_runner {

namespace {

std::string quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

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
                                       const MeasurementOptions& options, const EventLog& log)
    : name_(name),
      value_(value),
      vector_retry_(attempt.vector_retry),
      repeated_(options.repeated),
      instrument_(scalar_read_matching(log, value)) {}

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
  if (limit_) payload.string("characteristic_id", limit_->characteristic_id);
  if (errored_) payload.string("error", error_);
  if (instrument_) {
    json_text::Object instrument = payload.object("instrument");
    instrument.string("channel", instrument_->channel);
    instrument.string("resource", instrument_->resource);
    instrument.string("role", instrument_->role);
    instrument.unsigned_integer("seq", instrument_->seq);
    instrument.close();
  }
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
