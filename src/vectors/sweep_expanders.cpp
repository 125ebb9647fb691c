#include "vectors/sweep_expanders.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace litmus {

namespace {

using config::YamlAt;
using nlohmann::json;
using Values = std::vector<json>;

std::string describe(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

// Numbers in messages as JSON writes them: shortest round-trip form.
std::string show(double value) { return json(value).dump(); }

struct ArgSpec {
  std::string_view name;
  bool required;
};

// The arguments of one expander by name, whichever form they were written
// in: `{start: 0, stop: 1, num: 5}` or positional `[0, 1, 5]`.
class Args {
 public:
  Args(const YamlAt& at, std::string_view expander, const std::vector<ArgSpec>& specs) : at_(at), expander_(expander) {
    std::string all;
    std::string required;
    for (const auto& spec : specs) {
      all += (all.empty() ? "" : ", ") + std::string(spec.name);
      if (spec.required) required += (required.empty() ? "" : ", ") + std::string(spec.name);
    }
    if (at.node.IsMap()) {
      for (const auto& item : at.node) {
        const std::string key = item.first.Scalar();
        const YamlAt value{at.file, item.second, at.key_path + "." + key};
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const ArgSpec& s) { return s.name == key; });
        if (spec == specs.end()) {
          YamlAt{at.file, item.first, value.key_path}.fail("unknown argument of " + expander_ + "; expected one of: " + all);
        }
        given_.emplace_back(spec->name, value);
      }
    } else if (at.node.IsSequence()) {
      const auto minimum = static_cast<std::size_t>(
          std::count_if(specs.begin(), specs.end(), [](const ArgSpec& s) { return s.required; }));
      if (at.node.size() < minimum || at.node.size() > specs.size()) {
        at.fail(expander_ + " takes the list [" + all + "] (required: " + required + "), found " +
                std::to_string(at.node.size()) + " item(s)");
      }
      for (std::size_t i = 0; i < at.node.size(); ++i) {
        given_.emplace_back(specs[i].name, YamlAt{at.file, at.node[i], at.key_path + "[" + std::to_string(i) + "]"});
      }
    } else {
      at.fail("expected the arguments of " + expander_ + " as a mapping {" + all + "} or a list [" + all + "], found " +
              describe(at.node));
    }
    for (const auto& spec : specs) {
      if (spec.required && find(spec.name) == nullptr) {
        at.fail("missing argument '" + std::string(spec.name) + "'; " + expander_ + " needs: " + required);
      }
    }
  }

  // A required argument (presence was checked on construction).
  const YamlAt& operator[](std::string_view name) const { return *find(name); }
  const YamlAt* find(std::string_view name) const {
    for (const auto& [key, value] : given_) {
      if (key == name) return &value;
    }
    return nullptr;
  }
  // The argument if given, else the whole argument list: where to point an
  // error about a defaulted argument.
  const YamlAt& at_or_args(std::string_view name) const {
    const YamlAt* given = find(name);
    return given != nullptr ? *given : at_;
  }
  const YamlAt& args() const { return at_; }
  const std::string& expander() const { return expander_; }

 private:
  YamlAt at_;
  std::string expander_;
  std::vector<std::pair<std::string_view, YamlAt>> given_;
};

// A numeric argument typed as YAML wrote it (integer or float).
json read_number(const Args& args, std::string_view name) {
  const YamlAt& at = args[name];
  const json value = at.node.IsScalar() ? config::read_json(at) : json();
  if (!value.is_number()) at.fail(std::string(name) + " must be a number, found " + describe(at.node));
  if (value.is_number_float() && !std::isfinite(value.get<double>())) {
    at.fail(std::string(name) + " must be a finite number, found " + describe(at.node));
  }
  return value;
}

double read_real(const Args& args, std::string_view name) { return read_number(args, name).get<double>(); }

std::int64_t read_integer(const Args& args, std::string_view name) {
  const json value = read_number(args, name);
  if (!value.is_number_integer()) args[name].fail(std::string(name) + " must be an integer, found " + value.dump());
  return value.get<std::int64_t>();
}

// A number of values: at least 1 (an empty axis empties the whole sweep) and
// at most the row limit (checked before anything is allocated).
std::size_t read_count(const Args& args, std::string_view name) {
  const std::int64_t count = read_integer(args, name);
  if (count < 1) args[name].fail(std::string(name) + " must be at least 1, found " + std::to_string(count));
  if (static_cast<std::uint64_t>(count) > kMaxSweepRows) {
    args[name].fail(std::string(name) + " must be at most " + std::to_string(kMaxSweepRows) + ", found " +
                    std::to_string(count));
  }
  return static_cast<std::size_t>(count);
}

