# Sources of src/discovery/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/instrument_discovery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instrument_guess.cpp
)
