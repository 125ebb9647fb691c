#pragma once
// Writing project files from the embedded templates: "{{key}}" in a
// template becomes the key's value. Existing files are never overwritten.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::cli {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

// "{{key}}" → value; an unknown key is an error (a template bug).
std::string render_template(std::string_view text, const TemplateValues& values);

// The embedded template `path` ("/new_test/test.cpp"), rendered.
std::string render_embedded(std::string_view path, const TemplateValues& values);

// Writes every template under `prefix` ("/starter/") into `destination`,
// keeping relative paths. Throws litmus::Error naming the first file that
// already exists, before writing anything.
std::vector<std::filesystem::path> write_templates(std::string_view prefix, const std::filesystem::path& destination,
                                                   const TemplateValues& values);

// A name usable as a directory, CMake project and file name: letters,
// digits, '_' and '-', starting with a letter. Throws litmus::Error.
void check_identifier(std::string_view what, std::string_view name);

}  // namespace litmus::cli
