# Sources of src/transport/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/fd_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ieee_block.cpp
  ${CMAKE_CURRENT_LIST_DIR}/open_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_connection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_reply.cpp
  ${CMAKE_CURRENT_LIST_DIR}/serial_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_socket_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/usbtmc_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/visa_resource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vxi11_transport.cpp
)
