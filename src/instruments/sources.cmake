# Sources of src/instruments/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/argument_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dmm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/driver_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/eload.cpp
  ${CMAKE_CURRENT_LIST_DIR}/function_generator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instrument.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instrument_factory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instrument_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/last_read.cpp
  ${CMAKE_CURRENT_LIST_DIR}/psu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/smu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/switch_matrix.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_dmm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_instrument.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_methods.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_psu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_switch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mock/mock_value.cpp
)
