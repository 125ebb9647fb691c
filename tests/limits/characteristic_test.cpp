// Product files and limits that start from a product characteristic: bands
// of the characteristic, fields and tolerance of the referencing limit
// overriding it, spec_ref and characteristic_id carried (data-driven).
#include <gtest/gtest.h>

#include <optional>

#include "config/product_config.hpp"
#include "config/write_file.hpp"
#include "limit_yaml.hpp"
#include "limits/limit_resolver.hpp"
#include "litmus/error.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

constexpr const char* kProduct = R"(id: board_a
name: Board A
part_number: PN-1001
revision: B
description: Demo board
pins:
  TP3: {description: 3.3 V rail test point, net: +3V3}
  TP4:
characteristics:
  rail_3v3:
    description: 3.3 V rail
    units: V
    nominal: 3.3
    accuracy_pct: 5
    spec_ref: DS-1001 §4.2
    bands:
      - {when: {vin: 5.5}, accuracy_pct: 6}
      - {when: {temp: [85, 125]}, nominal: 3.25, accuracy_abs: 0.2}
  i_quiescent:
    units: mA
    high: 5
    spec_ref: DS-1001 §5
  ripple:
    units: mV
    low: 0
    high: 50
    comparator: GELT
)";

class ProductFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    litmus::testing::write_file(dir_ / "products/board_a.yaml", kProduct);
    product_ = config::load_product(dir_.path(), "board_a");
  }
  litmus::testing::TempDir dir_;
  config::ProductConfig product_;
};

TEST_F(ProductFixture, LoadsEveryField) {
  EXPECT_EQ(product_.id, "board_a");
  EXPECT_EQ(product_.name, "Board A");
  EXPECT_EQ(product_.part_number, "PN-1001");
  EXPECT_EQ(product_.revision, "B");
  EXPECT_EQ(product_.description, "Demo board");
  ASSERT_EQ(product_.pins.size(), 2u);
  EXPECT_EQ(product_.pins.at("TP3").net, "+3V3");
  EXPECT_EQ(product_.pins.at("TP3").description, "3.3 V rail test point");
  ASSERT_EQ(product_.characteristics.size(), 3u);
  const config::Characteristic& rail = product_.characteristics.at("rail_3v3");
  EXPECT_EQ(rail.description, "3.3 V rail");
  EXPECT_EQ(rail.limit.limit.tolerance_pct, 5.0);
  EXPECT_EQ(rail.limit.bands.size(), 2u);
  EXPECT_NE(rail.limit.origin.find("products/board_a.yaml:10 (characteristics.rail_3v3)"), std::string::npos)
      << rail.limit.origin;
}

TEST_F(ProductFixture, MissingProductNamesTheFile) {
  try {
    config::load_product(dir_.path(), "board_b");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("products/board_b.yaml: file not found"), std::string::npos) << e.what();
  }
}

struct CharacteristicCase {
  const char* name;
  const char* yaml;  // the referencing limit; null: resolve_characteristic(id)
  const char* id;
  VectorRow inputs;
  std::optional<double> default_guardband;
  std::optional<double> low, high;
  Comparator comparator;
  const char* units;
  const char* spec_ref;
};

