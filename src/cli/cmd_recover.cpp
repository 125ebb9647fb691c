// `litmus recover`: replays journals missing from the store and closes the
// sessions of processes that died (SPEC C1), then prints what it did.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"

namespace litmus::cli {
namespace {

struct RecoverOptions {
  std::filesystem::path data_dir;
};

int run_recover(const RecoverOptions& options) {
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  auto store = store::EventStore::open(data_dir, store::EventStore::Mode::read_write);
  const auto report =
      store::recover(data_dir, *store, [](const std::string& line) { std::cerr << "recover: " << line << '\n'; });
  std::cout << "data dir:           " << data_dir.string() << '\n'
            << "journals scanned:   " << report.journals_scanned << '\n'
            << "journals live:      " << report.journals_live << " (held by running processes, left alone)\n"
            << "journals replayed:  " << report.journals_replayed << " (" << report.events_replayed
            << " events)\n"
            << "sessions aborted:   " << report.sessions_closed << '\n'
            << "problems:           " << report.problems.size() << '\n';
  for (const auto& problem : report.problems) std::cout << "  " << problem << '\n';
  return 0;
}

}  // namespace

Command add_recover_command(CLI::App& app) {
  auto options = std::make_shared<RecoverOptions>();
  auto* sub = app.add_subcommand("recover", "Replay unfinished journals into the store and close crashed sessions");
  sub->add_option("--data-dir", options->data_dir, "Results directory (default: project data_dir, LITMUS_HOME, "
                                                   "~/.local/share/litmus)");
  return {sub, [options] { return run_recover(*options); }};
}

}  // namespace litmus::cli
