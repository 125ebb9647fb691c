#include "discovery/instrument_discovery.hpp"

#include <glob.h>
#include <libserialport.h>
#include <lxi.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "litmus/scpi_connection.hpp"
#include "litmus/transport.hpp"
#include "transport/scpi_reply.hpp"

namespace litmus {

namespace {

constexpr int kDefaultScpiPort = 5025;

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

void report(const DiscoveryOptions& options, const std::string& message) {
  if (options.progress) options.progress(message);
}

// Asks *IDN? on `found.resource`; a failure is kept in `found.error`.
void ask_identity(DiscoveredInstrument& found, const DiscoveryOptions& options) {
  report(options, "asking " + found.resource + " *IDN?");
  try {
    ScpiConnection io(open_transport(found.resource, options.timeout), ScpiOptions{.timeout = options.timeout});
    const auto reply = io.identify();
    found.idn = reply.raw;
    found.identity = {reply.manufacturer, reply.model, reply.serial, reply.firmware};
  } catch (const std::exception& error) {
    found.error = error.what();
  }
}

// liblxi's callbacks carry no user pointer, so the broadcast's answers are
// collected in one place, one discovery at a time.
std::mutex lxi_mutex;
std::vector<std::pair<std::string, std::string>>* lxi_answers = nullptr;

void on_lxi_device(const char* address, const char* id) {
  if (lxi_answers) lxi_answers->emplace_back(address ? address : "", id ? id : "");
}

void discover_vxi11(const DiscoveryOptions& options, std::vector<DiscoveredInstrument>& out) {
  report(options, "broadcasting for VXI-11 instruments (" + std::to_string(options.timeout.count()) + " ms)");
  std::vector<std::pair<std::string, std::string>> answers;
  {
    std::lock_guard lock(lxi_mutex);
    lxi_answers = &answers;
    lxi_info_t info{};
    info.device = on_lxi_device;
    lxi_init();
    lxi_discover(&info, static_cast<int>(options.timeout.count()), DISCOVER_VXI11);
    lxi_answers = nullptr;
  }
  for (const auto& [address, id] : answers) {
    DiscoveredInstrument found;
    found.resource = "TCPIP::" + address + "::INSTR";
    found.interface = "vxi11";
    found.idn = trimmed(id);
    found.identity = transport::split_idn(found.idn);
    out.push_back(std::move(found));
  }
}

void discover_usbtmc(const DiscoveryOptions& options, std::vector<DiscoveredInstrument>& out) {
  glob_t matches{};
  if (::glob("/dev/usbtmc*", 0, nullptr, &matches) == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
      DiscoveredInstrument found;
      found.resource = matches.gl_pathv[i];
      found.interface = "usbtmc";
      ask_identity(found, options);
      out.push_back(std::move(found));
    }
  }
  ::globfree(&matches);
}

void discover_serial(const DiscoveryOptions& options, std::vector<DiscoveredInstrument>& out) {
  report(options, "listing serial ports");
  sp_port** ports = nullptr;
  if (sp_list_ports(&ports) != SP_OK) return;
  for (sp_port** port = ports; *port != nullptr; ++port) {
    DiscoveredInstrument found;
    const std::string name = sp_get_port_name(*port);
    found.resource = "ASRL" + name + "::INSTR";
    found.interface = "serial";
    if (const char* description = sp_get_port_description(*port)) found.description = description;
    if (options.probe_serial) {
      found.resource += "?baud=" + std::to_string(options.baud);
      ask_identity(found, options);
    }
    out.push_back(std::move(found));
  }
  sp_free_port_list(ports);
}

std::string socket_resource(std::string_view host) {
  std::string name(host);
  int port = kDefaultScpiPort;
  // "host:port", but not an IPv6 address's colons.
  if (const auto colon = name.rfind(':'); colon != std::string::npos && name.find(':') == colon) {
    port = std::stoi(name.substr(colon + 1));
    if (port < 1 || port > 65535) throw std::out_of_range("port");
    name.resize(colon);
  }
  return "TCPIP::" + name + "::" + std::to_string(port) + "::SOCKET";
}

}  // namespace

std::vector<DiscoveredInstrument> discover_instruments(const DiscoveryOptions& options) {
  std::vector<DiscoveredInstrument> found;
  for (const auto& host : options.hosts) {
    DiscoveredInstrument candidate;
    candidate.interface = "socket";
    try {
      candidate.resource = socket_resource(host);
    } catch (const std::exception&) {
      candidate.resource = host;
      candidate.error = "expected HOST or HOST:PORT";
      found.push_back(std::move(candidate));
      continue;
    }
    ask_identity(candidate, options);
    found.push_back(std::move(candidate));
  }
  if (options.vxi11) discover_vxi11(options, found);
  if (options.usbtmc) discover_usbtmc(options, found);
  if (options.serial) discover_serial(options, found);
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.interface != b.interface ? a.interface < b.interface : a.resource < b.resource;
  });
  return found;
}

}  // namespace litmus
