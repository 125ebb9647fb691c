#include "sim/sim_psu.hpp"

#include <cctype>
#include <cstdio>

#include "sim/optional_setting.hpp"
#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

std::string on_off(bool on) { return on ? "ON" : "OFF"; }

}  // namespace

SimPsu::SimPsu() : SimInstrument("psu", {"RIGOL TECHNOLOGIES", "DP832", "DP8C000000001", "00.01.16"}) {
  outputs_ = {PsuOutput{}, PsuOutput{}, PsuOutput{5.0, 3.0}};
  reset();
  add_commands();
}

void SimPsu::reset() {
  for (auto& output : outputs_) {
    output.voltage = 0.0;
    output.current_limit = output.max_current;
    output.on = false;
  }
  selected_ = 1;
}

std::size_t SimPsu::index(int output) const { return checked_index(output, outputs_.size(), "output"); }

PsuOutput& SimPsu::at(int output) { return outputs_[index(output)]; }

int SimPsu::addressed(const Call& call, std::size_t arg) const {
  const int number = call.has(arg) ? call.numbered(arg, {"CH", "OUTPut"}) : call.suffix(0, selected_);
  index(number);
  return number;
}

SimPsu::Reading SimPsu::read(int output) const {
  const PsuOutput& o = outputs_[static_cast<std::size_t>(output - 1)];
  if (!o.on) return {0.0, 0.0, false};
  if (o.load_ohms <= 0.0) return {o.voltage, 0.0, false};
  const double demand = o.voltage / o.load_ohms;
  if (demand <= o.current_limit) return {o.voltage, demand, false};
  return {o.current_limit * o.load_ohms, o.current_limit, true};
}

void SimPsu::add_commands() {
  auto& table = commands();
  table.add("INSTrument:NSELect", 1, [this](Call& call) {
    selected_ = static_cast<int>(call.integer(0, 1, static_cast<long long>(outputs_.size())));
  });
  table.add("INSTrument:NSELect?", 0, [this](Call& call) { call.reply = std::to_string(selected_); });
  table.add("INSTrument[:SELect]", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    selected_ = number;
  });
  table.add("INSTrument[:SELect]?", 0, [this](Call& call) { call.reply = "CH" + std::to_string(selected_); });

  table.add("[SOURce#]:VOLTage[:LEVel][:IMMediate][:AMPLitude]", 1, [this](Call& call) {
    PsuOutput& o = at(call.suffix(0, selected_));
    const double volts = call.number(0, {0.0, o.max_voltage, 0.0});
    o.voltage = volts;
  });
  table.add("[SOURce#]:VOLTage[:LEVel][:IMMediate][:AMPLitude]?", 1,
            [this](Call& call) { call.reply = format_number(at(call.suffix(0, selected_)).voltage); });
  table.add("[SOURce#]:CURRent[:LEVel][:IMMediate][:AMPLitude]", 1, [this](Call& call) {
    PsuOutput& o = at(call.suffix(0, selected_));
    o.current_limit = call.number(0, {0.0, o.max_current, o.max_current});
  });
  table.add("[SOURce#]:CURRent[:LEVel][:IMMediate][:AMPLitude]?", 1,
            [this](Call& call) { call.reply = format_number(at(call.suffix(0, selected_)).current_limit); });

  // OUTP ON | OUTP CH2,ON | OUTP2 ON
  table.add("OUTPut#[:STATe]", 2, [this](Call& call) {
    const bool rigol = call.arg_count() == 2;
    at(rigol ? addressed(call, 0) : call.suffix(0, selected_)).on = call.boolean(rigol ? 1 : 0);
  });
  // OUTP? CH2 answers ON/OFF (Rigol), OUTP? 1/0 (generic SCPI).
  table.add("OUTPut#[:STATe]?", 1, [this](Call& call) {
    const bool on = at(addressed(call, 0)).on;
    call.reply = call.has(0) ? on_off(on) : (on ? "1" : "0");
  });
  table.add("OUTPut#:MODE?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    call.reply = read(number).constant_current ? "CC" : "CV";
  });

  table.add("MEASure[:SCALar]:VOLTage[:DC]?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    call.reply = format_number(noisy(read(number).voltage));
  });
  table.add("MEASure[:SCALar]:CURRent[:DC]?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    call.reply = format_number(noisy(read(number).current));
  });
  table.add("MEASure[:SCALar]:POWEr[:DC]?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    const Reading r = read(number);
    call.reply = format_number(noisy(r.voltage * r.current));
  });
  table.add("MEASure:ALL[:DC]?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    const Reading r = read(number);
    const double volts = noisy(r.voltage);
    const double amps = noisy(r.current);
    call.reply = format_number(volts) + "," + format_number(amps) + "," + format_number(volts * amps);
  });

  // APPL CH2,5,1 (Rigol) or APPL 5,1 (the selected output).
  table.add("APPLy", 3, [this](Call& call) {
    const bool named = call.has(0) && std::isalpha(static_cast<unsigned char>(call.text(0).front()));
    const int number = named ? addressed(call, 0) : selected_;
    PsuOutput& o = at(number);
    const std::size_t first = named ? 1 : 0;
    const double volts = call.number(first, {0.0, o.max_voltage, 0.0});
    const double amps = call.has(first + 1) ? call.number(first + 1, {0.0, o.max_current, o.max_current})
                                            : o.current_limit;
    o.voltage = volts;
    o.current_limit = amps;
  });
  table.add("APPLy?", 1, [this](Call& call) {
    const int number = addressed(call, 0);
    const PsuOutput& o = at(number);
    char rating[64];
    std::snprintf(rating, sizeof(rating), "CH%d:%gV/%gA,", number, o.max_voltage, o.max_current);
    call.reply = rating + format_number(o.voltage) + "," + format_number(o.current_limit);
  });
}

void SimPsu::set_load(int output, double ohms) {
  std::lock_guard lock(mutex());
  at(output).load_ohms = ohms;
}

PsuOutput SimPsu::output(int output) const {
  std::lock_guard lock(mutex());
  return outputs_[index(output)];
}

void SimPsu::configure(const config::YamlAt& settings) {
  config::check_keys(settings, {"outputs"});
  if (!settings.node["outputs"]) return;
  const config::YamlAt list = settings.child("outputs");
  if (!list.node.IsSequence() || list.node.size() == 0) list.fail("expected a list of outputs");
  outputs_.clear();
  for (std::size_t i = 0; i < list.node.size(); ++i) {
    const config::YamlAt item{list.file, list.node[i], list.key_path + "[" + std::to_string(i) + "]"};
    config::check_keys(item, {"max_voltage", "max_current", "load_ohms"});
    PsuOutput output;
    read_optional_real(item, "max_voltage", output.max_voltage);
    read_optional_real(item, "max_current", output.max_current);
    read_optional_real(item, "load_ohms", output.load_ohms);
    outputs_.push_back(output);
  }
  reset();
}

}  // namespace litmus::sim
