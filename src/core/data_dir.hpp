#pragma once
// Where results live and how the data dir is laid out:
//   <data_dir>/litmus.db                 the EventStore (SQLite)
//   <data_dir>/journal/<session>.journal one append-only journal per session
//   <data_dir>/arrays/<session>/<seq>.bin the bytes of large arrays (waveforms),
//                                        named by their channel_arrays row
//   <data_dir>/live.sock                 wake-up datagrams for `litmus serve`

#include <filesystem>

namespace litmus {

// explicit → LITMUS_HOME → ~/.local/share/litmus (project `data_dir:` is
// applied by the caller before this, see config/project_config.hpp).
std::filesystem::path resolve_data_dir(const std::filesystem::path& explicit_dir);

std::filesystem::path journal_dir(const std::filesystem::path& data_dir);
std::filesystem::path store_path(const std::filesystem::path& data_dir);
std::filesystem::path live_socket_path(const std::filesystem::path& data_dir);

// Creates data_dir and journal/ if missing; throws litmus::Error naming the
// directory when it cannot.
void ensure_data_dir(const std::filesystem::path& data_dir);

}  // namespace litmus
