#pragma once
// McpServer: the Model Context Protocol over stdio (JSON-RPC 2.0, one JSON
// message per line) — initialize, ping, tools/list, tools/call — for the
// tools a ToolSet offers. Protocol errors are JSON-RPC error objects: parse
// error (-32700), invalid request (-32600), unknown method (-32601),
// invalid params, an unknown tool or a bad argument included (-32602).
// A tool that runs and fails (a run that does not exist) answers a result
// with isError set, which the model reads, as the MCP spec asks.

#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::mcp {

// A bad argument or an unknown tool: becomes JSON-RPC error -32602.
class InvalidParams : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A tool that ran and failed: becomes a result with isError.
class ToolFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ToolDescription {
  std::string name;
  std::string title;
  std::string description;
  nlohmann::json input_schema;  // a JSON Schema object
};

class ToolSet {
 public:
  virtual ~ToolSet() = default;
  virtual std::vector<ToolDescription> tools() const = 0;
  // The tool's answer: the text of one JSON object, which the server puts
  // into its reply as it is (an answer can be megabytes: it is never parsed
  // and dumped again). Throws InvalidParams or ToolFailed.
  virtual std::string call(std::string_view name, const nlohmann::json& arguments) = 0;
};

struct ServerInfo {
  std::string name;
  std::string version;
  std::string instructions;  // told to the client at initialize
};

class McpServer {
 public:
  McpServer(ToolSet& tools, ServerInfo info);

  // The answer to one message (a line of text) as one line of JSON text,
  // or nullopt for a notification.
  std::optional<std::string> handle(std::string_view line);

  // Reads messages from `in` until end of file, writing each answer to
  // `out` as one line.
  void serve(std::istream& in, std::ostream& out);

 private:
  // Appends the result member's JSON text to `out`.
  void dispatch(const std::string& method, const nlohmann::json& params, std::string& out);
  nlohmann::json initialize(const nlohmann::json& params);
  void call_tool(const nlohmann::json& params, std::string& out);

  ToolSet& tools_;
  ServerInfo info_;
};

}  // namespace litmus::mcp
