#pragma once
// LitmusTools: the MCP tools of `litmus mcp` (docs/mcp.md). Each tool is a
// read-only GET of the HTTP API, called in-process through the same Router
// that `litmus serve` uses, so a tool answers exactly what the route
// answers and validates exactly as it does. The table of parameters below
// is the one source of each tool's JSON Schema and of the argument checks
// made before the route is asked.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mcp/mcp_server.hpp"
#include "server/router.hpp"

namespace litmus::mcp {

class LitmusTools : public ToolSet {
 public:
  // Without a router (no results store yet) every call fails with
  // `no_store`, saying where the results were looked for.
  LitmusTools(server::Router* router, std::string no_store);

  std::vector<ToolDescription> tools() const override;
  std::string call(std::string_view name, const nlohmann::json& arguments) override;

  struct Parameter {
    std::string name;
    std::string type;  // "string" or "integer"
    std::string description;
    std::vector<std::string> choices;  // when only these are allowed
    bool required = false;
  };
  struct Tool {
    std::string name;
    std::string title;
    std::string description;
    std::vector<Parameter> parameters;
  };

 private:
  server::Router* router_;
  std::string no_store_;
  std::vector<Tool> tools_;
};

}  // namespace litmus::mcp
