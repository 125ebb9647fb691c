# EmbedWeb.cmake — builds the operator UI (web/, TypeScript + Vite) and embeds
# it into the `litmus` binary.
#
#   web/src/**, index.html, package*.json, vite.config.ts, tsconfig.json
#     │  npm run build (Vite; outDir = ${CMAKE_BINARY_DIR}/web-dist)
#     ▼
#   web-dist/ ── litmus_embed_assets (tools/embed_assets.cpp, a host tool)
#     ▼
#   generated/static_assets.cpp → static library `litmus_web_assets`
#   (defines litmus::server::static_assets() of src/server/static_assets.hpp)
#
# Included from the top-level CMakeLists.txt before add_subdirectory(src/server);
# the server links litmus_web_assets. Node modules come from
# scripts/bootstrap.sh (npm ci in web/); nothing is downloaded at build time.

set(LITMUS_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
set(LITMUS_WEB_DIST ${CMAKE_BINARY_DIR}/web-dist)
set(LITMUS_WEB_GENERATED ${CMAKE_BINARY_DIR}/generated/static_assets.cpp)

if(DEFINED LITMUS_BUILD_WEB AND NOT LITMUS_BUILD_WEB)
  # -DLITMUS_BUILD_WEB=OFF (no Node on this machine): still provide
  # litmus_web_assets, with one page saying so, so the server links the same.
  set(LITMUS_WEB_DIST ${CMAKE_BINARY_DIR}/web-stub)
  set(LITMUS_WEB_STAMP ${LITMUS_WEB_DIST}/index.html)
  file(WRITE ${LITMUS_WEB_STAMP}
    "<!doctype html><meta charset=\"utf-8\"><title>Litmus</title>"
    "<p>This litmus was built without its web UI (LITMUS_BUILD_WEB=OFF). "
    "The HTTP API under /api works.</p>\n")
else()
  # Fail at configure time, not halfway through a build, when npm ci has not run.
  if(NOT EXISTS ${LITMUS_WEB_DIR}/node_modules/.bin/vite)
    # Indented lines are kept whole by CMake, so the command stays greppable.
    message(FATAL_ERROR
      "web/node_modules is missing, so the web UI cannot be built:\n"
      "  run scripts/bootstrap.sh (npm ci in web/)\n"
      "or configure with -DLITMUS_BUILD_WEB=OFF to build without the UI.")
  endif()
  find_program(LITMUS_NPM npm)
  if(NOT LITMUS_NPM)
    message(FATAL_ERROR
      "npm not found, so the web UI cannot be built:\n"
      "  run scripts/bootstrap.sh (npm ci in web/)")
  endif()

  # CONFIGURE_DEPENDS: a page added under web/src/ is picked up without a manual
  # re-configure.
  file(GLOB_RECURSE LITMUS_WEB_SOURCES CONFIGURE_DEPENDS
    ${LITMUS_WEB_DIR}/src/*)
  list(APPEND LITMUS_WEB_SOURCES
    ${LITMUS_WEB_DIR}/index.html
    ${LITMUS_WEB_DIR}/package.json
    ${LITMUS_WEB_DIR}/package-lock.json
    ${LITMUS_WEB_DIR}/tsconfig.json
    ${LITMUS_WEB_DIR}/vite.config.ts)

  # The stamp, not the dist folder, is the output: Vite's file names carry
  # content hashes, so the list of outputs is not known in advance.
  set(LITMUS_WEB_STAMP ${CMAKE_BINARY_DIR}/web-dist.stamp)
  add_custom_command(
    OUTPUT ${LITMUS_WEB_STAMP}
    COMMAND ${CMAKE_COMMAND} -E env LITMUS_WEB_OUT_DIR=${LITMUS_WEB_DIST}
            ${LITMUS_NPM} run --silent build
    COMMAND ${CMAKE_COMMAND} -E touch ${LITMUS_WEB_STAMP}
    WORKING_DIRECTORY ${LITMUS_WEB_DIR}
    DEPENDS ${LITMUS_WEB_SOURCES}
    COMMENT "Building the web UI (npm run build in web/)"
    VERBATIM)
endif()

# A host tool: it runs during the build, so it is built for the build machine.
add_executable(litmus_embed_assets ${PROJECT_SOURCE_DIR}/tools/embed_assets.cpp)
target_compile_features(litmus_embed_assets PRIVATE cxx_std_20)
target_compile_options(litmus_embed_assets PRIVATE ${LITMUS_WARNINGS})

add_custom_command(
  OUTPUT ${LITMUS_WEB_GENERATED}
  COMMAND litmus_embed_assets ${LITMUS_WEB_DIST} ${LITMUS_WEB_GENERATED}
          server/static_assets.hpp litmus::server::static_assets index.html
  DEPENDS litmus_embed_assets ${LITMUS_WEB_STAMP}
  COMMENT "Embedding the web UI into static_assets.cpp"
  VERBATIM)

add_library(litmus_web_assets STATIC ${LITMUS_WEB_GENERATED})
# static_assets.hpp is included as "server/static_assets.hpp".
target_include_directories(litmus_web_assets PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_compile_features(litmus_web_assets PUBLIC cxx_std_20)
target_compile_options(litmus_web_assets PRIVATE ${LITMUS_WARNINGS})
