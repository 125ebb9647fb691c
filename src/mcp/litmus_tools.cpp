#include "mcp/litmus_tools.hpp"

#include <algorithm>
#include <map>

namespace litmus::mcp {

namespace {

using nlohmann::json;
using Parameter = LitmusTools::Parameter;
using Tool = LitmusTools::Tool;

const std::vector<std::string> kMetrics = {"summary", "trend", "pareto", "cpk", "retest", "time_loss", "assets"};

Parameter text(std::string name, std::string description, std::vector<std::string> choices = {}) {
  return {std::move(name), "string", std::move(description), std::move(choices), false};
}
Parameter integer(std::string name, std::string description) { return {std::move(name), "integer", std::move(description), {}, false}; }
Parameter required(Parameter parameter) {
  parameter.required = true;
  return parameter;
}

std::vector<Parameter> metric_filters() {
  return {text("phase", "Test phases, comma-separated; '*' for all (default: all but development)"),
          text("product", "Part numbers, comma-separated"),
          text("station", "Station hostnames, comma-separated"),
          text("lot", "DUT lot numbers, comma-separated"),
          text("since", "Runs started at or after: 2026-11-01, 2026-11-01T08:00:00Z or ns"),
          text("until", "Runs started before (same forms)"),
          text("period", "trend, retest, time_loss: day, week or month", {"day", "week", "month"}),
          integer("top", "pareto, retest: rows (1-1000, default 15)"),
          text("group_by", "pareto: product, step or measurement", {"product", "step", "measurement"}),
          integer("min_samples", "cpk: fewest values for an index (default 10)")};
}

std::vector<Tool> tool_table() {
  const Parameter run_id = required(text("run_id", "Run id, full or its first 8 characters"));
  std::vector<Parameter> metrics = metric_filters();
  metrics.insert(metrics.begin(), required(text("action", "Which lens", kMetrics)));
  std::vector<Parameter> runs = {
      text("action", "list (default) or get", {"list", "get"}),
      text("run_id", "get: the run, full id or its first 8 characters"),
      text("sort", "list: sort key",
           {"outcome", "serial", "part_number", "hostname", "project", "phase", "started", "steps", "measurements"}),
      text("order", "list: asc or desc (default desc)", {"asc", "desc"}),
      integer("limit", "list: runs to return (1-1000, default 50)"),
      integer("offset", "list: runs to skip"),
      text("station", "list: only this station id"),
      text("dut_serial", "list: only this DUT serial"),
      text("outcome", "list: only this outcome ('running' for runs in flight)"),
      text("project", "list: only this project"),
      text("phase", "list: only this test phase"),
      text("since", "list: runs started at or after: 2026-11-01, 2026-11-01T08:00:00Z or ns"),
      text("until", "list: runs started before (same forms)")};
  return {
      {"litmus_sessions", "Sessions", "Recorded sessions (one per test program or connect()), newest first.",
       {integer("limit", "Sessions to return (default 100)"), integer("offset", "Sessions to skip")}},
      {"litmus_events", "Events",
       "Recorded events, newest first: instrument reads and settings, steps, measurements, dialogs. Filter by "
       "session, type ('test.measurement' or a prefix like 'instrument.*'), instrument role and time.",
       {text("session_id", "Session id, full or its first 8 characters"),
        text("event_type", "Event type, or 'prefix.*'"), text("role", "Instrument role, e.g. dmm"),
        text("since", "Events at or after: ISO-8601 with a zone, a date, or ns"),
        integer("limit", "Events to return (1-10000, default 100)")}},
      {"litmus_channels", "Channels",
       "Without channel_id: every channel (instrument value streams) with its latest value. With channel_id: its "
       "samples, decimated to max_points with LTTB when given.",
       {text("channel_id", "Channel id, e.g. dmm.voltage"), text("session_id", "Only this session's samples"),
        text("since", "Samples at or after"), text("until", "Samples before"),
        integer("last_n", "Only the last N samples"), integer("max_points", "Decimate to at most this many points")}},
      {"litmus_runs", "Runs",
       "Test runs. action=list: runs sorted and filtered, with pass/fail stats. action=get: one run with its "
       "session, instruments, step and measurement stats.",
       runs},
      {"litmus_steps", "Steps", "Every step attempt of a run: path, vector, inputs, outcome, duration, failures.",
       {run_id}},
      {"litmus_measurements", "Measurements",
       "A run's measurements in order: value, units, limits, outcome, instrument, calibration.",
       {run_id, integer("offset", "Measurements to skip"), integer("limit", "Measurements to return (default 10000)")}},
      {"litmus_metrics", "Metrics",
       "How the line is doing: summary (first pass and final yield), trend, pareto, cpk, retest, time_loss, "
       "assets; definitions in docs/metrics.md.",
       metrics},
      {"litmus_compare", "Compare two runs",
       "What differs between two runs: outcomes, measured values, limits, instruments and calibration.",
       {required(text("run_a", "First run id (or 8-character prefix)")),
        required(text("run_b", "Second run id (or 8-character prefix)"))}},
  };
}

json schema_of(const Tool& tool) {
  json properties = json::object();
  json needed = json::array();
  for (const auto& p : tool.parameters) {
    json property{{"type", p.type}, {"description", p.description}};
    if (!p.choices.empty()) property["enum"] = p.choices;
    if (p.type == "integer") property["minimum"] = 0;
    properties[p.name] = property;
    if (p.required) needed.push_back(p.name);
  }
  json schema{{"type", "object"}, {"properties", properties}, {"additionalProperties", false}};
  if (!needed.empty()) schema["required"] = needed;
  return schema;
}

// The arguments as text, checked against the tool's table.
std::map<std::string, std::string> checked_arguments(const Tool& tool, const json& arguments) {
  std::map<std::string, std::string> values;
  for (const auto& [name, value] : arguments.items()) {
    const auto p = std::find_if(tool.parameters.begin(), tool.parameters.end(),
                                [&](const Parameter& each) { return each.name == name; });
    if (p == tool.parameters.end()) {
      std::string known;
      for (const auto& each : tool.parameters) known += (known.empty() ? "" : ", ") + each.name;
      throw InvalidParams(tool.name + ": unknown argument '" + name + "'; expected " +
                          (known.empty() ? "none" : known));
    }
    if (p->type == "integer") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
        throw InvalidParams(tool.name + ": argument '" + name + "' must be a non-negative integer, not " + value.dump());
      }
      values[name] = std::to_string(value.get<std::int64_t>());
      continue;
    }
    if (!value.is_string()) {
      throw InvalidParams(tool.name + ": argument '" + name + "' must be a string, not " + value.dump());
    }
    const std::string text_value = value.get<std::string>();
    if (!p->choices.empty() && std::find(p->choices.begin(), p->choices.end(), text_value) == p->choices.end()) {
      std::string allowed;
      for (const auto& c : p->choices) allowed += (allowed.empty() ? "" : ", ") + c;
      throw InvalidParams(tool.name + ": argument '" + name + "' is '" + text_value + "'; expected one of " + allowed);
    }
    values[name] = text_value;
  }
  for (const auto& p : tool.parameters) {
    if (p.required && !values.count(p.name)) throw InvalidParams(tool.name + ": argument '" + p.name + "' is required");
  }
  return values;
}

