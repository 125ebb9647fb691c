#include "instruments/mock/mock_value.hpp"

#include <cmath>
#include <map>
#include <numbers>
#include <stdexcept>
#include <variant>

namespace litmus {

using nlohmann::json;

namespace {

std::mt19937_64 make_rng(const json& params) {
  if (auto it = params.find("seed"); it != params.end()) return std::mt19937_64(it->get<std::uint64_t>());
  std::random_device device;
  return std::mt19937_64((static_cast<std::uint64_t>(device()) << 32) | device());
}

// Checks that `params` is an object with only `allowed` keys, each a number.
void check_params(const json& params, std::string_view generator, std::initializer_list<std::string_view> allowed,
                  std::initializer_list<std::string_view> required) {
  if (!params.is_object()) throw std::invalid_argument(std::string(generator) + ": expected a mapping of parameters");
  for (const auto& [key, value] : params.items()) {
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (!known) {
      std::string expected;
      for (auto name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
      throw std::invalid_argument(std::string(generator) + ": unknown parameter '" + key +
                                  "'; expected one of: " + expected);
    }
    if (!value.is_number()) {
      throw std::invalid_argument(std::string(generator) + "." + key + ": expected a number");
    }
  }
  for (auto name : required) {
    if (!params.contains(std::string(name))) {
      throw std::invalid_argument(std::string(generator) + ": missing parameter '" + std::string(name) + "'");
    }
  }
}

double number(const json& params, const char* key, double fallback) {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->get<double>();
}

bool is_generator_name(std::string_view key) { return key == "normal" || key == "uniform" || key == "sine"; }

}  // namespace

struct MockValue::Source {
  struct Constant {
    double value;
  };
  struct List {
    std::vector<double> values;
    std::size_t next = 0;
  };
  struct Normal {
    std::normal_distribution<double> dist;
    std::mt19937_64 rng;
  };
  struct Uniform {
    std::uniform_real_distribution<double> dist;
    std::mt19937_64 rng;
  };
  struct Sine {
    double freq, amplitude, offset, phase, noise, cycles;
    std::size_t points;
    std::mt19937_64 rng;
  };
  struct Keyed {
    std::map<std::string, std::unique_ptr<Source>, std::less<>> entries;
  };
  std::variant<Constant, List, Normal, Uniform, Sine, Keyed> kind;
  bool array = false;

