#include "litmus/transport.hpp"

#include "transport/serial_transport.hpp"
#include "transport/tcp_socket_transport.hpp"
#include "transport/usbtmc_transport.hpp"
#include "transport/visa_resource.hpp"
#include "transport/vxi11_transport.hpp"

namespace litmus {

std::unique_ptr<Transport> open_transport(std::string_view resource, std::chrono::milliseconds timeout) {
  const auto parsed = transport::parse_visa_resource(resource);
  std::string name(resource);
  switch (parsed.interface) {
    case transport::Interface::tcp_socket:
      return std::make_unique<transport::TcpSocketTransport>(std::move(name), parsed.host, parsed.port, timeout);
    case transport::Interface::vxi11:
      return std::make_unique<transport::Vxi11Transport>(std::move(name), parsed.host, parsed.device_name, timeout);
    case transport::Interface::serial:
      return std::make_unique<transport::SerialTransport>(std::move(name), parsed.serial_path, parsed.serial);
    case transport::Interface::usbtmc: {
      const std::string node = parsed.device_path.empty() ? transport::find_usbtmc_node(name, parsed.usb_vendor,
                                                                                         parsed.usb_product,
                                                                                         parsed.usb_serial)
                                                          : parsed.device_path;
      return std::make_unique<transport::UsbtmcTransport>(std::move(name), node);
    }
  }
  throw InstrumentError(name + ": unsupported resource");
}

}  // namespace litmus