// numpy's linspace, computed as start + (i * delta) / (num - 1): one rounding
// per value rather than multiplying by an already rounded step, so
// linspace(0, 1, 11) gives 0.3 (not 0.30000000000000004) and the last value
// is exactly `stop`.
std::vector<double> spaced(double start, double stop, std::size_t num) {
  std::vector<double> out;
  out.reserve(num);
  if (num == 1) return {start};
  const double delta = stop - start;
  const auto divisions = static_cast<double>(num - 1);
  for (std::size_t i = 0; i < num; ++i) out.push_back(start + (static_cast<double>(i) * delta) / divisions);
  out.back() = stop;
  return out;
}

Values finite_values(const std::vector<double>& numbers, const Args& args) {
  Values values;
  values.reserve(numbers.size());
  for (double number : numbers) {
    if (!std::isfinite(number)) args.args().fail(args.expander() + " produces a non-finite value");
    values.emplace_back(number);
  }
  return values;
}

// Integer steps from start toward stop (exclusive), as Python's range. The
// span is computed in unsigned arithmetic so that extreme int64 bounds
// cannot overflow.
Values integer_steps(const Args& args, std::int64_t start, std::int64_t stop, std::int64_t step) {
  const YamlAt& step_at = args.at_or_args("step");
  if (step == 0) step_at.fail("step must not be 0");
  if (start == stop) {
    args.args().fail(args.expander() + " from " + std::to_string(start) + " to " + std::to_string(stop) +
                     " gives no values (stop is exclusive)");
  }
  const bool up = step > 0;
  if ((stop > start) != up) {
    step_at.fail("step " + std::to_string(step) + " moves away from stop (start " + std::to_string(start) + ", stop " +
                 std::to_string(stop) + ")");
  }
  const std::uint64_t span =
      up ? static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start)
         : static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(stop);
  const std::uint64_t stride = up ? static_cast<std::uint64_t>(step) : 0 - static_cast<std::uint64_t>(step);
  const std::uint64_t count = span / stride + (span % stride != 0 ? 1 : 0);
  if (count > kMaxSweepRows) {
    args.args().fail(args.expander() + " gives " + std::to_string(count) + " values, more than the limit of " +
                     std::to_string(kMaxSweepRows));
  }
  Values values;
  values.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    // Modular arithmetic, exact because every value lies between start and stop.
    values.emplace_back(static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + i * static_cast<std::uint64_t>(step)));
  }
  return values;
}

Values real_steps(const Args& args, double start, double stop, double step) {
  if (step == 0) args["step"].fail("step must not be 0");
  if (start == stop) {
    args.args().fail("arange from " + show(start) + " to " + show(stop) + " gives no values (stop is exclusive)");
  }
  const double quotient = (stop - start) / step;
  if (quotient < 0) {
    args["step"].fail("step " + show(step) + " moves away from stop (start " + show(start) + ", stop " + show(stop) +
                      ")");
  }
  if (!std::isfinite(quotient) || quotient > static_cast<double>(kMaxSweepRows) + 1) {
    args.args().fail("arange gives more than " + std::to_string(kMaxSweepRows) + " values");
  }
  // The quotient carries rounding error: 1 → 1.3 by 0.1 gives
  // 3.0000000000000004, and a plain ceil (numpy) yields a 4th value 1.3 that
  // the exclusive stop is meant to drop. A quotient within 1e-10 (relative)
  // of an integer counts as that integer.
  const double nearest = std::round(quotient);
  const double count = std::abs(quotient - nearest) <= 1e-10 * std::max(1.0, nearest) ? nearest : std::ceil(quotient);
  if (count < 1) args.args().fail("arange from " + show(start) + " to " + show(stop) + " gives no values");
  if (count > static_cast<double>(kMaxSweepRows)) {
    args.args().fail("arange gives more than " + std::to_string(kMaxSweepRows) + " values");
  }
  std::vector<double> numbers;
  const auto n = static_cast<std::size_t>(count);
  numbers.reserve(n);
  // start + i * step, never accumulated, so the error does not grow along the axis.
  for (std::size_t i = 0; i < n; ++i) numbers.push_back(start + static_cast<double>(i) * step);
  return finite_values(numbers, args);
}

