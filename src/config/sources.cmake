# Sources of src/config/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/asset_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fixture_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instrument_type_key.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iso_date.cpp
  ${CMAKE_CURRENT_LIST_DIR}/limit_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/product_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/profile_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_check.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_data_dir.cpp
  ${CMAKE_CURRENT_LIST_DIR}/project_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/station_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/station_selection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_numbers.cpp
)
