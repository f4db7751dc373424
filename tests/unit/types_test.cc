// Hybrid logical clock, version vectors, ids and values, UTF-8 validation.
#include "naast/crdt/types.h"

#include <catch2/catch.hpp>
#include <string>

#include "crdt/utf8.h"
#include "naast/crdt/clock.h"
#include "naast/crdt/version_vector.h"

using namespace naast::crdt;

TEST_CASE("the clock moves forward even when the wall clock stands still or goes back", "[clock]") {
  std::uint64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; });
  Hlc a = clock.Now();
  REQUIRE(a == Hlc{1'000'000, 0});
  Hlc b = clock.Now();  // same millisecond
  REQUIRE(b > a);
  REQUIRE(b == Hlc{1'000'000, 1});
  wall = 900'000;  // the wall clock jumps back
  Hlc c = clock.Now();
  REQUIRE(c > b);
  wall = 2'000'000;
  Hlc d = clock.Now();
  REQUIRE(d == Hlc{2'000'000, 0});
}

TEST_CASE("the clock adopts a remote time within the bound", "[clock]") {
  std::uint64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; }, /*max_skew_ms=*/60'000);
  const Hlc remote{1'030'000, 5};
  REQUIRE_FALSE(clock.Observe(remote).has_value());
  Hlc next = clock.Now();
  REQUIRE(next > remote);
}

TEST_CASE("a remote clock far in the future does not drag the local clock", "[clock]") {
  std::uint64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; }, /*max_skew_ms=*/60'000);
  const Hlc future{1'000'000 + 86'400'000, 0};  // a tablet a day ahead
  auto skew = clock.Observe(future);
  REQUIRE(skew.has_value());
  REQUIRE(*skew == 86'400'000);
  Hlc next = clock.Now();
  REQUIRE(next.wall_ms == wall);  // still on the local clock
  REQUIRE(next < future);
}

TEST_CASE("version vectors compare, merge and include", "[version]") {
  VersionVector a, b;
  REQUIRE(a.Compare(b) == VersionVector::Order::kEqual);
  a.Advance(7, 3);
  a.Advance(2, 5);
  a.Advance(7, 1);  // never goes back
  REQUIRE(a.Get(7) == 3);
  REQUIRE(a.Get(2) == 5);
  REQUIRE(a.Get(99) == 0);
  REQUIRE(a.entries().front().first == 2);  // sorted by replica
  REQUIRE(a.Includes(OpId{7, 3}));
  REQUIRE_FALSE(a.Includes(OpId{7, 4}));
  REQUIRE(a.Compare(b) == VersionVector::Order::kAfter);
  REQUIRE(b.Compare(a) == VersionVector::Order::kBefore);
  b.Advance(9, 1);
  REQUIRE(a.Compare(b) == VersionVector::Order::kConcurrent);
  REQUIRE_FALSE(a.Covers(b));
  b.Merge(a);
  REQUIRE(b.Covers(a));
  REQUIRE(b.Get(9) == 1);
  REQUIRE(b.Get(7) == 3);
  a.Advance(5, 0);  // zero entries are not stored
  REQUIRE(a.entries().size() == 2);
  REQUIRE(a.ToString() == "{2@5, 7@3}");
}

TEST_CASE("ids and values print for humans", "[types]") {
  REQUIRE(ToString(OpId{0xabc, 12}) == "abc@12");
  REQUIRE(ToString(OpId{}) == "none");
  REQUIRE(ToString(Value{}) == "null");
  REQUIRE(ToString(Value{true}) == "true");
  REQUIRE(ToString(Value{std::int64_t{-4}}) == "-4");
  REQUIRE(ToString(Value{std::string("huisbezoek")}) == "\"huisbezoek\"");
  REQUIRE(OpId{1, 2} < OpId{1, 3});
  REQUIRE(OpId{1, 9} < OpId{2, 1});
}

TEST_CASE("UTF-8 is validated strictly", "[utf8]") {
  using naast::crdt::detail::CountCodePoints;
  REQUIRE(CountCodePoints("") == 0u);
  REQUIRE(CountCodePoints("Moeder") == 6u);
  REQUIRE(CountCodePoints("é") == 1u);     // 2 bytes
  REQUIRE(CountCodePoints("€") == 1u);     // 3 bytes
  REQUIRE(CountCodePoints("🙂") == 1u);  // 4 bytes
  REQUIRE(CountCodePoints("financiën 🙂") == 11u);
  for (const char* bad : {
           "\xC0\xAF",          // overlong '/'
           "\xE0\x80\xAF",      // overlong, 3 bytes
           "\xF0\x80\x80\xAF",  // overlong, 4 bytes
           "\xED\xA0\x80",      // U+D800, a surrogate
           "\xF4\x90\x80\x80",  // above U+10FFFF
           "\xC3",              // truncated
           "\xE2\x82",          // truncated
           "\x80",              // stray continuation byte
           "a\xFFz",            // never valid
       }) {
    INFO("input bytes: " << bad);
    REQUIRE_FALSE(CountCodePoints(bad).has_value());
  }
}