TEST_F(ProductFixture, ResolutionTable) {
  const std::vector<CharacteristicCase> cases = {
      {"characteristic alone", nullptr, "rail_3v3", {}, {}, 3.135, 3.465, Comparator::GELE, "V", "DS-1001 §4.2"},
      {"its band by vin", nullptr, "rail_3v3", {{"vin", 5.5}}, {}, 3.102, 3.498, Comparator::GELE, "V", "DS-1001 §4.2"},
      {"its band by list, own nominal",
       nullptr,
       "rail_3v3",
       {{"temp", 125}},
       {},
       3.05,
       3.45,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"--guardband applies", nullptr, "rail_3v3", {}, 10.0, 3.1515, 3.4485, Comparator::GELE, "V", "DS-1001 §4.2"},
      {"one-sided", nullptr, "i_quiescent", {}, {}, {}, 5.0, Comparator::LE, "mA", "DS-1001 §5"},
      {"comparator from the product", nullptr, "ripple", {}, {}, 0.0, 50.0, Comparator::GELT, "mV", ""},
      {"tolerance overrides accuracy",
       "{characteristic: rail_3v3, tolerance_pct: 2}",
       "",
       {},
       {},
       3.234,
       3.366,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"tolerance overrides the band's accuracy too",
       "{characteristic: rail_3v3, tolerance_abs: 0.1}",
       "",
       {{"vin", 5.5}},
       {},
       3.2,
       3.4,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"nominal override keeps the accuracy",
       "{characteristic: rail_3v3, nominal: 3.0}",
       "",
       {},
       {},
       2.85,
       3.15,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"explicit bound overrides one side",
       "{characteristic: rail_3v3, high: 3.4}",
       "",
       {},
       {},
       3.135,
       3.4,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"own spec_ref and guardband",
       "{characteristic: rail_3v3, spec_ref: TP-7, guardband_pct: 10}",
       "",
       {},
       50.0,
       3.1515,
       3.4485,
       Comparator::GELE,
       "V",
       "TP-7"},
      {"comparator override drops high",
       "{characteristic: rail_3v3, comparator: GE}",
       "",
       {},
       {},
       3.135,
       {},
       Comparator::GE,
       "V",
       "DS-1001 §4.2"},
      {"referencing limit's band",
       "{characteristic: rail_3v3, bands: [{when: {vin: 5.5}, tolerance_abs: 0.05}]}",
       "",
       {{"vin", 5.5}},
       {},
       3.25,
       3.35,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
      {"referencing limit's band not matching",
       "{characteristic: rail_3v3, bands: [{when: {vin: 5.5}, units: mV}]}",
       "",
       {{"vin", 3.3}},
       {},
       3.135,
       3.465,
       Comparator::GELE,
       "V",
       "DS-1001 §4.2"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const LimitContext context{&c.inputs, &product_, c.default_guardband};
    ResolvedLimit r;
    std::string expected_id = c.id;
    if (c.yaml) {
      const LimitSpec spec = litmus::testing::limit_from_yaml(c.yaml);
      expected_id = spec.limit.characteristic;
      r = resolve_limit(spec, context, "v_rail");
      EXPECT_EQ(r.source, spec.origin);
    } else {
      r = resolve_characteristic(product_, c.id, context);
      EXPECT_EQ(r.source, "product board_a: characteristic " + expected_id);
    }
    ASSERT_EQ(r.low.has_value(), c.low.has_value());
    if (c.low) {
      EXPECT_NEAR(*r.low, *c.low, 1e-12);
    }
    ASSERT_EQ(r.high.has_value(), c.high.has_value());
    if (c.high) {
      EXPECT_NEAR(*r.high, *c.high, 1e-12);
    }
    EXPECT_EQ(r.comparator, c.comparator);
    EXPECT_EQ(r.units, c.units);
    EXPECT_EQ(r.spec_ref, c.spec_ref);
    EXPECT_EQ(r.characteristic_id, expected_id);
  }
}

TEST_F(ProductFixture, UnknownCharacteristicListsTheKnownOnes) {
  const LimitSpec spec = litmus::testing::limit_from_yaml("{characteristic: rail_5v}");
  for (int by_id = 0; by_id < 2; ++by_id) {
    try {
      if (by_id) {
        resolve_characteristic(product_, "rail_5v", {});
      } else {
        resolve_limit(spec, LimitContext{nullptr, &product_}, "v_rail");
      }
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("product board_a has no characteristic \"rail_5v\"; its characteristics: i_quiescent, "
                             "rail_3v3, ripple"),
                std::string::npos)
          << message;
      EXPECT_NE(message.find(by_id ? "product board_a: characteristic rail_5v" : "tests/test_power.yaml:1"),
                std::string::npos)
          << message;
    }
  }
}

}  // namespace
}  // namespace litmus
