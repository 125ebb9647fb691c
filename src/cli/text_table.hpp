#pragma once
// Plain-text tables for terminal output: one header line, then rows, each
// column as wide as its widest cell, two spaces apart.

#include <ostream>
#include <string>
#include <vector>

namespace litmus::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);

  // Missing cells print empty; extra cells are dropped.
  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  // Invariant: every row has headers_.size() cells.
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace litmus::cli
