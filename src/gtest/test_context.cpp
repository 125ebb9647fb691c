#include "litmus/test_context.hpp"

#include "gtest/runner.hpp"
#include "litmus/error.hpp"
#include "vectors/input_changes.hpp"

namespace litmus {

namespace {

const nlohmann::json& input(const nlohmann::json& inputs, std::string_view key) {
  const auto found = inputs.find(key);
  if (found == inputs.end()) {
    std::string known;
    for (const auto& [name, value] : inputs.items()) known += (known.empty() ? "" : ", ") + name;
    throw Error("no parameter '" + std::string(key) + "' in this vector; parameters: " +
                (known.empty() ? "(none: the test has no sweep)" : known));
  }
  return *found;
}

}  // namespace

Station& TestContext::station() { return runner_.station(); }

double TestContext::param(std::string_view key) const {
  const nlohmann::json& value = input(runner_.attempt().inputs, key);
  if (!value.is_number()) throw Error("parameter '" + std::string(key) + "' is " + value.dump() + ", not a number");
  return value.get<double>();
}

double TestContext::param(std::string_view key, double fallback) const {
  if (!runner_.attempt().inputs.contains(key)) return fallback;
  return param(key);
}

std::string TestContext::param_string(std::string_view key) const {
  const nlohmann::json& value = input(runner_.attempt().inputs, key);
  if (!value.is_string()) throw Error("parameter '" + std::string(key) + "' is " + value.dump() + ", not text");
  return value.get<std::string>();
}

const nlohmann::json& TestContext::params() const { return runner_.attempt().inputs; }

bool TestContext::changed(std::string_view key) const {
  const gtest_runner::Attempt& attempt = runner_.attempt();
  const VectorRow* current = attempt.plan->row(attempt.vector_index);
  if (current == nullptr) input(attempt.inputs, key);  // no sweep: throws naming the key
  const VectorRow* previous = attempt.vector_index > 0 ? attempt.plan->row(attempt.vector_index - 1) : nullptr;
  return input_changed(previous, *current, key);
}

bool TestContext::verify(std::string_view name, double value, const Limit& limit, const MeasurementOptions& options,
                         std::source_location where) {
  return runner_.verify(name, value, limit, options, where);
}

void TestContext::measure(std::string_view name, double value, std::string_view units,
                          const MeasurementOptions& options) {
  runner_.measure(name, value, units, options);
}

const std::string& TestContext::run_id() const { return runner_.run_id(); }
const std::string& TestContext::step_path() const { return runner_.attempt().plan->step_path; }
int TestContext::vector_index() const { return runner_.attempt().vector_index; }
int TestContext::vector_retry() const { return runner_.attempt().vector_retry; }

}  // namespace litmus
