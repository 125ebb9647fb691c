#include "instruments/mock/mock_value.hpp"

#include <charconv>
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
  // A raw query's reply as configured.
  struct Text {
    std::string text;
  };
  struct TextList {
    std::vector<std::string> texts;
    std::size_t next = 0;
  };
  std::variant<Constant, List, Normal, Uniform, Sine, Keyed, Text, TextList> kind;
  bool array = false;

  static std::unique_ptr<Source> parse(const json& spec, bool array);
  // One query's replies: text, a number, a list of either, or a generator.
  static std::unique_ptr<Source> parse_reply(const json& spec);
  // A query entry: replies keyed by the command.
  static std::unique_ptr<Source> parse_replies(const json& spec);
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

std::unique_ptr<MockValue::Source> MockValue::Source::parse_reply(const json& spec) {
  auto source = std::make_unique<Source>();
  if (spec.is_string() || spec.is_number()) {
    source->kind = Text{spec.is_string() ? spec.get<std::string>() : spec.dump()};
    return source;
  }
  if (spec.is_array()) {
    if (spec.empty()) throw std::invalid_argument("the list of replies is empty");
    TextList list;
    for (const auto& item : spec) {
      if (!item.is_string() && !item.is_number()) {
        throw std::invalid_argument("every reply of the list must be a text or a number");
      }
      list.texts.push_back(item.is_string() ? item.get<std::string>() : item.dump());
    }
    source->kind = std::move(list);
    return source;
  }
  if (spec.is_object() && spec.size() == 1 && is_generator_name(spec.begin().key())) return parse(spec, false);
  throw std::invalid_argument(
      "expected a reply: a text, a number, a list of them or a generator such as {normal: {...}}");
}

std::unique_ptr<MockValue::Source> MockValue::Source::parse_replies(const json& spec) {
  if (!spec.is_object() || (spec.size() == 1 && is_generator_name(spec.begin().key()))) {
    throw std::invalid_argument("expected a mapping from command to reply, such as {\"MEAS:VOLT?\": \"1.234\"}");
  }
  auto source = std::make_unique<Source>();
  Keyed keyed;
  for (const auto& [command, reply] : spec.items()) {
    try {
      keyed.entries.emplace(command, parse_reply(reply));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(command + ": " + e.what());
    }
  }
  source->kind = std::move(keyed);
  return source;
}

MockValue MockValue::parse(const json& spec, MethodKind kind) {
  switch (kind) {
    case MethodKind::read_scalar:
      return MockValue(Source::parse(spec, false));
    case MethodKind::read_array:
      return MockValue(Source::parse(spec, true));
    case MethodKind::query:
      return MockValue(Source::parse_replies(spec));
    case MethodKind::setter:
      break;
  }
  throw std::invalid_argument("a setter returns nothing, so there is nothing to mock");
}

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

double draw_number(MockValue::Source& source) {
  using Source = MockValue::Source;
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

}  // namespace

double MockValue::next_scalar(std::string_view argument) { return draw_number(select(*source_, argument)); }

std::string MockValue::next_text(std::string_view argument) {
  Source& source = select(*source_, argument);
  if (auto* text = std::get_if<Source::Text>(&source.kind)) return text->text;
  if (auto* list = std::get_if<Source::TextList>(&source.kind)) {
    std::string reply = list->texts[list->next];
    list->next = (list->next + 1) % list->texts.size();
    return reply;
  }
  // Shortest text that reads back as the same double, as an instrument
  // printing full precision would.
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, draw_number(source));
  return std::string(buffer, result.ptr);
}

bool MockValue::has_entry(std::string_view argument) const {
  const auto* keyed = std::get_if<Source::Keyed>(&source_->kind);
  return !keyed || keyed->entries.find(argument) != keyed->entries.end();
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
