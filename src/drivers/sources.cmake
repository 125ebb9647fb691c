# Sources of src/drivers/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/builtin_drivers.cpp
)
