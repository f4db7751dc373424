// The identifiers every CRDT operation carries: which replica made it, its counter there, and
// when (a hybrid logical clock). Also the values a register or a set holds.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <variant>

namespace naast::crdt {

// A replica is one device's copy of a document. Ids are random 64-bit numbers, so two devices
// never pick the same one; comparing them breaks ties deterministically everywhere.
using ReplicaId = std::uint64_t;

// An operation's id: (replica, counter). Counters start at 1 and grow by one per operation, and
// by one per code point for inserted text, so every character of a note has its own id.
struct OpId {
  ReplicaId replica = 0;
  std::uint64_t counter = 0;
  auto operator<=>(const OpId&) const = default;
  bool valid() const { return counter != 0; }
};

// A run of consecutive ids from one replica: counters [start.counter, start.counter + length).
struct IdRange {
  OpId start;
  std::uint64_t length = 0;
  bool operator==(const IdRange&) const = default;
};

// Hybrid logical clock timestamp: wall-clock milliseconds since the Unix epoch plus a logical
// counter that orders events within one millisecond (Kulkarni et al., 2014).
struct Hlc {
  std::uint64_t wall_ms = 0;
  std::uint32_t logical = 0;
  auto operator<=>(const Hlc&) const = default;
};

// A register value or a set element. No floating point: scores, durations and counts are
// integers, dates are ISO strings, so equality and ordering are exact on every device.
using Value = std::variant<std::monostate, bool, std::int64_t, std::string>;

std::string ToString(const OpId& id);
std::string ToString(const Value& value);

}  // namespace naast::crdt
