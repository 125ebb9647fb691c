#include "discovery/instrument_guess.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace litmus {

namespace {

struct ModelRule {
  std::string_view manufacturer;  // a word of the manufacturer field, upper case; empty: any
  std::string_view model_prefix;  // upper case
  std::string_view type;
  std::string_view driver;
};

// Model families with a driver of their own first, then families the
// generic SCPI driver serves.
constexpr std::array<ModelRule, 17> kRules{{
    {"KEYSIGHT", "344", "dmm", "keysight_344xx"},
    {"AGILENT", "344", "dmm", "keysight_344xx"},
    {"RIGOL", "DP8", "psu", "rigol_dp800"},
    {"RIGOL", "DS1", "scope", "rigol_ds1000z"},
    {"RIGOL", "MSO1", "scope", "rigol_ds1000z"},
    {"RIGOL", "DL3", "eload", ""},
    {"RIGOL", "DG", "fgen", ""},
    {"RIGOL", "DM3", "dmm", ""},
    {"KEYSIGHT", "E36", "psu", ""},
    {"KEYSIGHT", "EDU36", "psu", ""},
    {"KEYSIGHT", "33", "fgen", ""},
    {"KEYSIGHT", "B29", "smu", ""},
    {"KEYSIGHT", "349", "switch", ""},
    {"KEITHLEY", "24", "smu", ""},
    {"KEITHLEY", "26", "smu", ""},
    {"KEITHLEY", "DMM", "dmm", ""},
    {"SIGLENT", "SDS", "scope", ""},
}};

struct WordRule {
  std::string_view word;  // upper case, anywhere in the model
  std::string_view type;
};

constexpr std::array<WordRule, 8> kWords{{
    {"DMM", "dmm"},
    {"MULTIMETER", "dmm"},
    {"SUPPLY", "psu"},
    {"PSU", "psu"},
    {"SCOPE", "scope"},
    {"LOAD", "eload"},
    {"GENERATOR", "fgen"},
    {"SWITCH", "switch"},
}};

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

}  // namespace

std::optional<InstrumentGuess> guess_instrument(const InstrumentIdentity& identity) {
  const std::string manufacturer = upper(identity.manufacturer);
  const std::string model = upper(identity.model);
  for (const auto& rule : kRules) {
    if (manufacturer.find(rule.manufacturer) == std::string::npos) continue;
    if (model.rfind(rule.model_prefix, 0) != 0) continue;
    return InstrumentGuess{std::string(rule.type), std::string(rule.driver)};
  }
  for (const auto& rule : kWords) {
    if (model.find(rule.word) != std::string::npos) return InstrumentGuess{std::string(rule.type), ""};
  }
  return std::nullopt;
}

}  // namespace litmus