// Removes and returns `name` from `values` ("" when absent).
std::string take(std::map<std::string, std::string>& values, const std::string& name) {
  const auto found = values.find(name);
  if (found == values.end()) return {};
  std::string value = found->second;
  values.erase(found);
  return value;
}

// The GET request a tool call is: its path, the rest as query parameters.
server::Request request_for(const Tool& tool, std::map<std::string, std::string> values) {
  server::Request request;
  request.method = "GET";
  const std::string& name = tool.name;
  if (name == "litmus_sessions") {
    request.path = "/api/sessions";
  } else if (name == "litmus_events") {
    request.path = "/api/events";
    if (auto type = take(values, "event_type"); !type.empty()) values["type"] = type;
    values["order"] = "desc";  // the newest are what an assistant asks about
  } else if (name == "litmus_channels") {
    const std::string channel = take(values, "channel_id");
    if (channel.empty() && !values.empty()) {
      throw InvalidParams("litmus_channels: " + values.begin()->first + " needs a channel_id");
    }
    request.path = channel.empty() ? "/api/channels" : "/api/channels/" + channel;
  } else if (name == "litmus_runs") {
    const std::string action = take(values, "action");
    const std::string run = take(values, "run_id");
    if (action == "get") {
      if (run.empty()) throw InvalidParams("litmus_runs: action 'get' needs run_id");
      if (!values.empty()) throw InvalidParams("litmus_runs: action 'get' takes only run_id, not " + values.begin()->first);
      request.path = "/api/runs/" + run;
    } else {
      if (!run.empty()) throw InvalidParams("litmus_runs: run_id is for action 'get'");
      request.path = "/api/runs";
    }
  } else if (name == "litmus_steps") {
    request.path = "/api/runs/" + take(values, "run_id") + "/steps";
  } else if (name == "litmus_measurements") {
    request.path = "/api/runs/" + take(values, "run_id") + "/measurements";
  } else if (name == "litmus_metrics") {
    std::string action = take(values, "action");
    std::replace(action.begin(), action.end(), '_', '-');
    request.path = "/api/metrics/" + action;
  } else if (name == "litmus_compare") {
    request.path = "/api/compare";
  }
  for (auto& [key, value] : values) request.query.emplace_back(key, std::move(value));
  return request;
}

}  // namespace

LitmusTools::LitmusTools(server::Router* router, std::string no_store)
    : router_(router), no_store_(std::move(no_store)), tools_(tool_table()) {}

std::vector<ToolDescription> LitmusTools::tools() const {
  std::vector<ToolDescription> described;
  for (const auto& tool : tools_) described.push_back({tool.name, tool.title, tool.description, schema_of(tool)});
  return described;
}

std::string LitmusTools::call(std::string_view name, const json& arguments) {
  const auto tool = std::find_if(tools_.begin(), tools_.end(), [&](const Tool& each) { return each.name == name; });
  if (tool == tools_.end()) throw InvalidParams("unknown tool: " + std::string(name));
  const server::Request request = request_for(*tool, checked_arguments(*tool, arguments));
  if (router_ == nullptr) throw ToolFailed(std::string(name) + ": " + no_store_);
  server::Response response = router_->handle(request);
  // Every 200 of a JSON route is one JSON object: passed on as it is.
  if (response.status == 200 && response.content_type == "application/json" && response.body.starts_with('{')) {
    return std::move(response.body);
  }
  const json body = json::parse(response.body, nullptr, false);
  std::string message = body.is_object() ? body.value("error", response.body) : response.body;
  if (body.is_object() && body.contains("detail") && !body["detail"].is_null()) {
    message += " (" + body["detail"].dump() + ")";
  }
  // The route's own 400: an argument the tool table let through but the
  // route refused (a timestamp, an id prefix too short) is still the
  // caller's mistake.
  if (response.status == 400) throw InvalidParams(std::string(name) + ": " + message);
  throw ToolFailed(std::string(name) + ": " + message);
}

}  // namespace litmus::mcp
