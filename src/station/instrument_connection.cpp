#include "station/instrument_connection.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>

#include "config/asset_config.hpp"
#include "instruments/instrument_factory.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"
#include "litmus/scpi_connection.hpp"

namespace litmus {

namespace {

nlohmann::json identity_json(const InstrumentIdentity& identity) {
  return {{"manufacturer", identity.manufacturer},
          {"model", identity.model},
          {"serial", identity.serial},
          {"firmware", identity.firmware}};
}

// *IDN? fields come padded and in whatever case the firmware likes
// ("KEYSIGHT TECHNOLOGIES" vs "Keysight Technologies").
std::string folded(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(begin, end - begin + 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The fields the asset file gives that the instrument contradicts. A field
// the asset leaves empty is not compared: an asset file may not know the
// firmware, and that is no reason to distrust the instrument.
std::vector<std::string> mismatched_fields(const InstrumentIdentity& expected, const InstrumentIdentity& actual) {
  std::vector<std::string> fields;
  const auto compare = [&fields](const char* name, const std::string& want, const std::string& got) {
    if (!want.empty() && folded(want) != folded(got)) fields.emplace_back(name);
  };
  compare("manufacturer", expected.manufacturer, actual.manufacturer);
  compare("model", expected.model, actual.model);
  compare("serial", expected.serial, actual.serial);
  compare("firmware", expected.firmware, actual.firmware);
  return fields;
}

std::string describe(const InstrumentIdentity& identity) {
  return identity.manufacturer + " " + identity.model + " s/n " + identity.serial +
         (identity.firmware.empty() ? "" : " fw " + identity.firmware);
}

// Emits instrument.identity_verified; a mismatch is also a console line and
// a diagnostic.warning, since the calibration the asset vouches for is then
// not this instrument's.
void verify_identity(const config::AssetConfig& asset, const InstrumentIdentity& actual, const std::string& raw,
                     const std::string& role, EventLog& log, const EventContext& ctx) {
  const auto mismatched = mismatched_fields(asset.identity, actual);
  nlohmann::json actual_json = identity_json(actual);
  actual_json["raw"] = raw;
  log.emit(event_type::instrument_identity_verified, {{"asset", asset.id},
                                                      {"matches", mismatched.empty()},
                                                      {"mismatched", mismatched},
                                                      {"expected", identity_json(asset.identity)},
                                                      {"actual", actual_json}},
           ctx);
  if (mismatched.empty()) return;
  std::string fields;
  for (const auto& field : mismatched) fields += (fields.empty() ? "" : ", ") + field;
  const std::string message = role + ": the instrument is " + describe(actual) + " but asset " + asset.id +
                              " is " + describe(asset.identity) + " (" + fields + " differ)";
  std::cerr << "litmus: warning: " << message << '\n';
  log.emit(event_type::diagnostic_warning, {{"message", message}}, ctx);
}

// Emits instrument.calibration_warning when due soon or overdue; throws
// when an overdue real instrument would serve a production run.
void check_calibration(const config::AssetConfig& asset, const CalibrationStatus& status, bool mocked,
                       const InstrumentConnectSettings& settings, const std::string& role, EventLog& log,
                       const EventContext& ctx) {
  if (status.state != CalibrationState::due_soon && status.state != CalibrationState::overdue) return;
  const bool overdue = status.state == CalibrationState::overdue;
  const bool refused = overdue && !mocked && settings.phase == "production" && !settings.allow_overdue_calibration;
  std::string message = role + " (asset " + asset.id + "): calibration ";
  message += overdue ? "was due " + asset.calibration.due + ", " + std::to_string(-status.days_left) + " days ago"
                     : "is due " + asset.calibration.due + ", in " + std::to_string(status.days_left) + " days";
  if (refused) message += "; refusing a production run (override with --allow-overdue-calibration)";
  log.emit(event_type::instrument_calibration_warning, {{"asset", asset.id},
                                                        {"due", asset.calibration.due},
                                                        {"days_left", status.days_left},
                                                        {"status", to_string(status.state)},
                                                        {"refused", refused},
                                                        {"message", message}},
           ctx);
  std::cerr << "litmus: " << (refused ? "error: " : "warning: ") << message << '\n';
  if (refused) throw InstrumentError(message);
}

nlohmann::json calibration_json(const CalibrationInfo& calibration, const CalibrationStatus& status) {
  nlohmann::json out{{"due", calibration.due},
                     {"last", calibration.last},
                     {"certificate", calibration.certificate},
                     {"lab", calibration.lab},
                     {"status", to_string(status.state)}};
  if (status.state != CalibrationState::unknown) out["days_left"] = status.days_left;
  return out;
}

}  // namespace

ConnectedInstrument connect_instrument(const config::ProjectConfig& project, const config::StationConfig& station,
                                       const config::InstrumentConfig& config,
                                       const InstrumentConnectSettings& settings, EventLog& log,
                                       const EventContext* context) {
  const bool mocked = settings.mock_all || config.mock;
  EventContext ctx = context ? *context : EventContext{};
  ctx.role = config.role;

  std::optional<config::AssetConfig> asset;
  if (!config.asset.empty()) asset = config::load_asset(project.root, config.asset);

  ConnectedInstrument connected;
  InstrumentBinding binding{&log, context, config.role, config.type, mocked ? std::string("mock") : config.resource,
                            mocked};
  if (asset) {
    binding.asset = asset->id;
    binding.calibration = asset->calibration;
    connected.calibration = calibration_status(asset->calibration, settings.today);
    check_calibration(*asset, connected.calibration, mocked, settings, config.role, log, ctx);
  }

  std::string raw_identity;
  if (mocked) {
    // A mock is whatever its asset says it stands in for.
    if (asset) binding.identity = asset->identity;
  } else {
    const std::string where = station.file.string() + ": instruments." + config.role;
    if (config.resource.empty()) {
      throw ConfigError(where + ": no `resource:` to connect to (such as TCPIP::10.0.0.5::5025::SOCKET); give one, "
                                "or mock the instrument (`mock: true`, --mock-instruments)");
    }
    connected.lock = ResourceLock::acquire(config.resource, settings.lock_wait);
    try {
      binding.io = std::make_shared<ScpiConnection>(open_transport(config.resource, settings.io_timeout),
                                                    ScpiOptions{.timeout = settings.io_timeout});
      const ScpiConnection::Identity reply = binding.io->identify();
      binding.identity = {reply.manufacturer, reply.model, reply.serial, reply.firmware};
      raw_identity = reply.raw;
    } catch (const std::exception& error) {
      throw InstrumentError(where + " (" + config.resource + "): " + error.what());
    }
  }
  const InstrumentIdentity identity = binding.identity;
  const CalibrationInfo calibration = binding.calibration;
  connected.instrument =
      make_instrument(station, config, std::move(binding), {.mock = mocked, .io_timeout = settings.io_timeout});

  nlohmann::json payload{{"type", config.type},
                         {"resource", connected.instrument->resource()},
                         {"mocked", mocked},
                         {"driver", connected.instrument->driver_name()},
                         {"asset", config.asset},
                         {"identity", identity_json(identity)},
                         {"calibration", calibration_json(calibration, connected.calibration)}};
  if (connected.lock) payload["lock"] = connected.lock->file().string();
  log.emit(event_type::instrument_connected, payload, ctx);
  if (asset && !mocked) verify_identity(*asset, identity, raw_identity, config.role, log, ctx);
  return connected;
}

}  // namespace litmus
