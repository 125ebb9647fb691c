# Sources of src/metrics/, part of the litmus library.
target_sources(litmus PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/asset_usage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/capability.cpp
  ${CMAKE_CURRENT_LIST_DIR}/histogram.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics_filter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/metrics_request.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pareto.cpp
  ${CMAKE_CURRENT_LIST_DIR}/retest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_comparison.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_facts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_loss.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yield.cpp
)
