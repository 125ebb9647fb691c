#pragma once
// CSV as RFC 4180 quotes it, for the exports: a field holding a comma, a
// double quote, CR or LF is put in double quotes with its quotes doubled;
// lines end with LF.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::exporting {

void append_csv_field(std::string& out, std::string_view text);
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace litmus::exporting
