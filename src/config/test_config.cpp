#include "config/test_config.hpp"

#include "config/yaml_checks.hpp"
#include "config/yaml_numbers.hpp"
#include "vectors/sweep_expansion.hpp"

namespace litmus::config {

namespace {

constexpr int kMaxRetries = 100;

void require_mapping(const YamlAt& at, const char* what) {
  if (!at.node.IsMap() && !at.node.IsNull()) at.fail(std::string("expected a mapping of ") + what);
}

std::map<std::string, LimitMap, std::less<>> parse_profiles(const YamlAt& at) {
  require_mapping(at, "profile name → {limits: ...}");
  std::map<std::string, LimitMap, std::less<>> profiles;
  if (at.node.IsNull()) return profiles;
  for (const auto& item : at.node) {
    const std::string name = item.first.as<std::string>();
    const YamlAt profile = at.child(name);
    check_keys(profile, {"limits"});
    profiles[name] =
        profile.node.IsMap() && profile.node["limits"] ? parse_limit_map(profile.child("limits")) : LimitMap{};
  }
  return profiles;
}

RetryPolicy parse_retry(const YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping {max_retries: N, delay: seconds}");
  check_keys(at, {"max_retries", "delay"});
  RetryPolicy retry;
  if (at.node["max_retries"]) {
    const YamlAt key = at.child("max_retries");
    const std::int64_t count = read_integer(key);
    if (count < 0 || count > kMaxRetries) {
      key.fail("must be 0.." + std::to_string(kMaxRetries) + ", found " + std::to_string(count));
    }
    retry.max_retries = static_cast<int>(count);
  }
  if (at.node["delay"]) {
    const YamlAt key = at.child("delay");
    retry.delay_s = read_real(key);
    if (retry.delay_s < 0) key.fail("must be >= 0 (seconds)");
  }
  return retry;
}

// limits, profiles and retry: the keys every level shares.
template <typename Level>
void parse_common(const YamlAt& at, Level& level) {
  if (at.node["limits"]) level.limits = parse_limit_map(at.child("limits"));
  if (at.node["profiles"]) level.profiles = parse_profiles(at.child("profiles"));
  if (at.node["retry"]) level.retry = parse_retry(at.child("retry"));
}

TestEntry parse_test(const YamlAt& at) {
  require_mapping(at, "test keys (limits, retry, profiles, sweeps)");
  check_keys(at, {"limits", "retry", "profiles", "sweeps"});
  TestEntry entry;
  if (at.node.IsNull()) return entry;
  parse_common(at, entry);
  if (at.node["sweeps"]) {
    entry.has_sweeps = true;
    entry.vectors = expand_sweeps(at.child("sweeps"));
  }
  return entry;
}

SuiteEntry parse_suite(const YamlAt& at) {
  require_mapping(at, "suite keys (limits, retry, profiles, tests)");
  check_keys(at, {"limits", "retry", "profiles", "tests"});
  SuiteEntry suite;
  if (at.node.IsNull()) return suite;
  parse_common(at, suite);
  if (at.node["tests"]) {
    const YamlAt tests = at.child("tests");
    require_mapping(tests, "test name → test keys");
    if (tests.node.IsMap()) {
      for (const auto& item : tests.node) {
        const std::string name = item.first.as<std::string>();
        suite.tests[name] = parse_test(tests.child(name));
      }
    }
  }
  return suite;
}

const SuiteEntry* find_suite(const TestConfig& config, std::string_view suite) {
  const auto found = config.suites.find(suite);
  return found == config.suites.end() ? nullptr : &found->second;
}

const TestEntry* find_test(const SuiteEntry* suite, std::string_view test) {
  if (!suite) return nullptr;
  const auto found = suite->tests.find(test);
  return found == suite->tests.end() ? nullptr : &found->second;
}

const LimitSpec* find_in(const LimitMap& limits, std::string_view name) {
  const auto found = limits.find(name);
  return found == limits.end() ? nullptr : &found->second;
}

const LimitSpec* find_in_profile(const std::map<std::string, LimitMap, std::less<>>& profiles, std::string_view profile,
                                 std::string_view name) {
  const auto found = profiles.find(profile);
  return found == profiles.end() ? nullptr : find_in(found->second, name);
}

}  // namespace

TestConfig load_test_config(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"limits", "retry", "profiles", "tests"});
  TestConfig config;
  config.file = file;
  if (doc.node.IsNull()) return config;
  parse_common(doc, config);
  if (doc.node["tests"]) {
    const YamlAt suites = doc.child("tests");
    require_mapping(suites, "suite name → suite keys");
    if (suites.node.IsMap()) {
      for (const auto& item : suites.node) {
        const std::string name = item.first.as<std::string>();
        config.suites[name] = parse_suite(suites.child(name));
      }
    }
  }
  return config;
}

const TestEntry* find_test_entry(const TestConfig& config, std::string_view suite, std::string_view test) {
  return find_test(find_suite(config, suite), test);
}

const LimitSpec* find_limit(const TestConfig& config, std::string_view suite, std::string_view test,
                            std::string_view profile, std::string_view name) {
  const SuiteEntry* suite_entry = find_suite(config, suite);
  const TestEntry* test_entry = find_test(suite_entry, test);
  if (!profile.empty()) {
    if (test_entry) {
      if (const LimitSpec* spec = find_in_profile(test_entry->profiles, profile, name)) return spec;
    }
    if (suite_entry) {
      if (const LimitSpec* spec = find_in_profile(suite_entry->profiles, profile, name)) return spec;
    }
    if (const LimitSpec* spec = find_in_profile(config.profiles, profile, name)) return spec;
  }
  if (test_entry) {
    if (const LimitSpec* spec = find_in(test_entry->limits, name)) return spec;
  }
  if (suite_entry) {
    if (const LimitSpec* spec = find_in(suite_entry->limits, name)) return spec;
  }
  return find_in(config.limits, name);
}

std::string searched_places(const TestConfig& config, std::string_view suite, std::string_view test,
                            std::string_view profile) {
  const SuiteEntry* suite_entry = find_suite(config, suite);
  const TestEntry* test_entry = find_test(suite_entry, test);
  std::string places = "file";
  if (suite_entry) places += ", suite " + std::string(suite);
  if (test_entry) places += ", test " + std::string(suite) + "/" + std::string(test);
  if (!profile.empty()) places += ", profile " + std::string(profile);
  std::string out = config.file.string() + " (" + places + ")";
  if (!suite_entry) {
    out += "; it has no entry tests." + std::string(suite);
  } else if (!test_entry) {
    out += "; it has no entry tests." + std::string(suite) + ".tests." + std::string(test);
  }
  return out;
}

RetryPolicy retry_for(const TestConfig& config, std::string_view suite, std::string_view test) {
  const SuiteEntry* suite_entry = find_suite(config, suite);
  const TestEntry* test_entry = find_test(suite_entry, test);
  if (test_entry && test_entry->retry) return *test_entry->retry;
  if (suite_entry && suite_entry->retry) return *suite_entry->retry;
  if (config.retry) return *config.retry;
  return RetryPolicy{};
}

}  // namespace litmus::config
