// `litmus serve`: the HTTP API, live stream and web UI (SPEC D, E1).

#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <ctime>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "litmus/error.hpp"
#include "server/server.hpp"

namespace litmus::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8000;
  std::filesystem::path data_dir;
  std::filesystem::path project;
  bool reload = false;
};

// SIGINT/SIGTERM stop the server cleanly (threads joined, sockets closed).
// They are blocked in every thread and taken by sigtimedwait on one, so no
// async-signal-safety rules apply to what stopping does.
class StopOnSignal {
 public:
  explicit StopOnSignal(server::Server& server) {
    thread_ = std::thread([this, &server] {
      const sigset_t signals = stop_signals();
      const timespec poll{0, 200'000'000};
      while (!done_) {
        if (::sigtimedwait(&signals, nullptr, &poll) > 0) {
          server.stop();
          return;
        }
      }
    });
  }
  ~StopOnSignal() {
    done_ = true;
    thread_.join();
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  // Call before any thread starts, so every thread inherits the mask.
  static void block() {
    const sigset_t signals = stop_signals();
    ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  }

 private:
  static sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
  }

  std::atomic<bool> done_{false};
  std::thread thread_;
};

int run_serve(const ServeOptions& options) {
  // Without this a typo would serve an empty project without a word.
  if (!options.project.empty() && !std::filesystem::is_directory(options.project)) {
    throw Error("project directory " + options.project.string() + " does not exist");
  }
  const auto project = config::discover_project(options.project);
  server::ServeOptions serve;
  serve.host = options.host;
  serve.port = static_cast<std::uint16_t>(options.port);
  serve.data_dir = resolve_command_data_dir(options.data_dir, project);
  serve.project_root = project.root;
  serve.reload = options.reload;

  StopOnSignal::block();
  server::Server server(serve);
  const StopOnSignal stopper(server);
  const bool ipv6 = serve.host.find(':') != std::string::npos;
  std::cout << "litmus serve: http://" << (ipv6 ? "[" + serve.host + "]" : serve.host) << ':' << server.port()
            << "/  (data dir " << serve.data_dir.string() << ", project " << project.root.string()
            << (serve.reload ? ", reloading configuration on change" : "") << ")" << std::endl;
  server.run();
  return 0;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* sub = app.add_subcommand("serve", "Serve the HTTP API, live event stream and web UI");
  sub->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  sub->add_option("--port", options->port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--data-dir", options->data_dir,
                  "Results directory (default: project data_dir, LITMUS_HOME, ~/.local/share/litmus)");
  sub->add_option("--project", options->project,
                  "Project directory (default: LITMUS_PROJECT, else the nearest with litmus.yaml or stations/)");
  sub->add_flag("--reload", options->reload, "Reload litmus.yaml and stations/ when they change");
  return {sub, [options] { return run_serve(*options); }};
}

}  // namespace litmus::cli
