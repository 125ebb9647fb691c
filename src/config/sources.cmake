# Sources of src/config/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/product_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/station_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_numbers.cpp
)
