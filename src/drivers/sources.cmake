# Sources of src/drivers/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/builtin_drivers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dmm_syntax.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keysight_344xx.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rigol_dp800.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rigol_ds1000z.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_dmm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_eload.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_fgen.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_psu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_scope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_smu.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_switch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scpi_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/waveform_preamble.cpp
)
