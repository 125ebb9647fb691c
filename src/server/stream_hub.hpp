#pragma once
// The live event stream (GET /api/stream) without the sockets: which client
// has seen which event, catching a resuming client up page by page, and
// fanning each batch of new events out to every live client as one shared
// buffer, so 300 clients cost 300 pointers, not 300 copies.
//
// Runs on the server's I/O thread only; no locking.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace litmus::store {
class EventStore;
struct StoredEvent;
}  // namespace litmus::store

namespace litmus::server {

// One open stream, implemented by the HTTP layer.
class StreamClient {
 public:
  virtual ~StreamClient() = default;
  // Queues bytes for the socket. The client calls StreamHub::drained() once
  // its queue has been written out.
  virtual void send(std::shared_ptr<const std::string> bytes) = 0;
  virtual std::size_t queued_bytes() const = 0;
  virtual void close() = 0;
};

// "id: 42\nevent: event\ndata: {...}\n\n" per event, the JSON on one line.
std::string format_sse(const std::vector<store::StoredEvent>& events);

class StreamHub {
 public:
  using ClientId = std::uint64_t;

  // Starts at the store's current newest event.
  explicit StreamHub(store::EventStore& store);

  // `after`: replay every stored event with a greater id first; nullopt (or
  // an id beyond the newest) starts with what happens from now on.
  ClientId attach(std::weak_ptr<StreamClient> client, std::optional<std::int64_t> after);
  void detach(ClientId id);
  // The client's queue is empty: continue its catch-up, if any.
  void drained(ClientId id);
  // The store may hold new events: send them to every live client.
  void publish();
  // Sends an SSE comment so proxies and browsers keep idle streams open.
  void heartbeat();

  std::size_t client_count() const { return clients_.size(); }

 private:
  struct Subscriber {
    std::weak_ptr<StreamClient> client;
    std::int64_t cursor = 0;  // last event id sent
  };
  void catch_up(ClientId id, Subscriber& subscriber);
  std::vector<store::StoredEvent> events_after(std::int64_t after, int limit);

  store::EventStore& store_;
  std::int64_t last_id_ = 0;  // newest event fanned out to live clients
  ClientId next_id_ = 1;
  std::map<ClientId, Subscriber> clients_;
};

}  // namespace litmus::server
