#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace litmus::testing {

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace litmus::testing
