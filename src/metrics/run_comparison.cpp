#include "metrics/run_comparison.hpp"

#include <map>
#include <optional>
#include <tuple>

namespace litmus::metrics {

namespace {

using nlohmann::json;

template <class T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json run_context(const store::RunRow& run) {
  return {{"run_id", run.run_id},   {"outcome", run.outcome},       {"started_ts", or_null(run.started_ts)},
          {"dut_serial", run.dut_serial}, {"dut_part_number", run.dut_part_number},
          {"station", run.station}, {"fixture", run.fixture},       {"program", run.program},
          {"git_commit", run.git_commit}, {"phase", run.phase},    {"profile", run.profile}};
}

// Fields of the run's context that differ.
json context_differences(const json& a, const json& b) {
  json differences = json::array();
  for (const auto& [field, value] : a.items()) {
    if (field == "run_id" || field == "started_ts") continue;
    if (value != b[field]) differences.push_back({{"field", field}, {"a", value}, {"b", b[field]}});
  }
  return differences;
}

// The last attempt of each (step path, vector).
std::map<std::pair<std::string, std::int64_t>, store::StepRow> final_steps(store::EventStore& store,
                                                                          const std::string& run_id) {
  std::map<std::pair<std::string, std::int64_t>, store::StepRow> last;
  for (auto& step : store.steps(run_id)) last[{step.step_path, step.vector_index}] = std::move(step);
  return last;
}

json step_differences(store::EventStore& store, const std::string& a_id, const std::string& b_id) {
  const auto a = final_steps(store, a_id);
  const auto b = final_steps(store, b_id);
  std::map<std::pair<std::string, std::int64_t>, std::pair<const store::StepRow*, const store::StepRow*>> both;
  for (const auto& [key, step] : a) both[key].first = &step;
  for (const auto& [key, step] : b) both[key].second = &step;
  json differences = json::array();
  const auto outcome = [](const store::StepRow* step) {
    if (step == nullptr) return json(nullptr);
    return json(step->status == "ended" ? step->outcome : step->status);
  };
  for (const auto& [key, pair] : both) {
    if (outcome(pair.first) == outcome(pair.second)) continue;
    differences.push_back(
        {{"step_path", key.first}, {"vector_index", key.second}, {"a", outcome(pair.first)}, {"b", outcome(pair.second)}});
  }
  return differences;
}

using MeasurementKey = std::tuple<std::string, std::int64_t, std::string, int>;

// Measurements of the last attempt of each vector, keyed by occurrence.
std::map<MeasurementKey, store::MeasurementRow> keyed_measurements(store::EventStore& store, const std::string& run_id) {
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> last_retry;
  const auto rows = store.measurements(run_id);
  for (const auto& m : rows) {
    auto& retry = last_retry[{m.step_path, m.vector_index.value_or(-1)}];
    retry = std::max(retry, m.vector_retry.value_or(0));
  }
  std::map<MeasurementKey, store::MeasurementRow> keyed;
  std::map<std::tuple<std::string, std::int64_t, std::string>, int> seen;
  for (const auto& m : rows) {
    const std::int64_t vector = m.vector_index.value_or(-1);
    if (m.vector_retry.value_or(0) != last_retry[{m.step_path, vector}]) continue;
    const int occurrence = seen[{m.step_path, vector, m.name}]++;
    keyed[{m.step_path, vector, m.name, occurrence}] = m;
  }
  return keyed;
}

json measurement_side(const store::MeasurementRow* m) {
  if (m == nullptr) return nullptr;
  return {{"value", or_null(m->value)}, {"units", m->units},        {"low", or_null(m->low)},
          {"high", or_null(m->high)},   {"outcome", m->outcome},    {"instrument_serial", m->instrument_serial},
          {"calibration_due", m->calibration_due}};
}

json measurement_differences(store::EventStore& store, const std::string& a_id, const std::string& b_id) {
  const auto a = keyed_measurements(store, a_id);
  const auto b = keyed_measurements(store, b_id);
  std::map<MeasurementKey, std::pair<const store::MeasurementRow*, const store::MeasurementRow*>> both;
  for (const auto& [key, m] : a) both[key].first = &m;
  for (const auto& [key, m] : b) both[key].second = &m;
  json differences = json::array();
  for (const auto& [key, pair] : both) {
    const auto& [ma, mb] = pair;
    json changed = json::array();
    if (ma == nullptr || mb == nullptr) {
      changed.push_back(ma == nullptr ? "only_in_b" : "only_in_a");
    } else {
      if (ma->value != mb->value) changed.push_back("value");
      if (ma->low != mb->low || ma->high != mb->high || ma->comparator != mb->comparator) changed.push_back("limits");
      if (ma->outcome != mb->outcome) changed.push_back("outcome");
      if (ma->instrument_serial != mb->instrument_serial) changed.push_back("instrument");
      if (ma->calibration_due != mb->calibration_due) changed.push_back("calibration");
    }
    if (changed.empty()) continue;
    json row{{"step_path", std::get<0>(key)},
             {"vector_index", std::get<1>(key) < 0 ? json(nullptr) : json(std::get<1>(key))},
             {"name", std::get<2>(key)},
             {"changed", changed},
             {"a", measurement_side(ma)},
             {"b", measurement_side(mb)}};
    if (ma && mb && ma->value && mb->value) row["delta"] = *mb->value - *ma->value;
    differences.push_back(std::move(row));
  }
  return differences;
}

// Each role's connection: resource and driver from the instruments table,
// identity and calibration from its instrument.connected event.
std::map<std::string, json> instruments_of(store::EventStore& store, const std::string& session_id) {
  std::map<std::string, json> by_role;
  for (const auto& row : store.instruments(session_id)) {
    by_role[row.role] = {{"resource", row.resource}, {"type", row.type}, {"mocked", row.mocked}};
  }
  store::EventQuery query;
  query.session_id = session_id;
  query.type = "instrument.connected";
  query.limit = 10'000;
  for (const auto& stored : store.events(query)) {
    const json payload = json::parse(stored.event.payload, nullptr, false);
    if (!payload.is_object()) continue;
    json& entry = by_role[stored.event.role];
    entry["driver"] = payload.value("driver", "");
    entry["identity"] = payload.value("identity", json(nullptr));
    const json calibration = payload.value("calibration", json::object());
    entry["calibration_due"] = calibration.is_object() ? calibration.value("due", "") : "";
  }
  return by_role;
}

json instrument_differences(store::EventStore& store, const std::string& a_session, const std::string& b_session) {
  const auto a = instruments_of(store, a_session);
  const auto b = instruments_of(store, b_session);
  std::map<std::string, std::pair<const json*, const json*>> both;
  for (const auto& [role, entry] : a) both[role].first = &entry;
  for (const auto& [role, entry] : b) both[role].second = &entry;
  json differences = json::array();
  for (const auto& [role, pair] : both) {
    const json ja = pair.first ? *pair.first : json(nullptr);
    const json jb = pair.second ? *pair.second : json(nullptr);
    if (ja == jb) continue;
    json changed = json::array();
    if (ja.is_null() || jb.is_null()) {
      changed.push_back(ja.is_null() ? "only_in_b" : "only_in_a");
    } else {
      for (const auto& [field, value] : ja.items()) {
        if (value != jb.value(field, json(nullptr))) changed.push_back(field);
      }
    }
    differences.push_back({{"role", role}, {"changed", changed}, {"a", ja}, {"b", jb}});
  }
  return differences;
}

}  // namespace

json compare_runs(store::EventStore& store, std::string_view run_a, std::string_view run_b) {
  const auto a = store.run(run_a);
  const auto b = store.run(run_b);
  if (!a || !b) return nullptr;
  const json context_a = run_context(*a);
  const json context_b = run_context(*b);
  return {{"run_a", context_a},
          {"run_b", context_b},
          {"differences",
           {{"run", context_differences(context_a, context_b)},
            {"steps", step_differences(store, a->run_id, b->run_id)},
            {"measurements", measurement_differences(store, a->run_id, b->run_id)},
            {"instruments", instrument_differences(store, a->session_id, b->session_id)}}}};
}

}  // namespace litmus::metrics
