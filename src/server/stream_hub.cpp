#include "server/stream_hub.hpp"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>

#include "server/log.hpp"
#include "store/event_store.hpp"

namespace litmus::server {
namespace {

constexpr int kCatchUpPage = 500;
constexpr int kPublishPage = 1000;
// A live client this far behind is cut off rather than buffered without
// bound; EventSource reconnects with Last-Event-ID and then catches up page
// by page, which holds at most one page for it.
constexpr std::size_t kMaxQueuedBytes = std::size_t{8} << 20;

}  // namespace

std::string format_sse(const std::vector<store::StoredEvent>& events) {
  std::string out;
  for (const auto& event : events) {
    out += "id: ";
    out += std::to_string(event.id);
    out += "\nevent: event\ndata: ";
    // JSON text escapes newlines inside strings, so it stays on one line.
    store::append_json(out, event);
    out += "\n\n";
  }
  return out;
}

StreamHub::StreamHub(store::EventStore& store) : store_(store), last_id_(store.max_event_id()) {}

std::vector<store::StoredEvent> StreamHub::events_after(std::int64_t after, int limit) {
  store::EventQuery query;
  query.after_id = after;
  query.limit = limit;
  return store_.events(query);
}

StreamHub::ClientId StreamHub::attach(std::weak_ptr<StreamClient> client, std::optional<std::int64_t> after) {
  const ClientId id = next_id_++;
  // A cursor beyond the newest event cannot come from this store (it was
  // recreated, say): start the client at now rather than wait for ids to
  // catch up with it.
  const std::int64_t cursor = after && *after < last_id_ ? *after : last_id_;
  auto& subscriber = clients_[id] = Subscriber{std::move(client), cursor};
  catch_up(id, subscriber);
  return id;
}

void StreamHub::detach(ClientId id) { clients_.erase(id); }

void StreamHub::drained(ClientId id) {
  const auto it = clients_.find(id);
  if (it != clients_.end()) catch_up(id, it->second);
}

void StreamHub::catch_up(ClientId id, Subscriber& subscriber) {
  if (subscriber.cursor >= last_id_) return;  // live: publish() feeds it
  const auto client = subscriber.client.lock();
  if (!client) {
    clients_.erase(id);
    return;
  }
  if (client->queued_bytes() > 0) return;  // drained() resumes
  std::vector<store::StoredEvent> page;
  try {
    page = events_after(subscriber.cursor, kCatchUpPage);
  } catch (const std::exception& e) {
    log_line(std::string("live stream: cannot read events: ") + e.what());
    client->close();  // it reconnects and resumes from its last id
    clients_.erase(id);
    return;
  }
  const bool full_page = page.size() == static_cast<std::size_t>(kCatchUpPage);
  // Events newer than last_id_ reach every live client with the next
  // publish(); sending them here too would deliver them twice.
  std::erase_if(page, [this](const store::StoredEvent& e) { return e.id > last_id_; });
  const bool reached_live = !full_page || page.empty() || page.back().id == last_id_;
  if (!page.empty()) client->send(std::make_shared<const std::string>(format_sse(page)));
  subscriber.cursor = reached_live ? last_id_ : page.back().id;
}

void StreamHub::publish() {
  for (;;) {
    std::vector<store::StoredEvent> batch;
    try {
      batch = events_after(last_id_, kPublishPage);
    } catch (const std::exception& e) {
      // The next change notification retries from the same position.
      log_line(std::string("live stream: cannot read new events: ") + e.what());
      return;
    }
    if (batch.empty()) return;
    const auto bytes = std::make_shared<const std::string>(format_sse(batch));
    const std::int64_t newest = batch.back().id;
    for (auto it = clients_.begin(); it != clients_.end();) {
      auto& subscriber = it->second;
      if (subscriber.cursor != last_id_) {  // still catching up
        ++it;
        continue;
      }
      const auto client = subscriber.client.lock();
      if (!client) {
        it = clients_.erase(it);
        continue;
      }
      if (client->queued_bytes() > kMaxQueuedBytes) {
        log_line("live stream: dropping a client that fell " + std::to_string(client->queued_bytes()) +
                 " bytes behind");
        client->close();
        it = clients_.erase(it);
        continue;
      }
      client->send(bytes);
      subscriber.cursor = newest;
      ++it;
    }
    last_id_ = newest;
    if (batch.size() < static_cast<std::size_t>(kPublishPage)) return;
  }
}

void StreamHub::heartbeat() {
  static const auto ping = std::make_shared<const std::string>(": ping\n\n");
  for (auto it = clients_.begin(); it != clients_.end();) {
    const auto client = it->second.client.lock();
    if (!client) {
      it = clients_.erase(it);
      continue;
    }
    // A client with bytes in flight is evidently not idle.
    if (client->queued_bytes() == 0) client->send(ping);
    ++it;
  }
}

}  // namespace litmus::server
