#pragma once
// EventLog: the one way facts enter Litmus.
//
// emit() (1) appends the event to the session's journal with a single
// write(2), so it is in the OS page cache — safe from a crash of this
// process — before emit() returns; (2) wakes the background store writer,
// which reads the journal and commits batches to the EventStore; (3) calls
// in-process subscribers. session.ended and run.ended are fsynced before
// emit() returns. The store may be slow or locked: emit() never waits for
// it, and memory stays bounded because the journal is the queue.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>

#include "litmus/event.hpp"
#include "litmus/sample_codes.hpp"

namespace litmus {

struct EventLogOptions {
  std::filesystem::path data_dir;  // required: holds journal/ and litmus.db
  // Start a background thread that feeds the store from the journal. Off
  // only for tools that ingest the journal themselves.
  bool ingest = true;
  // How long closing waits for the store to catch up before leaving the
  // rest to recovery (the journal keeps it either way).
  std::chrono::milliseconds close_drain_timeout{10000};
};

class EventLog {
 public:
  // Creates the journal of a new session. An empty session_id makes a new
  // UUID. Throws JournalError when the journal cannot be created.
  static std::unique_ptr<EventLog> create(EventLogOptions options, std::string session_id = {});

  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;
  // Waits (bounded) for the store to catch up, then releases the journal.
  ~EventLog();

  const std::string& session_id() const;
  const std::filesystem::path& journal_path() const;
  const std::filesystem::path& data_dir() const;

  // Appends one event; returns its seq. Throws JournalError if the event
  // could not be written (it is then not recorded), std::invalid_argument
  // for an empty type.
  std::uint64_t emit(std::string_view type, const nlohmann::json& payload, const EventContext& context = {});

  // Fast path: payload_json must be one serialised JSON object.
  std::uint64_t emit_json(std::string_view type, std::string_view payload_json, const EventContext& context = {});

  // Emits an event whose array value goes to the ChannelStore. The stored
  // payload is `payload` plus "value": {"_ref":
  // "channel://<channel>/<session>/<seq>", "length": N}.
  std::uint64_t emit_samples(std::string_view type, const nlohmann::json& payload, std::string_view channel,
                             std::span<const double> samples, const EventContext& context = {});
  // The same for an array kept as an instrument's codes (u8 or u16le; a
  // float64 `codes` is taken as its doubles): the journal and the store
  // hold the codes and their scaling, 1–2 bytes a sample instead of 8, and
  // the store's readers see decode_samples() of them.
  std::uint64_t emit_samples(std::string_view type, const nlohmann::json& payload, std::string_view channel,
                             const SampleCodes& codes, const EventContext& context = {});

  // Forces everything emitted so far to stable storage (fsync).
  void sync();

  // Waits until the store holds every event emitted so far. Returns false on
  // timeout or when this log does not ingest.
  bool wait_for_store(std::chrono::milliseconds timeout);

  // Number of events emitted so far (== the last seq).
  std::uint64_t last_seq() const;

  using Subscriber = std::function<void(const Event&)>;
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&&) noexcept;
    Subscription& operator=(Subscription&&) noexcept;
    ~Subscription();
    void reset();

   private:
    friend class EventLog;
    Subscription(EventLog* log, std::uint64_t id) : log_(log), id_(id) {}
    EventLog* log_ = nullptr;
    std::uint64_t id_ = 0;
  };
  // Calls `subscriber` synchronously, on the emitting thread, after each
  // event is in the journal. Keep it short.
  [[nodiscard]] Subscription subscribe(Subscriber subscriber);

 private:
  struct Impl;
  explicit EventLog(std::unique_ptr<Impl> impl);
  void unsubscribe(std::uint64_t id);
  std::unique_ptr<Impl> impl_;
};

}  // namespace litmus
