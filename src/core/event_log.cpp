#include "litmus/event_log.hpp"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "core/clock.hpp"
#include "core/data_dir.hpp"
#include "core/event_codec.hpp"
#include "core/journal_writer.hpp"
#include "core/uuid.hpp"
#include "litmus/error.hpp"
#include "store/channel_store.hpp"
#include "store/store_writer.hpp"

namespace litmus {

struct EventLog::Impl {
  EventLogOptions options;
  std::string session_id;
  std::filesystem::path journal_path;

  // Serialises emitters so that seq order is journal order.
  std::mutex emit_mutex;
  std::unique_ptr<JournalWriter> journal;  // guarded by emit_mutex
  std::uint64_t seq = 0;                   // guarded by emit_mutex; last seq written
  std::string record;                      // guarded by emit_mutex; reused encode buffer
  std::atomic<std::uint64_t> last_seq{0};

  std::unique_ptr<store::StoreWriter> writer;

  std::mutex subscribers_mutex;
  std::vector<std::pair<std::uint64_t, Subscriber>> subscribers;  // guarded by subscribers_mutex
  std::uint64_t next_subscriber_id = 1;
  std::atomic<bool> has_subscribers{false};

  // Writes one event; returns (seq, event) with the event filled only when
  // someone listens. `payload_for_seq` builds the payload once the seq is
  // known (claim checks contain it).
  template <class PayloadFn>
  std::uint64_t append(std::string_view type, const EventContext& context, std::string_view channel,
                       const codec::SampleArrayView& samples, PayloadFn&& payload_for_seq) {
    if (type.empty()) throw std::invalid_argument("event type must not be empty");
    Event event;
    std::uint64_t end_offset = 0;
    {
      std::lock_guard lock(emit_mutex);
      if (!journal) throw JournalError("event log of session " + session_id + " is closed");
      event.seq = seq + 1;
      event.ts = now_ns();
      event.type = type;
      event.run_id = context.run_id;
      event.role = context.role;
      event.step_path = context.step_path;
      event.vector_index = context.vector_index;
      event.payload = payload_for_seq(event.seq);
      record.assign(journal::kHeaderSize, '\0');
      codec::encode_array_event(event, channel, samples, record);
      end_offset = journal->append(journal::RecordKind::event, record);  // throws: seq not consumed
      seq = event.seq;
      last_seq.store(seq);
      // Endings must survive a power cut, not only a crash of this process.
      if (type == event_type::session_ended || type == event_type::run_ended) journal->sync();
    }
    if (writer) writer->publish(end_offset);
    if (has_subscribers.load(std::memory_order_relaxed)) {
      event.session_id = session_id;
      std::vector<Subscriber> targets;
      {
        std::lock_guard lock(subscribers_mutex);
        for (const auto& entry : subscribers) targets.push_back(entry.second);
      }
      for (const auto& subscriber : targets) subscriber(event);
    }
    return event.seq;
  }
};

std::unique_ptr<EventLog> EventLog::create(EventLogOptions options, std::string session_id) {
  if (options.data_dir.empty()) throw std::invalid_argument("EventLogOptions.data_dir must be set");
  if (session_id.empty()) session_id = make_uuid();
  if (!is_uuid(session_id)) throw std::invalid_argument("session id '" + session_id + "' is not a UUID");
  ensure_data_dir(options.data_dir);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->session_id = session_id;
  impl->journal_path = journal_dir(options.data_dir) / (session_id + ".journal");
  impl->journal = JournalWriter::create(impl->journal_path, session_id);
  if (options.ingest) {
    impl->writer = std::make_unique<store::StoreWriter>(options.data_dir, impl->journal_path);
    impl->writer->publish(impl->journal->size());
  }
  return std::unique_ptr<EventLog>(new EventLog(std::move(impl)));
}

EventLog::EventLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

EventLog::~EventLog() {
  if (impl_->writer) impl_->writer->drain_and_stop(impl_->options.close_drain_timeout);
  std::lock_guard lock(impl_->emit_mutex);
  impl_->journal.reset();  // releases the lock: recovery may now take over
}

const std::string& EventLog::session_id() const { return impl_->session_id; }
const std::filesystem::path& EventLog::journal_path() const { return impl_->journal_path; }
const std::filesystem::path& EventLog::data_dir() const { return impl_->options.data_dir; }
std::uint64_t EventLog::last_seq() const { return impl_->last_seq.load(); }

std::uint64_t EventLog::emit(std::string_view type, const nlohmann::json& payload, const EventContext& context) {
  if (!payload.is_object()) throw std::invalid_argument("event payload must be a JSON object");
  const std::string text = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return impl_->append(type, context, {}, codec::SampleArrayView{}, [&](std::uint64_t) { return text; });
}

std::uint64_t EventLog::emit_json(std::string_view type, std::string_view payload_json, const EventContext& context) {
  if (payload_json.size() < 2 || payload_json.front() != '{' || payload_json.back() != '}') {
    throw std::invalid_argument("event payload must be a serialised JSON object");
  }
  return impl_->append(type, context, {}, codec::SampleArrayView{},
                       [&](std::uint64_t) { return std::string(payload_json); });
}

std::uint64_t EventLog::emit_samples(std::string_view type, const nlohmann::json& payload, std::string_view channel,
                                     std::span<const double> samples, const EventContext& context) {
  if (!payload.is_object()) throw std::invalid_argument("event payload must be a JSON object");
  if (channel.empty()) throw std::invalid_argument("emit_samples needs a channel id");
  const codec::SampleArrayView array{
      SampleEncoding::float64, {},
      std::string_view(reinterpret_cast<const char*>(samples.data()), samples.size_bytes())};
  return impl_->append(type, context, channel, array, [&](std::uint64_t seq) {
    nlohmann::json full = payload;
    full["value"] = {{"_ref", store::make_channel_ref(channel, impl_->session_id, seq)}, {"length", samples.size()}};
    return full.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

std::uint64_t EventLog::emit_samples(std::string_view type, const nlohmann::json& payload, std::string_view channel,
                                     const SampleCodes& codes, const EventContext& context) {
  if (!payload.is_object()) throw std::invalid_argument("event payload must be a JSON object");
  if (channel.empty()) throw std::invalid_argument("emit_samples needs a channel id");
  if (codes.bytes.size() % sample_width(codes.encoding) != 0) {
    throw std::invalid_argument("emit_samples: " + std::to_string(codes.bytes.size()) + " bytes are not whole " +
                                std::string(encoding_name(codes.encoding)) + " samples");
  }
  const codec::SampleArrayView array{codes.encoding, codes.scaling, codes.bytes};
  const std::size_t length = codes.size();
  return impl_->append(type, context, channel, array, [&](std::uint64_t seq) {
    nlohmann::json full = payload;
    full["value"] = {{"_ref", store::make_channel_ref(channel, impl_->session_id, seq)}, {"length", length}};
    return full.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
}

void EventLog::sync() {
  std::lock_guard lock(impl_->emit_mutex);
  if (impl_->journal) impl_->journal->sync();
}

bool EventLog::wait_for_store(std::chrono::milliseconds timeout) {
  return impl_->writer ? impl_->writer->wait_ingested(timeout) : false;
}

EventLog::Subscription EventLog::subscribe(Subscriber subscriber) {
  std::lock_guard lock(impl_->subscribers_mutex);
  const std::uint64_t id = impl_->next_subscriber_id++;
  impl_->subscribers.emplace_back(id, std::move(subscriber));
  impl_->has_subscribers.store(true);
  return Subscription(this, id);
}

void EventLog::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(impl_->subscribers_mutex);
  std::erase_if(impl_->subscribers, [id](const auto& entry) { return entry.first == id; });
  impl_->has_subscribers.store(!impl_->subscribers.empty());
}

EventLog::Subscription::Subscription(Subscription&& other) noexcept
    : log_(std::exchange(other.log_, nullptr)), id_(other.id_) {}

EventLog::Subscription& EventLog::Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    reset();
    log_ = std::exchange(other.log_, nullptr);
    id_ = other.id_;
  }
  return *this;
}

EventLog::Subscription::~Subscription() { reset(); }

void EventLog::Subscription::reset() {
  if (log_) log_->unsubscribe(id_);
  log_ = nullptr;
}

}  // namespace litmus
