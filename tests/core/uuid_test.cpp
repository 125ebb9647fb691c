#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <set>

namespace litmus {
namespace {

TEST(Uuid, IsCanonicalVersion4) {
  const std::string id = make_uuid();
  ASSERT_TRUE(is_uuid(id)) << id;
  EXPECT_EQ(id[14], '4');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
}

TEST(Uuid, DoesNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(make_uuid()).second);
}

TEST(Uuid, RejectsMalformedText) {
  EXPECT_FALSE(is_uuid(""));
  EXPECT_FALSE(is_uuid("6f446be1"));
  EXPECT_FALSE(is_uuid("6f446be1-d981-4897-b9ac-f8fb3bf9a39"));
  EXPECT_FALSE(is_uuid("6f446be1xd981-4897-b9ac-f8fb3bf9a398"));
  EXPECT_FALSE(is_uuid("6f446be1-d981-4897-b9ac-f8fb3bf9a39g"));
  EXPECT_TRUE(is_uuid("6F446BE1-D981-4897-B9AC-F8FB3BF9A398"));
}

}  // namespace
}  // namespace litmus
