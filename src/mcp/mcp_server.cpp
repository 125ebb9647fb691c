#include "mcp/mcp_server.hpp"

#include <algorithm>

#include "core/json_text.hpp"

namespace litmus::mcp {

namespace {

using nlohmann::json;

// Newest first; a client asking for one of these gets it, any other gets
// the newest (the client then decides whether it can go on).
constexpr std::string_view kProtocolVersions[] = {"2025-06-18", "2025-03-26", "2024-11-05"};

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;

// A JSON-RPC error to answer with; thrown inside, caught by handle().
struct RpcError {
  int code;
  std::string message;
};

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_answer(const json& id, int code, const std::string& message) {
  return dump({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

}  // namespace

McpServer::McpServer(ToolSet& tools, ServerInfo info) : tools_(tools), info_(std::move(info)) {}

std::optional<std::string> McpServer::handle(std::string_view line) {
  const json message = json::parse(line, nullptr, false);
  if (message.is_discarded()) return error_answer(nullptr, kParseError, "parse error: not JSON");
  if (!message.is_object()) return error_answer(nullptr, kInvalidRequest, "invalid request: expected one JSON object");
  const auto id_field = message.find("id");
  const bool is_request = id_field != message.end();
  const json id = is_request ? *id_field : json(nullptr);
  if (is_request && !id.is_string() && !id.is_number_integer()) {
    return error_answer(nullptr, kInvalidRequest, "invalid request: id must be a string or an integer");
  }
  const auto method = message.find("method");
  if (message.value("jsonrpc", "") != "2.0" || method == message.end() || !method->is_string()) {
    // A response from the client (we never ask it anything) or garbage.
    if (!is_request || message.contains("result") || message.contains("error")) return std::nullopt;
    return error_answer(id, kInvalidRequest, "invalid request: expected jsonrpc \"2.0\" and a method");
  }
  const json params = message.value("params", json::object());
  if (!is_request) return std::nullopt;  // notifications/initialized, cancelled, …: nothing to answer
  try {
    if (!params.is_object()) throw RpcError{kInvalidParams, "params must be an object"};
    // The result is written after the envelope's start, not copied there:
    // a tool's answer can be megabytes.
    std::string answer = R"({"id":)" + dump(id) + R"(,"jsonrpc":"2.0","result":)";
    dispatch(method->get<std::string>(), params, answer);
    answer += '}';
    return answer;
  } catch (const RpcError& error) {
    return error_answer(id, error.code, error.message);
  } catch (const InvalidParams& error) {
    return error_answer(id, kInvalidParams, error.what());
  } catch (const std::exception& error) {
    return error_answer(id, kInternalError, std::string("internal error: ") + error.what());
  }
}

void McpServer::serve(std::istream& in, std::ostream& out) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (const auto answer = handle(line)) out << *answer << '\n' << std::flush;
  }
}

void McpServer::dispatch(const std::string& method, const json& params, std::string& out) {
  if (method == "initialize") {
    out += dump(initialize(params));
    return;
  }
  if (method == "ping") {
    out += "{}";
    return;
  }
  if (method == "tools/list") {
    json list = json::array();
    for (const auto& tool : tools_.tools()) {
      list.push_back({{"name", tool.name},
                      {"title", tool.title},
                      {"description", tool.description},
                      {"inputSchema", tool.input_schema}});
    }
    out += dump({{"tools", list}});
    return;
  }
  if (method == "tools/call") {
    call_tool(params, out);
    return;
  }
  throw RpcError{kMethodNotFound, "method not found: " + method};
}

json McpServer::initialize(const json& params) {
  const std::string asked = params.value("protocolVersion", "");
  const auto known = std::find(std::begin(kProtocolVersions), std::end(kProtocolVersions), asked);
  const std::string_view version = known != std::end(kProtocolVersions) ? *known : kProtocolVersions[0];
  json result{{"protocolVersion", version},
              {"capabilities", {{"tools", {{"listChanged", false}}}}},
              {"serverInfo", {{"name", info_.name}, {"version", info_.version}}}};
  if (!info_.instructions.empty()) result["instructions"] = info_.instructions;
  return result;
}

void McpServer::call_tool(const json& params, std::string& out) {
  const auto name = params.find("name");
  if (name == params.end() || !name->is_string()) throw InvalidParams("tools/call: name must be a string");
  const json arguments = params.value("arguments", json::object());
  if (!arguments.is_object()) throw InvalidParams("tools/call: arguments must be an object");
  try {
    // The answer twice, as the spec asks of structured results: as text
    // for the model and as the object itself.
    const std::string answer = tools_.call(name->get<std::string>(), arguments);
    // Room for the answer twice, escaped once: no regrowing a megabyte string.
    out.reserve(out.size() + 2 * answer.size() + answer.size() / 4 + 128);
    out += R"({"content":[{"text":)";
    json_text::append_long_string(out, answer);
    out += R"(,"type":"text"}],"structuredContent":)";
    out += answer;
    out += '}';
  } catch (const ToolFailed& failure) {
    out += dump({{"content", {{{"type", "text"}, {"text", failure.what()}}}}, {"isError", true}});
  }
}

}  // namespace litmus::mcp