  static std::unique_ptr<Source> parse(const json& spec, bool array);
};

std::unique_ptr<MockValue::Source> MockValue::Source::parse(const json& spec, bool array) {
  auto source = std::make_unique<Source>();
  source->array = array;
  if (spec.is_number()) {
    if (array) throw std::invalid_argument("this method returns an array: use a generator such as {sine: {...}}");
    source->kind = Constant{spec.get<double>()};
    return source;
  }
  if (spec.is_array()) {
    if (array) throw std::invalid_argument("this method returns an array: use a generator such as {sine: {...}}");
    if (spec.empty()) throw std::invalid_argument("the list of values is empty");
    List list;
    for (const auto& item : spec) {
      if (!item.is_number()) throw std::invalid_argument("every value of the list must be a number");
      list.values.push_back(item.get<double>());
    }
    source->kind = std::move(list);
    return source;
  }
  if (!spec.is_object() || spec.empty()) {
    throw std::invalid_argument("expected a number, a list of numbers, a generator or a mapping keyed by argument");
  }
  const auto first = spec.begin();
  const std::string name = first.key();
  const json& params = first.value();
  if (spec.size() == 1 && is_generator_name(name)) {
    if (name == "normal") {
      if (array) throw std::invalid_argument("this method returns an array: use {sine: {...}}");
      check_params(params, name, {"mean", "sd", "seed"}, {"mean", "sd"});
      if (params["sd"].get<double>() < 0) throw std::invalid_argument("normal.sd must not be negative");
      source->kind = Normal{std::normal_distribution<double>(params["mean"].get<double>(), params["sd"].get<double>()),
                            make_rng(params)};
    } else if (name == "uniform") {
      if (array) throw std::invalid_argument("this method returns an array: use {sine: {...}}");
      check_params(params, name, {"low", "high", "seed"}, {"low", "high"});
      const double low = params["low"].get<double>();
      const double high = params["high"].get<double>();
      if (!(low <= high)) throw std::invalid_argument("uniform.low must not exceed uniform.high");
      source->kind = Uniform{std::uniform_real_distribution<double>(low, high), make_rng(params)};
    } else {
      if (!array) throw std::invalid_argument("sine makes an array; this method returns a number");
      check_params(params, name, {"freq", "amplitude", "points", "noise", "offset", "phase", "cycles", "seed"},
                   {"freq", "amplitude"});
      const double points = number(params, "points", 1000);
      if (points < 2 || points > 10'000'000 || points != std::floor(points)) {
        throw std::invalid_argument("sine.points must be a whole number from 2 to 10000000");
      }
      const double freq = params["freq"].get<double>();
      if (!(freq > 0)) throw std::invalid_argument("sine.freq must be positive");
      const double cycles = number(params, "cycles", 5);
      if (!(cycles > 0)) throw std::invalid_argument("sine.cycles must be positive");
      if (number(params, "noise", 0) < 0) throw std::invalid_argument("sine.noise must not be negative");
      source->kind = Sine{freq,
                          params["amplitude"].get<double>(),
                          number(params, "offset", 0),
                          number(params, "phase", 0),
                          number(params, "noise", 0),
                          cycles,
                          static_cast<std::size_t>(points),
                          make_rng(params)};
    }
    return source;
  }
  Keyed keyed;
  for (const auto& [key, value] : spec.items()) {
    try {
      keyed.entries.emplace(key, parse(value, array));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(key + ": " + e.what());
    }
  }
  source->kind = std::move(keyed);
  return source;
}

MockValue MockValue::parse(const json& spec, bool array) { return MockValue(Source::parse(spec, array)); }

MockValue::MockValue(std::unique_ptr<Source> source) : source_(std::move(source)) {}
MockValue::MockValue(MockValue&&) noexcept = default;
MockValue& MockValue::operator=(MockValue&&) noexcept = default;
MockValue::~MockValue() = default;

namespace {

MockValue::Source& select(MockValue::Source& source, std::string_view argument) {
  auto* keyed = std::get_if<MockValue::Source::Keyed>(&source.kind);
  if (!keyed) return source;
  auto it = keyed->entries.find(argument);
  if (it == keyed->entries.end()) {
    std::string known;
    for (const auto& entry : keyed->entries) known += (known.empty() ? "" : ", ") + entry.first;
    throw std::invalid_argument("no mock value for argument '" + std::string(argument) + "'; configured: " + known);
  }
  return select(*it->second, {});
}

}  // namespace

double MockValue::next_scalar(std::string_view argument) {
  Source& source = select(*source_, argument);
  return std::visit(
      [](auto& kind) -> double {
        using T = std::decay_t<decltype(kind)>;
        if constexpr (std::is_same_v<T, Source::Constant>) {
          return kind.value;
        } else if constexpr (std::is_same_v<T, Source::List>) {
          const double value = kind.values[kind.next];
          kind.next = (kind.next + 1) % kind.values.size();
          return value;
        } else if constexpr (std::is_same_v<T, Source::Normal> || std::is_same_v<T, Source::Uniform>) {
          return kind.dist(kind.rng);
        } else {
          throw std::invalid_argument("this mock value is not a number");
        }
      },
      source.kind);
}

MockArray MockValue::next_array(std::string_view argument) {
  Source& source = select(*source_, argument);
  auto* sine = std::get_if<Source::Sine>(&source.kind);
  if (!sine) throw std::invalid_argument("this mock value is not an array");
  MockArray out;
  out.x_increment = sine->cycles / (sine->freq * static_cast<double>(sine->points));
  out.samples.resize(sine->points);
  std::normal_distribution<double> noise(0.0, sine->noise);
  for (std::size_t i = 0; i < sine->points; ++i) {
    const double t = static_cast<double>(i) * out.x_increment;
    double value = sine->offset + sine->amplitude * std::sin(2 * std::numbers::pi * sine->freq * t + sine->phase);
    if (sine->noise > 0) value += noise(sine->rng);
    out.samples[i] = value;
  }
  return out;
}

}  // namespace litmus
