// A version vector: for each replica, the highest counter whose operations (and all before it
// from that replica) this document has applied.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "naast/crdt/types.h"
#include "naast/result.h"

namespace naast::crdt {

class VersionVector {
 public:
  enum class Order { kEqual, kBefore, kAfter, kConcurrent };

  std::uint64_t Get(ReplicaId replica) const;
  // Raises the entry to at least `counter`.
  void Advance(ReplicaId replica, std::uint64_t counter);
  bool Includes(const OpId& id) const { return id.counter <= Get(id.replica); }
  // True when every entry of `other` is covered here.
  bool Covers(const VersionVector& other) const;
  void Merge(const VersionVector& other);
  Order Compare(const VersionVector& other) const;

  // Entries sorted by replica id, zero entries omitted.
  const std::vector<std::pair<ReplicaId, std::uint64_t>>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  bool operator==(const VersionVector&) const = default;
  std::string ToString() const;

 private:
  std::vector<std::pair<ReplicaId, std::uint64_t>> entries_;
};

// Binary form: the entry count, then each (replica, counter), as varints.
std::vector<std::uint8_t> EncodeVersionVector(const VersionVector& v);
Result<VersionVector> DecodeVersionVector(std::span<const std::uint8_t> bytes);

}  // namespace naast::crdt