Values linspace(const Args& args) {
  const double start = read_real(args, "start");
  const double stop = read_real(args, "stop");
  return finite_values(spaced(start, stop, read_count(args, "num")), args);
}

// Integers when start, stop and step all are (as numpy), else floats.
Values arange(const Args& args) {
  const json start = read_number(args, "start");
  const json stop = read_number(args, "stop");
  const json step = read_number(args, "step");
  if (start.is_number_integer() && stop.is_number_integer() && step.is_number_integer()) {
    return integer_steps(args, start.get<std::int64_t>(), stop.get<std::int64_t>(), step.get<std::int64_t>());
  }
  return real_steps(args, start.get<double>(), stop.get<double>(), step.get<double>());
}

Values logspace(const Args& args) {
  const double start = read_real(args, "start");
  const double stop = read_real(args, "stop");
  const std::size_t num = read_count(args, "num");
  double base = 10;
  if (args.find("base") != nullptr) {
    base = read_real(args, "base");
    if (base <= 0) args["base"].fail("base must be positive, found " + show(base));
  }
  std::vector<double> numbers = spaced(start, stop, num);
  for (double& x : numbers) x = std::pow(base, x);
  return finite_values(numbers, args);
}

// numpy's geomspace: evenly spaced in log10, with both ends exactly as given.
Values geomspace(const Args& args) {
  const double start = read_real(args, "start");
  const double stop = read_real(args, "stop");
  const std::size_t num = read_count(args, "num");
  if (start == 0) args["start"].fail("start must not be 0 (a geometric sequence never reaches 0)");
  if (stop == 0) args["stop"].fail("stop must not be 0 (a geometric sequence never reaches 0)");
  if ((start < 0) != (stop < 0)) {
    args["stop"].fail("stop must have the sign of start (a geometric sequence does not cross 0), found start " +
                      show(start) + ", stop " + show(stop));
  }
  const double sign = start < 0 ? -1.0 : 1.0;
  std::vector<double> numbers = spaced(std::log10(std::abs(start)), std::log10(std::abs(stop)), num);
  for (double& x : numbers) x = sign * std::pow(10.0, x);
  numbers.front() = start;
  if (num > 1) numbers.back() = stop;
  return finite_values(numbers, args);
}

Values repeat(const Args& args) {
  const YamlAt& value = args["value"];
  if (!value.node.IsScalar()) value.fail("value must be a scalar (number, string or boolean), found " + describe(value.node));
  return Values(read_count(args, "count"), config::read_json(value));
}

Values range(const Args& args) {
  const std::int64_t start = read_integer(args, "start");
  const std::int64_t stop = read_integer(args, "stop");
  const std::int64_t step = args.find("step") != nullptr ? read_integer(args, "step") : 1;
  return integer_steps(args, start, stop, step);
}

struct ExpanderSpec {
  std::string_view name;
  std::vector<ArgSpec> args;  // in positional order
  Values (*expand)(const Args&);
};

const std::vector<ExpanderSpec>& expanders() {
  static const std::vector<ExpanderSpec> table{
      {"linspace", {{"start", true}, {"stop", true}, {"num", true}}, linspace},
      {"arange", {{"start", true}, {"stop", true}, {"step", true}}, arange},
      {"logspace", {{"start", true}, {"stop", true}, {"num", true}, {"base", false}}, logspace},
      {"geomspace", {{"start", true}, {"stop", true}, {"num", true}}, geomspace},
      {"repeat", {{"value", true}, {"count", true}}, repeat},
      {"range", {{"start", true}, {"stop", true}, {"step", false}}, range},
  };
  return table;
}

std::string expander_names() {
  std::string names;
  for (const auto& spec : expanders()) names += (names.empty() ? "" : ", ") + std::string(spec.name);
  return names;
}

}  // namespace

std::vector<nlohmann::json> run_expander(const config::YamlAt& at) {
  if (at.node.size() != 1) {
    at.fail("an expander mapping has exactly one key, the expander (one of: " + expander_names() + "), found " +
            std::to_string(at.node.size()) + " keys");
  }
  const auto item = *at.node.begin();
  const std::string name = item.first.Scalar();
  const YamlAt args{at.file, item.second, at.key_path + "." + name};
  for (const auto& spec : expanders()) {
    if (spec.name == name) return spec.expand(Args(args, spec.name, spec.args));
  }
  YamlAt{at.file, item.first, args.key_path}.fail("unknown expander '" + name + "'; expected one of: " + expander_names());
}

}  // namespace litmus
