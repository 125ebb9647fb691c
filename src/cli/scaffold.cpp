#include "cli/scaffold.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "cli/project_templates.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {

std::string render_template(std::string_view text, const TemplateValues& values) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view key = text.substr(open + 2, close - open - 2);
    const auto value = values.find(key);
    if (value == values.end()) throw Error("template uses {{" + std::string(key) + "}}, which has no value");
    out.append(text.substr(at, open - at));
    out += value->second;
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

std::string render_embedded(std::string_view path, const TemplateValues& values) {
  for (const auto& file : project_templates()) {
    if (file.path == path) return render_template(file.body, values);
  }
  throw Error("no embedded template " + std::string(path));
}

std::vector<std::filesystem::path> write_templates(std::string_view prefix, const std::filesystem::path& destination,
                                                   const TemplateValues& values) {
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (const auto& file : project_templates()) {
    if (!file.path.starts_with(prefix)) continue;
    const auto target = destination / std::string(file.path.substr(prefix.size()));
    if (std::filesystem::exists(target)) throw Error(target.string() + " already exists; nothing was written");
    files.emplace_back(target, render_template(file.body, values));
  }
  std::vector<std::filesystem::path> written;
  for (const auto& [target, text] : files) {
    std::filesystem::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << text;
    if (!out.flush()) throw Error("cannot write " + target.string());
    written.push_back(target);
  }
  return written;
}

void check_identifier(std::string_view what, std::string_view name) {
  const bool ok = !name.empty() && std::isalpha(static_cast<unsigned char>(name.front())) &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                  });
  if (!ok) {
    throw Error(std::string(what) + " '" + std::string(name) +
                "' must start with a letter and hold only letters, digits, '_' and '-'");
  }
}

}  // namespace litmus::cli
